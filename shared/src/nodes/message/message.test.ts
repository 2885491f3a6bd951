import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../compiler/compile.ts';
import type { FlowNode } from '../../document/schema.ts';
import { callStarted, compiled, flow, runCompiled } from '../../test/harness.ts';
import { validateFlow } from '../../validation/validate.ts';

const AT = '2026-11-24T10:00:00-03:00'; // a Tuesday morning in São Paulo

/** Starts the call and lets the greeting finish, so the message is being said. */
function atMessage(doc: unknown) {
  const h = runCompiled(compiled(doc), { at: AT });
  h.send(callStarted(AT));
  h.endPrompt();
  return h;
}

const greetingNode: FlowNode = {
  id: 'greeting',
  kind: 'greeting',
  data: { text: 'Olá!' },
  connections: { next: 'msg' },
};

const messageNode = (text: string, next?: string, id = 'msg'): FlowNode => ({
  id,
  kind: 'message',
  data: { text },
  connections: next ? { next } : {},
});

const byeNode: FlowNode = {
  id: 'bye',
  kind: 'hangup',
  data: { text: 'Tchau.' },
  connections: {},
};

const words = (n: number) => Array.from({ length: n }, (_, i) => `palavra${i}`).join(' ');

describe('message at run time', () => {
  it('says its text, speaking and not listening', () => {
    const h = atMessage(flow([greetingNode, messageNode('Nosso horário mudou.', 'bye'), byeNode]));
    expect(h.state()).toBe('msg');
    expect(h.log.slice(-2)).toEqual(['enter: msg', 'say: Nosso horário mudou.']);
    expect(h.tags()).toEqual(['speaking']);
  });

  it('goes on to its next node when the prompt has ended', () => {
    const h = atMessage(flow([greetingNode, messageNode('Aviso.', 'bye'), byeNode]));
    h.endPrompt();
    expect(h.state()).toEqual({ bye: 'goodbye' });
    expect(h.log.slice(-2)).toEqual(['enter: bye', 'say: Tchau.']);
  });

  it('chains messages in order', () => {
    const h = atMessage(
      flow([
        greetingNode,
        messageNode('Primeiro.', 'msg2'),
        messageNode('Segundo.', 'bye', 'msg2'),
        byeNode,
      ]),
    );
    h.endPrompt();
    h.endPrompt();
    expect(h.log.filter((s) => s.startsWith('say: '))).toEqual([
      'say: Olá!',
      'say: Primeiro.',
      'say: Segundo.',
      'say: Tchau.',
    ]);
  });

  it('cannot be interrupted: keys and speech while speaking change nothing (R17)', () => {
    const h = atMessage(flow([greetingNode, messageNode('Aviso.', 'bye'), byeNode]));
    const before = [...h.log];
    h.send({ type: 'dtmf', digit: '0' });
    h.send({ type: 'speech', text: 'atendente' });
    h.advance(60_000);
    expect(h.state()).toBe('msg');
    expect(h.tags()).toEqual(['speaking']);
    expect(h.log).toEqual(before);
  });

  it('hangs up with reason unconnected_port when next is not connected', () => {
    const h = atMessage(flow([greetingNode, messageNode('Aviso.')]));
    expect(h.done()).toBe(false);
    h.endPrompt();
    expect(h.log.slice(-2)).toEqual(['hangup: unconnected_port', 'end: hung_up']);
    expect(h.state()).toBe('_hungUp');
    expect(h.done()).toBe(true);
  });

  it('ends with caller_hung_up when the caller hangs up while it speaks', () => {
    const h = atMessage(flow([greetingNode, messageNode('Aviso.', 'bye'), byeNode]));
    h.send({ type: 'call.ended', by: 'caller' });
    expect(h.done()).toBe(true);
    expect(h.state()).toBe('_callerHungUp');
    expect(h.log.at(-1)).toBe('end: caller_hung_up');
    expect(h.log).not.toContain('hangup: flow_ended');
  });
});

describe('message validation', () => {
  it('has no diagnostics for a connected message with text', () => {
    expect(validateFlow(flow([greetingNode, messageNode('Aviso.', 'bye'), byeNode]))).toEqual([]);
  });

  it('refuses an empty message (text.empty on data.text)', () => {
    const doc = flow([greetingNode, messageNode('', 'bye'), byeNode]);
    expect(validateFlow(doc)).toContainEqual(
      expect.objectContaining({
        code: 'text.empty',
        severity: 'error',
        nodeId: 'msg',
        path: 'nodes[1].data.text',
      }),
    );
    expect(compileFlow(doc).machine).toBeNull();
  });

  it('warns about a message over 30 s of speech (text.long on data.text)', () => {
    const doc = flow([greetingNode, messageNode(words(80), 'bye'), byeNode]);
    const diagnostics = validateFlow(doc);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'text.long',
        severity: 'warning',
        nodeId: 'msg',
        path: 'nodes[1].data.text',
      }),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('warns that an unconnected next port hangs up (port.unconnected)', () => {
    expect(validateFlow(flow([greetingNode, messageNode('Aviso.')]))).toContainEqual(
      expect.objectContaining({
        code: 'port.unconnected',
        severity: 'warning',
        nodeId: 'msg',
        port: 'next',
        path: 'nodes[1].connections',
      }),
    );
  });

  it('refuses a loop of messages, where the bot would never listen (flow.silentLoop)', () => {
    const doc = flow([greetingNode, messageNode('A.', 'msg2'), messageNode('B.', 'msg', 'msg2')]);
    const loop = validateFlow(doc).filter((d) => d.code === 'flow.silentLoop');
    expect(loop.map((d) => d.nodeId).sort()).toEqual(['msg', 'msg2']);
    expect(loop.every((d) => d.severity === 'error')).toBe(true);
    expect(compileFlow(doc).machine).toBeNull();
  });
});
