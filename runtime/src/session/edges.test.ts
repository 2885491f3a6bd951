/**
 * The edges of a session, as a developer embedding it meets them: agents
 * that misbehave, ids named like Object.prototype members, listeners that
 * send or persist, disposal, saved calls from elsewhere, flows edited in
 * place, long loop-free flows, long AI conversations, and the public surface.
 */
import {
  compileDocument,
  MAX_AGENT_TEXT,
  type FlowNode,
  type MachineConfig,
} from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import type { AgentAdapter, AgentTurn } from '../agents/adapter.ts';
import { examples } from '../examples.ts';
import type { SessionMessage } from '../protocol.ts';
import { createSimulatedCall } from '../simulate/simulatedCall.ts';
import {
  copy,
  dtmf,
  flowOf,
  flush,
  OPEN_AT,
  recordingAgent,
  speech,
  TestCall,
} from '../test/support.ts';
import { AGENT_MEMORY } from './agentTurns.ts';
import {
  createCallSession,
  restoreCallSession,
  SessionError,
  type CallSession,
  type PersistedCall,
} from './session.ts';

/** An ai-agent call whose greeting has been said: the agent has been asked its first turn. */
async function atAgent(agent: AgentAdapter): Promise<TestCall> {
  const call = new TestCall(examples.aiAgent, { agent, agents: { suporte: 1 } })
    .start(OPEN_AT)
    .advance(3200)
    .endPrompt();
  await flush();
  return call;
}

/** A reception call listening at its menu (t = 6000). */
const atMenu = () =>
  new TestCall(examples.reception)
    .start(OPEN_AT)
    .advance(2800)
    .endPrompt()
    .advance(3200)
    .endPrompt();

