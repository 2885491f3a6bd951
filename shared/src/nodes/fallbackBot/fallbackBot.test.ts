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
  connections: { next: 'contingencia' },
};

const botNode = (bot: string): FlowNode => ({
  id: 'contingencia',
  kind: 'fallbackBot',
  label: 'Bot fora do horário',
  data: { bot },
  connections: {},
});

describe('fallbackBot at run time', () => {
  it('hands the call to its bot and ends the flow as handed_off', () => {
    const h = runCompiled(compiled(flow([greetingNode, botNode('bot-fora-do-horario')])), {
      at: AT,
    });
    h.send(callStarted(AT));
    expect(h.log).not.toContain('enter: contingencia');
    h.endPrompt();
    expect(h.log).toEqual([
      'start',
      'enter: greeting',
      'say: Olá!',
      'enter: contingencia',
      'handoff: bot-fora-do-horario',
      'end: handed_off',
    ]);
    expect(h.done()).toBe(true);
    expect(h.state()).toBe('_handedOff');
    expect(h.tags()).toEqual([]);
  });

  it('says nothing and emits nothing after the handoff', () => {
    const h = runCompiled(compiled(flow([greetingNode, botNode('outro-bot')])), { at: AT });
    h.send(callStarted(AT));
    h.endPrompt();
    expect(h.log.filter((s) => s.startsWith('say: '))).toEqual(['say: Olá!']);
    expect(h.log.filter((s) => s.startsWith('end: '))).toEqual(['end: handed_off']);
    expect(h.log.some((s) => s.startsWith('hangup'))).toBe(false);
  });

  it('reports the label the user gave the node', () => {
    const machine = compiled(flow([greetingNode, botNode('x')]));
    expect(machine.states.contingencia?.entry?.[0]).toEqual({
      type: 'enterNode',
      params: { id: 'contingencia', kind: 'fallbackBot', label: 'Bot fora do horário' },
    });
  });
});

describe('fallbackBot validation', () => {
  it('has no diagnostics when it names a bot (it has no ports to connect)', () => {
    expect(validateFlow(flow([greetingNode, botNode('bot-vendas')]))).toEqual([]);
  });

  it('refuses a fallback bot node that names no bot (fallbackBot.noBot)', () => {
    for (const bot of ['', '  ']) {
      const doc = flow([greetingNode, botNode(bot)]);
      expect(validateFlow(doc), JSON.stringify(bot)).toEqual([
        expect.objectContaining({
          code: 'fallbackBot.noBot',
          severity: 'error',
          nodeId: 'contingencia',
          path: 'nodes[1].data.bot',
        }),
      ]);
      expect(compileFlow(doc).machine).toBeNull();
    }
  });
});
