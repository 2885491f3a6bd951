/**
 * Properties of call sessions over random calls: random events (keys, speech
 * with and without keywords, hang-ups, transfer results, current and stale
 * prompt ends, agent replies, time passing) on both example flows, with
 * random agents per team, random call times and random AI agents.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CallEvent } from '@callbot/shared';
import type { AgentAdapter, AgentTurn } from '../agents/adapter.ts';
import { examples } from '../examples.ts';
import type { SessionMessage } from '../protocol.ts';
import {
  CHRISTMAS,
  flush,
  OPEN_AT,
  SUNDAY_NIGHT,
  TestCall,
  type CallOptions,
} from '../test/support.ts';

type Action =
  | { k: 'dtmf'; digit: Extract<CallEvent, { type: 'dtmf' }>['digit'] }
  | { k: 'speech'; text: string }
  | { k: 'hangup'; by: 'caller' | 'network' }
  | { k: 'transfer'; outcome: 'answered' | 'no_answer' | 'busy' | 'failed' }
  | { k: 'prompt'; which: 'current' | 'stale' | 'unknown' | 'none' }
  | { k: 'reply'; text: string; done: boolean; transfer: boolean }
  | { k: 'advance'; ms: number }
  | { k: 'restart' };

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#'] as const;
const TEXTS = [
  'vendas',
  'SUPORTE',
  'quero falar com Vendás',
  'suporte técnico, por favor',
  'vendedor',
  'não sei',
  '',
  'tchau',
];
const REPLIES = ['', ' ', 'Pois não?', 'Um momento, por favor.', 'Até logo!'];

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      k: fc.constant('dtmf'),
      digit: fc.oneof(fc.constantFrom('1', '2'), fc.constantFrom(...DIGITS)),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({ k: fc.constant('speech'), text: fc.constantFrom(...TEXTS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('hangup'), by: fc.constantFrom('caller', 'network') }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('transfer'),
      outcome: fc.constantFrom('answered', 'no_answer', 'busy', 'failed'),
    }),
  },
  { weight: 20, arbitrary: fc.constant({ k: 'prompt' as const, which: 'current' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('prompt'),
      which: fc.constantFrom('stale', 'unknown', 'none'),
    }),
  },
  {
    weight: 8,
    arbitrary: fc.record({
      k: fc.constant('reply'),
      text: fc.constantFrom(...REPLIES),
      done: fc.boolean(),
      transfer: fc.boolean(),
    }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      k: fc.constant('advance'),
      ms: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(4999, 5000, 5001, 60_000)),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ k: 'restart' as const }) },
);

/** An agent turn, or a failure: `throw` (at once) or `reject` (later). */
type Turn = AgentTurn | 'throw' | 'reject';
const turnArb: fc.Arbitrary<Turn> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('throw' as const, 'reject' as const) },
  {
    weight: 6,
    arbitrary: fc.record(
      { text: fc.constantFrom(...REPLIES), done: fc.boolean(), transfer: fc.boolean() },
      { requiredKeys: ['text'] },
    ),
  },
);

/** Moments around the reception's interesting times, and anywhere in 2026-2027. */
const momentArb = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.integer({
      min: Date.parse('2026-01-01T00:00:00Z'),
      max: Date.parse('2027-12-31T23:59:59Z'),
    }),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(
          OPEN_AT,
          OPEN_AT,
          OPEN_AT,
          OPEN_AT,
          SUNDAY_NIGHT,
          CHRISTMAS,
          '2026-11-24T08:59:58-03:00',
          '2026-11-24T17:59:59-03:00',
          '2026-11-28T12:59:59-03:00',
          '2026-12-31T23:59:59-03:00',
        ),
        fc.integer({ min: -10_000, max: 10_000 }),
      )
      .map(([iso, offset]) => Date.parse(iso) + offset),
  },
);

interface Scenario {
  flow: 'reception' | 'aiAgent';
  agents: Record<string, number>;
  at: number;
  withAt: boolean;
  /** null: no adapter (turns only come as agent.reply events). */
  turns: Turn[] | null;
  actions: Action[];
}

const scenarioArb: fc.Arbitrary<Scenario> = fc.record({
  flow: fc.constantFrom('reception' as const, 'aiAgent' as const),
  agents: fc.record({
    vendas: fc.nat({ max: 2 }),
    suporte: fc.nat({ max: 2 }),
    recepcao: fc.nat({ max: 2 }),
  }),
  at: momentArb,
  withAt: fc.boolean(),
  turns: fc.option(fc.array(turnArb, { minLength: 1, maxLength: 4 }), { nil: null }),
  actions: fc.array(actionArb, { maxLength: 50, size: 'max' }),
});

/** A deterministic agent: its turn depends only on the request, so a restored call gets the same. */
function adapterOf(turns: Turn[]): AgentAdapter {
  return (request) => {
    const turn = turns[request.messages.length % turns.length]!;
    if (turn === 'throw') throw new Error('agent down');
    if (turn === 'reject') return Promise.reject(new Error('agent timed out'));
    return request.messages.length % 2 === 0 ? turn : Promise.resolve(turn);
  };
}

const optionsOf = (s: Scenario): CallOptions => ({
  clockAt: s.at,
  agents: s.agents,
  ...(s.turns && { agent: adapterOf(s.turns) }),
});