describe('1. an agent that misbehaves never crashes the process nor strands the caller', () => {
  const long = 'a'.repeat(MAX_AGENT_TEXT + 1);
  it.each<[string, AgentAdapter, string | RegExp]>([
    [
      'a turn longer than the limit',
      () => ({ text: long }),
      `the agent's turn is ${MAX_AGENT_TEXT + 1} characters long; a turn is at most ${MAX_AGENT_TEXT}`,
    ],
    [
      'an empty object',
      () => ({}) as AgentTurn,
      /^the agent's turn is not \{ text, done\?, transfer\? \} \(text: /,
    ],
    ['a number for text', () => ({ text: 42 }) as unknown as AgentTurn, /\(text: .*number/],
    ['nothing at all', () => undefined as unknown as AgentTurn, /^the agent's turn is not/],
    [
      'a throw',
      () => {
        throw new Error('boom');
      },
      'boom',
    ],
    ['a rejection', () => Promise.reject(new Error('endpoint down')), 'endpoint down'],
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what a careless adapter does
    ['a rejection with no Error', () => Promise.reject(7), '7'],
  ])('%s: an agent.error line says why, then the transfer port', async (_, adapter, why) => {
    const call = await atAgent(adapter);
    const error = call.lines().find((l) => l.kind === 'agent.error');
    expect(error?.kind === 'agent.error' && error.message).toMatch(why);
    expect(call.nodes().at(-1)).toBe('t-suporte');
    expect(call.commands().at(-1)).toEqual({
      type: 'transfer',
      team: 'suporte',
      maxWaitSeconds: 120,
    });
  });

  it('a listener that throws while a turn is delivered does not escape as an unhandled rejection', async () => {
    const call = new TestCall(examples.aiAgent, {
      agent: () => Promise.resolve({ text: 'Olá!' }),
    });
    call.start(OPEN_AT).advance(3200);
    call.session.subscribe((m) => {
      if (m.channel === 'command' && m.command.type === 'say' && m.command.interruptible) {
        throw new Error('listener bug');
      }
    });
    call.endPrompt();
    await flush();
    // The turn was applied (the session is consistent), whatever the listener did.
    expect(call.said().at(-1)).toBe('Olá!');
  });

  it('a simulated call records a refused turn as the transfer it became, so its script replays', async () => {
    const sim = createSimulatedCall(examples.aiAgent, {
      call: { channel: 'line', direction: 'inbound', from: '1', to: '2' },
      startAt: OPEN_AT,
      agents: { suporte: 1 },
      agent: () => ({ text: long }),
    });
    sim.start();
    sim.advance(5000);
    await flush();
    sim.advance(0);
    expect(sim.toScript().steps).toEqual([
      expect.objectContaining({ event: { type: 'agent.reply', text: '', transfer: true } }),
    ]);
  });
});

describe('2. ids named like Object.prototype members confuse nothing', () => {
  /** A menu `toString` whose no-input leads back to itself: a silent caller loops on it. */
  const toStringMenu = (): MachineConfig =>
    compileDocument(
      flowOf([
        {
          id: 'greeting',
          kind: 'greeting',
          data: { text: 'Oi.' },
          connections: { next: 'toString' },
        },
        {
          id: 'toString',
          kind: 'menu',
          data: {
            prompt: 'Digite 1.',
            options: [{ id: 'a', key: '1', keywords: [] }],
            noInput: { repeats: 0 },
            noMatch: { repeats: 0 },
          },
          connections: { noInput: 'toString', noMatch: 'toString' },
        },
      ]),
    );

  it('a menu named toString looping on no-input is stopped by maxNodeEntries', () => {
    const call = new TestCall(toStringMenu(), { limits: { maxNodeEntries: 5 } }).start(OPEN_AT);
    for (let i = 0; i < 10 && call.session.getSnapshot().status !== 'ended'; i++) {
      call.endPrompt().endPrompt().advance(5000);
    }
    expect(call.ends()).toEqual([
      expect.objectContaining({
        outcome: 'error',
        error: '"toString" was entered more than 5 times',
      }),
    ]);
  });

  it.each(['valueOf', 'constructor', 'hasOwnProperty'])(
    'a silent loop through "%s" is stopped by the silent-step cap',
    (id) => {
      const nodes: FlowNode[] = [
        { id: 'greeting', kind: 'greeting', data: { text: 'Oi.' }, connections: { next: id } },
        {
          id,
          kind: 'schedule',
          data: { weekly: [], holidays: [] },
          connections: { open: 'x', closed: 'x' },
        },
        {
          id: 'x',
          kind: 'schedule',
          data: { weekly: [], holidays: [] },
          connections: { open: id, closed: id },
        },
      ];
      const call = new TestCall(compileDocument(flowOf(nodes)), { limits: { maxSilentSteps: 4 } });
      call.start(OPEN_AT).endPrompt();
      expect(call.ends()).toEqual([expect.objectContaining({ outcome: 'error' })]);
      expect(call.nodes()).toHaveLength(7);
    },
  );

  it('a team named toString has no agents in a simulated call (never a function off the prototype)', () => {
    const flow = copy(examples.reception);
    const transfer = flow.nodes.find((n) => n.id === 't-vendas');
    if (transfer?.kind !== 'transfer') throw new Error('no t-vendas');
    transfer.data.team = 'toString';
    const sim = createSimulatedCall(flow, {
      call: { channel: 'line', direction: 'inbound', from: '1', to: '2' },
      startAt: OPEN_AT,
    });
    sim.start();
    sim.advance(6000);
    sim.send({ type: 'dtmf', digit: '1' });
    expect(sim.getSnapshot().transcript).toContainEqual(
      expect.objectContaining({ kind: 'transfer', team: 'toString', outcome: 'no_agents' }),
    );
  });
});

describe('3. listeners that send or persist', () => {
  it('events sent from a listener are queued and applied in order, after what caused them', () => {
    const plain = atMenu();
    plain.send(dtmf('9')).endPrompt().endPrompt().send(dtmf('1'));

    // The same call, with a media layer that answers inside its listener.
    const call = new TestCall(examples.reception);
    const session = call.session;
    session.subscribe((m) => {
      if (m.channel !== 'command') return;
      if (m.command.type === 'say') {
        // Every prompt ends at once; the first time listening starts, the caller presses 9, then 1.
        session.send({ type: 'prompt.ended', promptId: m.command.promptId });
      } else if (m.command.type === 'listen' && m.command.on) {
        session.send(dtmf(listens++ === 0 ? '9' : '1'));
      }
    });
    let listens = 0;
    call.start(OPEN_AT);
    const keys = call.lines().filter((l) => l.kind === 'input');
    expect(keys).toEqual([
      expect.objectContaining({ event: dtmf('9'), accepted: false, reason: 'no_match' }),
      expect.objectContaining({ event: dtmf('1'), accepted: true }),
    ]);
    // Nothing dropped, nothing out of order: the same nodes as the call driven from outside.
    expect(call.nodes()).toEqual(plain.nodes());
  });

  it('persist() in a listener saves a consistent call; with events still queued it is refused', () => {
    const call = new TestCall(examples.reception);
    const session = call.session;
    let saved: PersistedCall | null = null;
    let refused: unknown = null;
    session.subscribe((m) => {
      if (m.channel === 'command' && m.command.type === 'listen' && m.command.on && !saved) {
        saved = JSON.parse(JSON.stringify(session.persist())) as PersistedCall;
        session.send(dtmf('1'));
        try {
          session.persist();
        } catch (error) {
          refused = error;
        }
      }
    });
    call.start(OPEN_AT).advance(2800).endPrompt().advance(3200).endPrompt();
    expect(refused).toBeInstanceOf(SessionError);
    expect((refused as SessionError).message).toMatch(/wait to be applied/);
    // The saved call is the call listening at the menu, whole: it restores and goes on.
    const restored = restoreCallSession(examples.reception, saved, {});
    expect(restored.getSnapshot()).toMatchObject({ node: 'menu', listening: true });
  });
});

describe('4. dispose', () => {
  it('clears the timer, detaches listeners, ignores agent turns in flight, and refuses send', async () => {
    let answer: ((turn: AgentTurn) => void) | undefined;
    const call = new TestCall(examples.aiAgent, {
      agent: () => new Promise<AgentTurn>((resolve) => (answer = resolve)),
    });
    call.start(OPEN_AT).advance(3200).endPrompt();
    await flush();
    expect(answer).toBeDefined();
    const mark = call.messages.length;
    call.session.dispose();
    answer!({ text: 'tarde demais' });
    await flush();
    call.advance(600_000);
    expect(call.since(mark)).toEqual([]);
    expect(call.clock.nextDue()).toBeUndefined();
    expect(() => call.session.send(speech('oi'))).toThrow(SessionError);
    expect(() => call.session.send(speech('oi'))).toThrow(/disposed/);
  });

  it('restored elsewhere, the old session disposed leaves nothing running; Symbol.dispose does the same', () => {
    const old = atMenu();
    const saved = old.session.persist();
    const mark = old.messages.length;
    old.session[Symbol.dispose]();
    expect(old.clock.nextDue()).toBeUndefined();
    old.advance(600_000);
    expect(old.since(mark)).toEqual([]);
    const again = new TestCall(
      examples.reception,
      {},
      {
        persisted: saved,
        clockAt: old.clock.now(),
        history: old.transcript(),
      },
    );
    again.advance(5000);
    expect(again.lines()).toContainEqual(expect.objectContaining({ kind: 'noinput', count: 1 }));
  });
});

describe('5. a saved call is checked whole', () => {
  const good = () =>
    JSON.parse(JSON.stringify(atMenu().session.persist())) as Record<string, unknown>;
  const cases: [string, (s: Record<string, unknown>) => unknown, string][] = [
    ['a missing field', (s) => ({ ...s, entries: undefined }), 'entries'],
    ['an extra field', (s) => ({ ...s, extra: 1 }), 'call'],
    ['a wrong type', (s) => ({ ...s, promptSeq: 'two' }), 'promptSeq'],
    ['a negative count', (s) => ({ ...s, silentRepeats: -1 }), 'silentRepeats'],
    ['entries as an object', (s) => ({ ...s, entries: { menu: 1 } }), 'entries'],
    [
      'a state the flow does not have',
      (s) => ({ ...s, snapshot: { ...(s.snapshot as object), value: 'nowhere' } }),
      'snapshot.value',
    ],
    [
      'a state that is not a leaf',
      (s) => ({ ...s, snapshot: { ...(s.snapshot as object), value: 'menu' } }),
      'snapshot.value',
    ],
    [
      'a finished machine for a call not ended',
      (s) => ({ ...s, snapshot: { ...(s.snapshot as object), status: 'done' } }),
      'snapshot.status',
    ],
    [
      'a final state for a call not ended',
      (s) => ({ ...s, snapshot: { ...(s.snapshot as object), value: '_hungUp' } }),
      'snapshot.value',
    ],
    ['an outcome that does not exist', (s) => ({ ...s, outcome: 'exploded' }), 'outcome'],
    [
      'an agent at a node that is no agent',
      (s) => ({ ...s, agent: { node: 'menu', messages: [], awaiting: 0 } }),
      'agent.node',
    ],
    ['a node the flow does not have', (s) => ({ ...s, node: 'nowhere' }), 'node'],
    ['an unknown format', (s) => ({ ...s, format: 'callbot-call/1' }), 'format'],
    ['not an object', () => 'saved', 'call'],
  ];
  it.each(cases)('%s is refused with a SessionError naming the field', (_, spoil, field) => {
    let error: unknown;
    try {
      restoreCallSession(examples.reception, spoil(good()));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SessionError);
    expect((error as SessionError).field).toBe(field);
    expect((error as SessionError).message).toContain(`${field}:`);
  });

  it('a call that reached the end restores ended, and one in progress goes on', () => {
    const saved = good();
    expect(() => restoreCallSession(examples.reception, saved)).not.toThrow();
  });
});

describe('6. a flow given to a session is frozen', () => {
  it('editing it in place throws instead of running new calls on a stale machine', () => {
    const flow = copy(examples.reception);
    createCallSession(flow);
    const greeting = flow.nodes.find((n) => n.kind === 'greeting');
    if (greeting?.kind !== 'greeting') throw new Error('no greeting');
    expect(() => {
      greeting.data.text = 'Outro texto.';
    }).toThrow(TypeError);
    // An edited copy is another flow: its calls say the new text.
    const edited = copy(flow);
    const text = edited.nodes.find((n) => n.kind === 'greeting');
    if (text?.kind !== 'greeting') throw new Error('no greeting');
    text.data.text = 'Outro texto.';
    expect(new TestCall(edited).start(OPEN_AT).said()).toEqual(['Outro texto.']);
    expect(new TestCall(flow).start(OPEN_AT).said()).not.toEqual(['Outro texto.']);
  });
});

describe('7. the silent-step cap never ends a loop-free flow', () => {
  it.each([99, 500])('greeting, %i messages, then a goodbye ends hung_up', (count) => {
    const ids = Array.from({ length: count }, (_, i) => `m${i}`);
    const flow = flowOf([
      { id: 'greeting', kind: 'greeting', data: { text: 'Oi.' }, connections: { next: 'm0' } },
      ...ids.map((id, i): FlowNode => ({
        id,
        kind: 'message',
        data: { text: `Mensagem ${i}.` },
        connections: { next: ids[i + 1] ?? 'bye' },
      })),
      { id: 'bye', kind: 'hangup', data: { text: 'Tchau.' }, connections: {} },
    ]);
    const call = new TestCall(flow).start(OPEN_AT);
    for (let i = 0; i < count + 2; i++) call.endPrompt();
    expect(call.ends()).toEqual([expect.objectContaining({ outcome: 'hung_up' })]);
    expect(call.nodes()).toHaveLength(count + 2);
  });
});

describe('8. a long AI conversation does not make the saved call grow without bound', () => {
  it('32 minutes of turns: the saved call stays small, the agent is asked the recent conversation', async () => {
    const turn = 'Claro, posso ajudar com isso. '.repeat(20); // ~600 characters
    const agent = recordingAgent(Array.from({ length: 400 }, () => ({ text: turn })));
    const call = new TestCall(examples.aiAgent, { agent: agent.adapter });
    call.start(OPEN_AT).advance(3200).endPrompt();
    await flush();
    const sizes: number[] = [];
    for (let i = 0; i < 390; i++) {
      call.advance(5000).send(speech(`Pergunta número ${i}: ${'e mais uma coisa '.repeat(10)}`));
      await flush();
      if (i === 100 || i === 389) sizes.push(JSON.stringify(call.session.persist()).length);
    }
    expect(call.clock.now() - Date.parse(OPEN_AT)).toBeGreaterThan(32 * 60_000);
    expect(call.session.getSnapshot()).toMatchObject({ status: 'in_call', node: 'assistente' });
    expect(sizes[1]).toBeLessThanOrEqual(AGENT_MEMORY.characters + 8 * 1024);
    expect(sizes[1]).toBeLessThanOrEqual(sizes[0]! + 512);
    const last = agent.requests.at(-1)!;
    expect(last.messages.length).toBeLessThanOrEqual(AGENT_MEMORY.messages);
    expect(last.messages.at(-1)?.content).toMatch(/^Pergunta número 389/);
  });
});

describe('9. the public surface', () => {
  it('a session exposes the protocol methods only; getSnapshot returns a fresh object', () => {
    const call = atMenu();
    const session: CallSession = call.session;
    const methods = Object.getOwnPropertyNames(Object.getPrototypeOf(session)).filter(
      (n) => n !== 'constructor',
    );
    expect(methods.sort()).toEqual(['dispose', 'getSnapshot', 'persist', 'send', 'subscribe']);
    expect(Object.keys(session)).toEqual([]);
    for (const internal of ['enterNode', 'say', 'hangup', 'end', 'startAgent', 'now']) {
      expect((session as unknown as Record<string, unknown>)[internal]).toBeUndefined();
    }
    const a = session.getSnapshot();
    (a as { node: string | null }).node = 'elsewhere';
    expect(session.getSnapshot().node).toBe('menu');
    expect(session.getSnapshot()).not.toBe(session.getSnapshot());
  });

  it('lines counts every trace line written, inputs included, and a restored call goes on counting', () => {
    const call = atMenu().send(dtmf('9'));
    const count = (messages: SessionMessage[]) =>
      messages.filter((m) => m.channel === 'trace').length;
    expect(call.session.getSnapshot().lines).toBe(count(call.messages));
    const restored = call.restored();
    restored.endPrompt().endPrompt();
    expect(restored.session.getSnapshot().lines).toBe(
      count(call.messages) + count(restored.messages),
    );
  });
});
