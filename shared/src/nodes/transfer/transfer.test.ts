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
  connections: { next: 'equipe' },
};

const transferNode = (
  team: string,
  connections: Record<string, string> = { noAgents: 'semAgentes', failed: 'falhou' },
): FlowNode => ({ id: 'equipe', kind: 'transfer', data: { team }, connections });

const bot = (id: string): FlowNode => ({
  id,
  kind: 'fallbackBot',
  data: { bot: `bot-${id}` },
  connections: {},
});
const ends = [bot('semAgentes'), bot('falhou')];

/** Answers the call with these agents available and lets the greeting finish. */
function atTransfer(doc: unknown, agents: Record<string, number>) {
  const h = runCompiled(compiled(doc), { at: AT, agents });
  h.send(callStarted(AT));
  h.endPrompt();
  return h;
}

describe('transfer with agents available', () => {
  const doc = flow([greetingNode, transferNode('vendas'), ...ends]);

  it('puts the call through to the team', () => {
    const h = atTransfer(doc, { vendas: 2 });
    expect(h.log.slice(-2)).toEqual(['enter: equipe', 'transfer: vendas']);
    expect(h.state()).toEqual({ equipe: 'ringing' });
    expect(h.done()).toBe(false);
    expect(h.tags()).toEqual([]);
  });

  it('asks about its own team only', () => {
    const h = atTransfer(doc, { suporte: 5, vendas: 0 });
    expect(h.log).not.toContain('transfer: vendas');
    expect(h.log).toContain('noAgents: vendas');
  });

  it('ends the flow as transferred when the transfer is answered', () => {
    const h = atTransfer(doc, { vendas: 1 });
    h.send({ type: 'transfer.result', outcome: 'answered' });
    expect(h.done()).toBe(true);
    expect(h.state()).toBe('_transferred');
    expect(h.log.at(-1)).toBe('end: transferred');
    expect(h.log).not.toContain('enter: falhou');
  });

  for (const outcome of ['busy', 'no_answer'] as const) {
    it(`R16: takes the noAgents port when nobody took the transfer (${outcome})`, () => {
      const h = atTransfer(doc, { vendas: 1 });
      h.send({ type: 'transfer.result', outcome });
      expect(h.log.slice(-4)).toEqual([
        'transfer: vendas',
        'enter: semAgentes',
        'handoff: bot-semAgentes',
        'end: handed_off',
      ]);
      expect(h.done()).toBe(true);
    });
  }

  it('takes the failed port when the transfer failed', () => {
    const h = atTransfer(doc, { vendas: 1 });
    h.send({ type: 'transfer.result', outcome: 'failed' });
    expect(h.log.slice(-4)).toEqual([
      'transfer: vendas',
      'enter: falhou',
      'handoff: bot-falhou',
      'end: handed_off',
    ]);
    expect(h.done()).toBe(true);
  });

  it('ignores keys and speech while ringing', () => {
    const h = atTransfer(doc, { vendas: 1 });
    const before = [...h.log];
    h.send({ type: 'dtmf', digit: '1' });
    h.send({ type: 'speech', text: 'alô' });
    h.endPrompt();
    h.advance(120_000);
    expect(h.log).toEqual(before);
    expect(h.state()).toEqual({ equipe: 'ringing' });
  });

  it('hangs up when the failed port is not connected', () => {
    const h = atTransfer(
      flow([greetingNode, transferNode('vendas', { noAgents: 'semAgentes' }), bot('semAgentes')]),
      { vendas: 1 },
    );
    h.send({ type: 'transfer.result', outcome: 'failed' });
    expect(h.log.slice(-2)).toEqual(['hangup: unconnected_port', 'end: hung_up']);
  });

  it('ends with caller_hung_up when the caller gives up while it rings', () => {
    const h = atTransfer(doc, { vendas: 1 });
    h.send({ type: 'call.ended', by: 'caller' });
    expect(h.done()).toBe(true);
    expect(h.log.at(-1)).toBe('end: caller_hung_up');
  });
});

describe('transfer with nobody available (R16)', () => {
  const doc = flow([greetingNode, transferNode('vendas'), ...ends]);

  it('takes noAgents at once, without ringing anyone', () => {
    const h = atTransfer(doc, { vendas: 0 });
    expect(h.log.slice(-5)).toEqual([
      'enter: equipe',
      'noAgents: vendas',
      'enter: semAgentes',
      'handoff: bot-semAgentes',
      'end: handed_off',
    ]);
    expect(h.log.some((s) => s.startsWith('transfer:'))).toBe(false);
    expect(h.done()).toBe(true);
  });

  it('treats a team missing from the directory as having nobody', () => {
    const h = atTransfer(doc, {});
    expect(h.log).toContain('noAgents: vendas');
    expect(h.log).toContain('enter: semAgentes');
    expect(h.log.some((s) => s.startsWith('transfer:'))).toBe(false);
  });

  it('hangs up when noAgents is not connected', () => {
    const h = atTransfer(
      flow([greetingNode, transferNode('vendas', { failed: 'falhou' }), bot('falhou')]),
      {},
    );
    expect(h.log.slice(-3)).toEqual([
      'noAgents: vendas',
      'hangup: unconnected_port',
      'end: hung_up',
    ]);
  });
});

describe('transfer validation', () => {
  it('has no diagnostics for a transfer with a team and both ports connected', () => {
    expect(validateFlow(flow([greetingNode, transferNode('vendas'), ...ends]))).toEqual([]);
  });

  it('refuses a transfer without a team (transfer.noTeam)', () => {
    for (const team of ['', '   ']) {
      const doc = flow([greetingNode, transferNode(team), ...ends]);
      expect(validateFlow(doc), JSON.stringify(team)).toContainEqual(
        expect.objectContaining({
          code: 'transfer.noTeam',
          severity: 'error',
          nodeId: 'equipe',
          path: 'nodes[1].data.team',
        }),
      );
      expect(compileFlow(doc).machine).toBeNull();
    }
  });

  it('warns about each unconnected port', () => {
    const ports = validateFlow(flow([greetingNode, transferNode('vendas', {})]))
      .filter((d) => d.code === 'port.unconnected')
      .map((d) => d.port);
    expect(ports).toEqual(['noAgents', 'failed']);
  });
});
