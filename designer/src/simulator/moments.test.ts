import { createSimulatedCall, examples, type TraceLine } from '@callbot/runtime';
import { describe, expect, it } from 'vitest';
import { callNotStarted, foldMoment, formatCallTime, timelineOf } from './moments.ts';

const CALL = {
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
} as const;

/** A reception call at an open hour: a key in the greeting (ignored), then 1 in the menu. */
function receptionCall(): TraceLine[] {
  const call = createSimulatedCall(examples.reception, {
    call: CALL,
    startAt: '2026-11-24T10:00:00-03:00',
    agents: { vendas: 1 },
  });
  call.start();
  call.runUntil(1000);
  call.send({ type: 'dtmf', digit: '5' });
  call.runUntil(7000);
  call.send({ type: 'dtmf', digit: '1' });
  return [...call.getSnapshot().transcript];
}

describe('formatCallTime', () => {
  it('writes minutes, seconds and tenths', () => {
    expect(formatCallTime(0)).toBe('00:00.0');
    expect(formatCallTime(2849)).toBe('00:02.8');
    expect(formatCallTime(61_250)).toBe('01:01.2');
    expect(formatCallTime(600_000)).toBe('10:00.0');
  });
});

describe('foldMoment', () => {
  it('follows speaking, listening and the node line by line', () => {
    const states = receptionCall().reduce(
      (acc, line) => [...acc, foldMoment(acc.at(-1)!, line, 150, ['dtmf', 'speech'])],
      [{ ...callNotStarted, speakingUntil: 0 }],
    );
    const at = (kind: string, t: number) =>
      states.find((s, i) => i > 0 && s.t === t && receptionCall()[i - 1]!.kind === kind);
    expect(at('input', 1000)).toMatchObject({ node: 'greeting', speaking: true, listening: false });
    expect(at('listen', 6000)).toMatchObject({
      node: 'menu',
      speaking: false,
      listening: true,
      modes: ['dtmf', 'speech'],
    });
    expect(states.at(-1)).toMatchObject({
      node: 't-vendas',
      listening: false,
      outcome: 'transferred',
    });
  });
});

describe('timelineOf', () => {
  it('draws prompts and listening as spans, inputs as marks, nodes as labels', () => {
    const data = timelineOf(receptionCall(), 9000, 150);
    expect(data.end).toBe(7000);
    expect(data.speaking).toEqual([
      { from: 0, to: 2800 },
      { from: 2800, to: 6000 },
    ]);
    expect(data.listening).toEqual([{ from: 6000, to: 7000 }]);
    expect(data.inputs).toEqual([
      { t: 1000, label: '5', accepted: false, reason: 'not_listening' },
      { t: 7000, label: '1', accepted: true, reason: null },
    ]);
    expect(data.nodes.map((n) => n.id)).toEqual(['greeting', 'horario', 'menu', 't-vendas']);
  });

  it('draws a call still going up to now', () => {
    const lines = receptionCall().filter((l) => l.t < 6500);
    const data = timelineOf(lines, 6500, 150);
    expect(data.end).toBe(6500);
    expect(data.listening).toEqual([{ from: 6000, to: 6500 }]);
  });
});
