import { examples, type ScriptInput } from '@callbot/runtime';
import type { CallDetail } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { scriptOfCall, traceOf } from './callScript.ts';
import { replayCall } from './replay.ts';
import { recordCall } from './testing.ts';

/** The same call as a real voice played it `faster` times as fast as the simulator's estimate. */
function spokenFaster(detail: CallDetail, faster: number): CallDetail {
  return {
    ...detail,
    events: detail.events.map((e) => ({ ...e, line: { ...e.line, t: e.line.t / faster } })),
  };
}

const replayed = (detail: CallDetail) => {
  const lines = traceOf(detail);
  return replayCall(examples.reception, scriptOfCall(detail, lines), lines);
};

const CALLS: [string, ScriptInput['steps']][] = [
  [
    'key 2, nobody in support',
    [{ when: 'listening', delay: 1200, event: { type: 'dtmf', digit: '2' } }],
  ],
  [
    'a wrong key, then a hang-up',
    [
      { when: 'listening', delay: 500, event: { type: 'dtmf', digit: '9' } },
      { when: 'listening', delay: 700, event: { type: 'call.ended', by: 'caller' } },
    ],
  ],
  [
    'a key during the greeting, then sales',
    [
      { at: 300, event: { type: 'dtmf', digit: '5' } },
      { when: 'listening', delay: 900, event: { type: 'dtmf', digit: '1' } },
    ],
  ],
];

describe('the replay of a real call', () => {
  it.each(CALLS)('answers the same for the same flow: %s', (_, steps) => {
    const { detail } = recordCall('CA-1', steps, { agents: { vendas: 1 } });
    expect(replayed(detail)).toMatchObject({ ok: true, same: true });
  });

  it.each(CALLS)(
    'answers the same when the real voice spoke faster than the estimate: %s',
    (_, steps) => {
      // Twice as fast, and as a provider that answers at once (every moment 0): keys the bot took
      // are given when the simulator listens, not inside a prompt it is still saying.
      const { detail } = recordCall('CA-1', steps, { agents: { vendas: 1 } });
      expect(replayed(spokenFaster(detail, 2))).toMatchObject({ ok: true, same: true });
    },
  );

  it('keeps the moment of a key the bot did not listen to', () => {
    const { detail } = recordCall('CA-1', CALLS[2]![1], { agents: { vendas: 1 } });
    const script = scriptOfCall(detail, traceOf(detail));
    expect(script.steps[0]).toEqual({ at: 300, event: { type: 'dtmf', digit: '5' } });
    expect(script.steps[1]).toEqual({
      when: 'listening',
      delay: 900,
      event: { type: 'dtmf', digit: '1' },
    });
  });
});