const isoAt = (ms: number) => new Date(ms).toISOString();

function begin(s: Scenario): TestCall {
  const call = new TestCall(examples[s.flow], optionsOf(s));
  return s.withAt ? call.start(isoAt(s.at)) : call.start();
}

function apply(call: TestCall, action: Action, at: number): void {
  const transcript = call.transcript();
  switch (action.k) {
    case 'dtmf':
      call.send({ type: 'dtmf', digit: action.digit });
      return;
    case 'speech':
      call.send({ type: 'speech', text: action.text });
      return;
    case 'hangup':
      call.send({ type: 'call.ended', by: action.by });
      return;
    case 'transfer':
      call.send({ type: 'transfer.result', outcome: action.outcome });
      return;
    case 'prompt': {
      const says = transcript.flatMap((l) => (l.kind === 'say' ? [l.promptId] : []));
      const promptId =
        action.which === 'current' ? says.at(-1) : action.which === 'stale' ? says[0] : 'x#99';
      call.send(
        action.which === 'none' || promptId === undefined
          ? { type: 'prompt.ended' }
          : { type: 'prompt.ended', promptId },
      );
      return;
    }
    case 'reply':
      call.send({
        type: 'agent.reply',
        text: action.text,
        ...(action.done && { done: true }),
        ...(action.transfer && { transfer: true }),
      });
      return;
    case 'advance':
      call.advance(action.ms);
      return;
    case 'restart':
      call.send({
        type: 'call.started',
        channel: 'sip',
        direction: 'inbound',
        from: '100',
        to: '200',
        at: isoAt(at),
      });
      return;
  }
}

/** Plays a whole scenario, flushing agent turns after each action, then lets ten minutes pass. */
async function play(s: Scenario): Promise<TestCall> {
  const call = begin(s);
  for (const action of s.actions) {
    apply(call, action, s.at);
    await flush();
  }
  call.advance(600_000);
  await flush();
  return call;
}

/**
 * A session's snapshot without `node`: a restored call rebuilds `node` from
 * its transcript's last node line, which the lines lost to the bug of "a call
 * that is over has told its listeners how it ended" make differ (see also
 * session.test.ts, "a call stopped for a loop restores ended too").
 */
const view = (call: TestCall) => {
  const { node: _node, ...rest } = call.session.getSnapshot();
  return rest;
};

const isCallOver = (m: SessionMessage) =>
  m.channel === 'trace' && m.line.kind === 'input' && m.line.reason === 'call_over';

describe('call sessions, on random calls', () => {
  it('never throw, end at most once and last, emit nothing after the end, and keep time in order', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const call = await play(s);
        const { messages } = call;

        const ends = messages.flatMap((m, i) =>
          m.channel === 'trace' && m.line.kind === 'end' ? [i] : [],
        );
        expect(ends.length).toBeLessThanOrEqual(1);
        const transcript = call.transcript();
        if (ends.length === 1) {
          expect(transcript.filter((l) => l.kind === 'end')).toHaveLength(1);
          expect(transcript.at(-1)?.kind).toBe('end');
          // After the end: only reports of ignored events.
          expect(messages.slice(ends[0]! + 1).every(isCallOver)).toBe(true);
        }
        // Only after the end are events reported as call_over.
        const over = messages.findIndex(isCallOver);
        if (over >= 0) expect(call.session.getSnapshot().status).toBe('ended');

        const ts = messages.flatMap((m) => (m.channel === 'trace' ? [m.line.t] : []));
        for (let i = 1; i < ts.length; i++) expect(ts[i]!).toBeGreaterThanOrEqual(ts[i - 1]!);
        // The transcript is exactly the lines listeners got, call_over reports aside.
        expect(
          messages.flatMap((m) => (m.channel === 'trace' && !isCallOver(m) ? [m.line] : [])),
        ).toEqual(transcript);
      }),
      { numRuns: 800 },
    );
  }, 120_000);

  it('persist, JSON and restore at any point: the rest of the call is the same', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.nat(), async (s, point) => {
        const cut = point % (s.actions.length + 1);
        const original = begin(s);
        for (const action of s.actions.slice(0, cut)) {
          apply(original, action, s.at);
          await flush();
        }
        // Sometimes persist with an agent turn still in flight.
        const next = s.actions[cut];
        let rest = s.actions.slice(cut);
        if (next && point % 2 === 0) {
          apply(original, next, s.at);
          rest = s.actions.slice(cut + 1);
        }
        const restored = original.restored(optionsOf(s));
        const mark = original.messages.length;
        expect(view(restored)).toEqual(view(original));
        await flush();
        for (const action of rest) {
          apply(original, action, s.at);
          apply(restored, action, s.at);
          await flush();
        }
        original.advance(600_000);
        restored.advance(600_000);
        await flush();
        expect(restored.messages).toEqual(original.since(mark));
        expect(view(restored)).toEqual(view(original));
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it('a call that is over has told its listeners how it ended', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        const call = await play(s);
        if (call.session.getSnapshot().status !== 'ended') return;
        const transcript = call.transcript();
        expect(transcript.at(-1)).toMatchObject({
          kind: 'end',
          outcome: call.session.getSnapshot().outcome,
        });
        expect(call.lines().filter((l) => l.kind === 'end')).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
