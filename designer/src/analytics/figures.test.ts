import { describe, expect, it } from 'vitest';
import { examples, scriptSchema, simulateCall, type ScriptInput } from '@callbot/runtime';
import { addFigures, edgeFigures, edgeWidth, figuresOfCall, pathMarks, rate } from './figures.ts';

const OPEN = '2026-11-24T10:00:00-03:00';
const call = (script: Omit<ScriptInput, 'call'>) =>
  simulateCall(
    examples.reception,
    scriptSchema.parse({
      call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
      startAt: OPEN,
      ...script,
    }),
  ).lines;

const sales = call({
  agents: { vendas: 1 },
  steps: [{ when: 'listening', delay: 200, event: { type: 'dtmf', digit: '1' } }],
});
const silent = call({});
const wrongKeyThenHangUp = call({
  steps: [
    { when: 'listening', delay: 200, event: { type: 'dtmf', digit: '9' } },
    { when: 'listening', delay: 300, event: { type: 'call.ended', by: 'caller' } },
  ],
});

describe('figuresOfCall', () => {
  it('counts the nodes a call came to and the outputs it left them by', () => {
    const figures = figuresOfCall(sales);
    const entered = sales.filter((l) => l.kind === 'node');
    expect([...figures.nodes.keys()]).toEqual([...new Set(entered.map((l) => l.id))]);
    const vias = entered.flatMap((l) => (l.kind === 'node' && l.via ? [l.via] : []));
    expect([...figures.outputs.keys()].sort()).toEqual([...new Set(vias)].sort());
    expect([...figures.nodes.values()].every((n) => n.hungUp === 0)).toBe(true);
  });

  it('counts a silent caller’s no-inputs at the menu, and a wrong key as a no-match', () => {
    const quiet = figuresOfCall(silent);
    const menu = [...quiet.nodes].find(([, f]) => f.noInput > 0);
    expect(menu?.[1].noInput).toBe(silent.filter((l) => l.kind === 'noinput').length);
    const wrong = figuresOfCall(wrongKeyThenHangUp);
    expect([...wrong.nodes.values()].reduce((n, f) => n + f.noMatch, 0)).toBe(1);
  });

  it('puts the drop-off where the caller hung up', () => {
    const figures = figuresOfCall(wrongKeyThenHangUp);
    const lastNode = wrongKeyThenHangUp.filter((l) => l.kind === 'node').at(-1);
    expect(lastNode?.kind === 'node' && figures.nodes.get(lastNode.id)?.hungUp).toBe(1);
    expect([...figures.nodes.values()].reduce((n, f) => n + f.hungUp, 0)).toBe(1);
  });
});

describe('addFigures', () => {
  it('adds calls up node by node and output by output', () => {
    const all = addFigures([figuresOfCall(sales), figuresOfCall(silent), figuresOfCall(sales)]);
    expect(all.calls).toBe(3);
    expect(all.nodes.get('greeting')?.calls).toBe(3);
    const one = figuresOfCall(sales);
    for (const [id, n] of one.outputs) expect(all.outputs.get(id)).toBeGreaterThanOrEqual(2 * n);
  });
});

describe('edge widths', () => {
  it('grows with the calls that passed, the busiest at the widest, one call still seen', () => {
    expect(edgeWidth(0, 10)).toBe(1.5);
    expect(edgeWidth(1, 100)).toBeGreaterThan(1.5);
    expect(edgeWidth(100, 100)).toBe(10);
    expect(edgeWidth(25, 100)).toBeLessThan(edgeWidth(50, 100));
    const shown = edgeFigures(addFigures([figuresOfCall(sales), figuresOfCall(sales)]), String);
    expect([...shown.values()].every((e) => e.label === '2' && e.width === 10)).toBe(true);
  });

  it('gives no rate where nothing could happen', () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
  });
});

describe('pathMarks', () => {
  it('marks the nodes and outputs a call went through, and the node it ended at', () => {
    const marks = pathMarks(sales);
    const nodes = sales.filter((l) => l.kind === 'node');
    const last = nodes.at(-1);
    expect(last?.kind === 'node' && marks.nodes.get(last.id)).toBe('is-visited is-active');
    expect(marks.nodes.get('greeting')).toBe('is-visited');
    expect(marks.edges.size).toBe(nodes.length - 1);
  });
});
