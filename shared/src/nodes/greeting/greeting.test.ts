import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileFlow } from '../../compiler/compile.ts';
import type { FlowNode } from '../../document/schema.ts';
import {
  callStarted,
  compiled,
  flow,
  runCompiled,
  silenceXstateWarnings,
} from '../../test/harness.ts';
import { validateFlow } from '../../validation/validate.ts';

const AT = '2026-11-24T10:00:00-03:00'; // a Tuesday morning in São Paulo

function start(doc: unknown) {
  const h = runCompiled(compiled(doc), { at: AT });
  h.send(callStarted(AT));
  return h;
}

const greetingNode = (text: string, next?: string): FlowNode => ({
  id: 'greeting',
  kind: 'greeting',
  data: { text },
  connections: next ? { next } : {},
});

const byeNode: FlowNode = { id: 'bye', kind: 'hangup', data: { text: '' }, connections: {} };

/** `n` words, to make texts of a known speaking time (150 words a minute). */
const words = (n: number) => Array.from({ length: n }, (_, i) => `palavra${i}`).join(' ');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('greeting at run time', () => {
  it('waits for the call to be answered before saying anything', () => {
    const h = runCompiled(compiled(flow([greetingNode('Olá!', 'bye'), byeNode])), { at: AT });
    expect(h.log).toEqual([]);
    expect(h.state()).toBe('_ready');
    expect(h.tags()).toEqual([]);
  });

  it('says its text as soon as the call starts, speaking and not listening (R18)', () => {
    const h = start(flow([greetingNode('Olá! Obrigado por ligar.', 'bye'), byeNode]));
    expect(h.log).toEqual(['start', 'enter: greeting', 'say: Olá! Obrigado por ligar.']);
    expect(h.state()).toBe('greeting');
    expect(h.tags()).toEqual(['speaking']);
    expect(h.tags()).not.toContain('listening');
    expect(h.done()).toBe(false);
  });

  it('goes to the node on its next port when the prompt has ended', () => {
    const h = start(
      flow([
        greetingNode('Olá!', 'msg'),
        {
          id: 'msg',
          kind: 'message',
          data: { text: 'Seja bem-vindo.' },
          connections: { next: 'bye' },
        },
        byeNode,
      ]),
    );
    h.endPrompt();
    expect(h.state()).toBe('msg');
    expect(h.log.slice(-2)).toEqual(['enter: msg', 'say: Seja bem-vindo.']);
  });

  it('does not move on by itself, however long the prompt takes', () => {
    const h = start(flow([greetingNode('Olá!', 'bye'), byeNode]));
    h.advance(10 * 60_000);
    expect(h.state()).toBe('greeting');
    expect(h.log).toEqual(['start', 'enter: greeting', 'say: Olá!']);
  });

  it('ignores keys and speech while speaking: nothing changes (R17, R18)', () => {
    const h = start(
      flow([
        greetingNode('Olá!', 'menu'),
        {
          id: 'menu',
          kind: 'menu',
          data: {
            prompt: 'Digite 1.',
            options: [{ id: 'um', key: '1', keywords: ['um'] }],
            noInput: { repeats: 0 },
            noMatch: { repeats: 0 },
          },
          connections: { 'option:um': 'bye', noInput: 'bye', noMatch: 'bye' },
        },
        byeNode,
      ]),
    );
    const before = [...h.log];
    h.send({ type: 'dtmf', digit: '1' });
    h.send({ type: 'speech', text: 'um' });
    expect(h.state()).toBe('greeting');
    expect(h.tags()).toEqual(['speaking']);
    expect(h.log).toEqual(before);
    expect(h.context()).toEqual({ noInput: 0, noMatch: 0 });
    // The key pressed during the greeting is not queued for the menu either.
    h.endPrompt();
    expect(h.state()).toEqual({ menu: 'prompt' });
    expect(h.log).not.toContain('enter: bye');
  });

  it('compiles to a state that handles only prompt.ended (no dtmf or speech handler)', () => {
    const machine = compiled(flow([greetingNode('Olá!', 'bye'), byeNode]));
    expect(Object.keys(machine.states.greeting?.on ?? {})).toEqual(['prompt.ended']);
    expect(machine.states.greeting?.entry).toContainEqual({
      type: 'say',
      params: { text: 'Olá!', interruptible: false },
    });
  });

  it('hangs up when its next port is not connected', () => {
    const h = start(flow([greetingNode('Olá!')]));
    h.endPrompt();
    expect(h.log.slice(-2)).toEqual(['hangup: unconnected_port', 'end: hung_up']);
    expect(h.done()).toBe(true);
  });

  it('ends the call when the caller hangs up during the greeting', () => {
    const h = start(flow([greetingNode('Olá!', 'bye'), byeNode]));
    h.send({ type: 'call.ended', by: 'caller' });
    expect(h.done()).toBe(true);
    expect(h.log.at(-1)).toBe('end: caller_hung_up');
    expect(h.log).not.toContain('enter: bye');
  });

  it('ends the call when the network drops the line before it is answered', () => {
    const h = runCompiled(compiled(flow([greetingNode('Olá!', 'bye'), byeNode])), { at: AT });
    h.send({ type: 'call.ended', by: 'network' });
    expect(h.done()).toBe(true);
    expect(h.log).toEqual(['end: caller_hung_up']);
  });

  it('changes nothing once the call is over', () => {
    silenceXstateWarnings();
    const h = start(flow([greetingNode('Olá!', 'bye'), byeNode]));
    h.send({ type: 'call.ended', by: 'caller' });
    const log = [...h.log];
    const state = h.state();
    h.endPrompt();
    h.send({ type: 'dtmf', digit: '1' });
    h.send(callStarted(AT));
    h.advance(60_000);
    expect(h.log).toEqual(log);
    expect(h.state()).toEqual(state);
    expect(h.done()).toBe(true);
  });
});

describe('greeting validation', () => {
  it('accepts a normal greeting without diagnostics about it', () => {
    const diagnostics = validateFlow(
      flow([greetingNode('Olá! Obrigado por ligar.', 'bye'), byeNode]),
    );
    expect(diagnostics).toEqual([]);
  });

  it('refuses an empty greeting (text.empty, an error on data.text)', () => {
    const doc = flow([byeNode, greetingNode('   ', 'bye')]);
    const diagnostics = validateFlow(doc);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'text.empty',
        severity: 'error',
        nodeId: 'greeting',
        path: 'nodes[1].data.text',
      }),
    );
    expect(compileFlow(doc).machine).toBeNull();
  });

  it('warns about a greeting too long to sit through (text.long), but still compiles', () => {
    // 76 words at 150 words a minute: 30.4 s, over the 30 s limit.
    const doc = flow([greetingNode(words(76), 'bye'), byeNode]);
    const diagnostics = validateFlow(doc);
    expect(diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'text.long',
        severity: 'warning',
        nodeId: 'greeting',
        path: 'nodes[0].data.text',
      }),
    );
    expect(compileFlow(doc).machine).not.toBeNull();
  });

  it('does not warn at exactly 30 s of speech', () => {
    const diagnostics = validateFlow(flow([greetingNode(words(75), 'bye'), byeNode]));
    expect(diagnostics.map((d) => d.code)).not.toContain('text.long');
  });
});
