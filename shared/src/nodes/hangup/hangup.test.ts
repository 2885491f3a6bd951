import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../compiler/compile.ts';
import type { FlowNode } from '../../document/schema.ts';
import { callStarted, compiled, flow, runCompiled } from '../../test/harness.ts';
import { validateFlow } from '../../validation/validate.ts';

const AT = '2026-11-24T10:00:00-03:00';

const greetingNode: FlowNode = {
  id: 'greeting',
  kind: 'greeting',
  data: { text: 'Olá!' },
  connections: { next: 'tchau' },
};

const hangupNode = (text: string): FlowNode => ({
  id: 'tchau',
  kind: 'hangup',
  data: { text },
  connections: {},
});

/** Answers the call and lets the greeting finish. */
function atHangup(text: string) {
  const h = runCompiled(compiled(flow([greetingNode, hangupNode(text)])), { at: AT });
  h.send(callStarted(AT));
  h.endPrompt();
  return h;
}

describe('hangup with a goodbye', () => {
  it('says goodbye, speaking, and has not hung up yet', () => {
    const h = atHangup('Obrigado pela ligação. Até logo.');
    expect(h.log.slice(-2)).toEqual(['enter: tchau', 'say: Obrigado pela ligação. Até logo.']);
    expect(h.tags()).toEqual(['speaking']);
    expect(h.state()).toEqual({ tchau: 'goodbye' });
    expect(h.done()).toBe(false);
    expect(h.log).not.toContain('hangup: flow_ended');
  });

  it('hangs up with reason flow_ended once the goodbye has been said', () => {
    const h = atHangup('Até logo.');
    h.endPrompt();
    expect(h.log.slice(-3)).toEqual(['say: Até logo.', 'hangup: flow_ended', 'end: hung_up']);
    expect(h.done()).toBe(true);
    expect(h.state()).toBe('_hungUp');
  });

  it('cannot be interrupted, nor cut short by time passing', () => {
    const h = atHangup('Até logo.');
    const before = [...h.log];
    h.send({ type: 'dtmf', digit: '0' });
    h.send({ type: 'speech', text: 'espera' });
    h.advance(60_000);
    expect(h.log).toEqual(before);
    expect(h.done()).toBe(false);
  });

  it('ends as caller_hung_up, without its own hangup, when the caller hangs up first', () => {
    const h = atHangup('Até logo.');
    h.send({ type: 'call.ended', by: 'caller' });
    expect(h.done()).toBe(true);
    expect(h.log.at(-1)).toBe('end: caller_hung_up');
    expect(h.log).not.toContain('hangup: flow_ended');
    expect(h.log.filter((s) => s.startsWith('end: '))).toHaveLength(1);
  });
});

describe('hangup without a goodbye', () => {
  it('hangs up at once when the text is empty', () => {
    const h = atHangup('');
    expect(h.log.slice(-3)).toEqual(['enter: tchau', 'hangup: flow_ended', 'end: hung_up']);
    expect(h.done()).toBe(true);
  });

  it('hangs up at once, saying nothing, when the text is only spaces', () => {
    const h = atHangup('   ');
    expect(h.log.filter((s) => s.startsWith('say: '))).toEqual(['say: Olá!']);
    expect(h.log.at(-1)).toBe('end: hung_up');
    expect(h.done()).toBe(true);
  });
});

describe('hangup validation', () => {
  it('accepts a goodbye, or none at all', () => {
    expect(validateFlow(flow([greetingNode, hangupNode('Até logo.')]))).toEqual([]);
    expect(validateFlow(flow([greetingNode, hangupNode('')]))).toEqual([]);
  });

  it('warns about a goodbye over 30 s of speech (text.long on data.text)', () => {
    const long = Array.from({ length: 100 }, () => 'obrigado').join(' ');
    const doc = flow([greetingNode, hangupNode(long)]);
    expect(validateFlow(doc)).toEqual([
      expect.objectContaining({
        code: 'text.long',
        severity: 'warning',
        nodeId: 'tchau',
        path: 'nodes[1].data.text',
      }),
    ]);
    expect(compileFlow(doc).machine).not.toBeNull();
  });
});
