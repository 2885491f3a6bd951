import { describe, expect, it } from 'vitest';
import { examples, scriptSchema, simulateCall, type ScriptInput } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import { computeCoverage } from './coverage.ts';

const reception = examples.reception;

const call = (doc: FlowDocument, script: Omit<ScriptInput, 'call'>) =>
  simulateCall(
    doc,
    scriptSchema.parse({
      call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
      ...script,
    }),
  ).lines;

const pressAtMenu = (digit: '1' | '2') => ({
  when: 'listening' as const,
  delay: 200,
  event: { type: 'dtmf' as const, digit },
});

/** Monday 10:00 in São Paulo: open. */
const monday = '2026-11-23T10:00:00-03:00';
const salesWithoutAgents = call(reception, { startAt: monday, steps: [pressAtMenu('1')] });
const supportAnswered = call(reception, {
  startAt: monday,
  agents: { suporte: 1 },
  steps: [pressAtMenu('2')],
});

describe('computeCoverage', () => {
  it('counts the nodes entered and the ports taken between them', () => {
    const coverage = computeCoverage(reception, [salesWithoutAgents]);
    expect([...coverage.nodes]).toEqual(['greeting', 'horario', 'menu', 't-vendas', 'bot-vendas']);
    expect([...coverage.ports]).toEqual([
      'greeting:next',
      'horario:open',
      'menu:option:vendas',
      // Both of the transfer's ports lead to bot-vendas: the call took "no agents".
      't-vendas:noAgents',
    ]);
    // 11 nodes; 15 connected ports (greeting 1, schedule 3, closed message 1, menu 4, transfers 2 each).
    expect(coverage.totals).toEqual({ nodes: 11, ports: 15 });
    expect(coverage.percent).toEqual({ nodes: 45, ports: 26 });
  });

  it('adds up several test cases, each node and port once', () => {
    const coverage = computeCoverage(reception, [
      salesWithoutAgents,
      supportAnswered,
      salesWithoutAgents,
    ]);
    expect(coverage.nodes).toEqual(
      new Set(['greeting', 'horario', 'menu', 't-vendas', 'bot-vendas', 't-suporte']),
    );
    expect(coverage.ports).toEqual(
      new Set([
        'greeting:next',
        'horario:open',
        'menu:option:vendas',
        't-vendas:noAgents',
        'menu:option:suporte',
      ]),
    );
    expect(coverage.percent).toEqual({ nodes: 54, ports: 33 });
  });

  it('tells apart ports that lead to the same node, by the output the call took', () => {
    // "closed" and "holiday" both lead to the closed message.
    const sunday = call(reception, { startAt: '2026-11-29T03:00:00-03:00' });
    const christmas = call(reception, { startAt: '2026-12-25T10:00:00-03:00' });
    expect(computeCoverage(reception, [sunday]).ports).toEqual(
      new Set(['greeting:next', 'horario:closed', 'fechado:next']),
    );
    expect(computeCoverage(reception, [christmas]).ports).toEqual(
      new Set(['greeting:next', 'horario:holiday', 'fechado:next']),
    );
  });

  it('reads old transcripts against the current flow: gone nodes and ports are ignored', () => {
    const withoutSalesTransfer: FlowDocument = {
      ...reception,
      nodes: reception.nodes
        .filter((n) => n.id !== 't-vendas')
        .map((n) =>
          n.id === 'menu'
            ? { ...n, connections: { ...n.connections, 'option:vendas': 'bot-vendas' } }
            : n,
        ),
    };
    const coverage = computeCoverage(withoutSalesTransfer, [salesWithoutAgents]);
    expect(coverage.nodes.has('t-vendas')).toBe(false);
    expect(coverage.nodes.has('bot-vendas')).toBe(true);
    // The old call went menu -> t-vendas -> bot-vendas: no port of the menu led to t-vendas.
    expect(coverage.ports.has('menu:option:vendas')).toBe(false);
    expect(coverage.totals.nodes).toBe(10);
  });

  it('is 0% with no test case, and 100% for nothing to cover', () => {
    expect(computeCoverage(reception, []).percent).toEqual({ nodes: 0, ports: 0 });
    const empty: FlowDocument = { ...reception, nodes: [], layout: { nodes: {} } };
    expect(computeCoverage(empty, []).percent).toEqual({ nodes: 100, ports: 100 });
  });
});
