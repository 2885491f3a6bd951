/**
 * Conformance to the call protocol (`runtime/docs/call-protocol.md`, shipped
 * in the package as `docs/call-protocol.md`): every event is accepted and
 * does what the protocol says, every command is emitted with exactly its
 * documented fields, and every output line kind of the simulator appears with its documented fields.
 */
import type { CallEvent } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { examples } from '../examples.ts';
import type { Command, TraceLine } from '../protocol.ts';
import { scriptSchema, type ScriptInput } from '../simulate/script.ts';
import { simulateCall } from '../simulate/simulate.ts';
import {
  callStarted,
  dtmf,
  flush,
  hangUp,
  OPEN_AT,
  recordingAgent,
  reply,
  speech,
  SUNDAY_NIGHT,
  TestCall,
  transferResult,
} from '../test/support.ts';

/** A reception call listening at its menu (t = 6000). */
const atMenu = (agents: Record<string, number> = {}) =>
  new TestCall(examples.reception, { agents })
    .start(OPEN_AT)
    .advance(2800)
    .endPrompt()
    .advance(3200)
    .endPrompt();

/** An ai-agent call whose greeting has been said (no adapter: turns come as events). */
const atAgent = (agents: Record<string, number> = {}) =>
  new TestCall(examples.aiAgent, { agents }).start(OPEN_AT).advance(3200).endPrompt();

describe('events the runtime receives', () => {
  const table: {
    event: CallEvent['type'];
    does: string;
    run: () => TestCall;
    expectEffect: (call: TestCall) => void;
  }[] = [
    {
      event: 'call.started',
      does: 'answers the call: the flow starts at the greeting',
      run: () => {
        const call = new TestCall(examples.reception);
        expect(call.session.getSnapshot()).toMatchObject({ status: 'waiting', node: null });
        return call.send({
          type: 'call.started',
          callId: 'abc',
          channel: 'whatsapp',
          direction: 'outbound',
          from: '+5511999990000',
          to: '+551130000000',
          at: OPEN_AT,
        });
      },
      expectEffect: (call) => {
        expect(call.session.getSnapshot()).toMatchObject({ status: 'in_call', node: 'greeting' });
        expect(call.commands()).toEqual([
          {
            type: 'say',
            promptId: 'greeting#1',
            text: 'Olá! Você ligou para a Loja Exemplo.',
            interruptible: false,
          },
        ]);
      },
    },
    {
      event: 'prompt.ended',
      does: 'the say being played has finished: the flow goes on',
      run: () => new TestCall(examples.reception).start(OPEN_AT).advance(2800).endPrompt(),
      expectEffect: (call) => expect(call.nodes()).toEqual(['greeting', 'horario', 'menu']),
    },
    {
      event: 'prompt.ended',
      does: 'of another prompt (stale, or unknown): changes nothing',
      run: () =>
        new TestCall(examples.reception)
          .start(OPEN_AT)
          .send({ type: 'prompt.ended', promptId: 'menu#2' })
          .send({ type: 'prompt.ended', promptId: 'nope' }),
      expectEffect: (call) => {
        expect(call.nodes()).toEqual(['greeting']);
        expect(call.session.getSnapshot().speaking).toBe(true);
      },
    },
    {
      event: 'prompt.ended',
      does: 'without a promptId: ends the prompt being said',
      run: () => new TestCall(examples.reception).start(OPEN_AT).send({ type: 'prompt.ended' }),
      expectEffect: (call) => expect(call.nodes()).toEqual(['greeting', 'horario', 'menu']),
    },
    {
      event: 'dtmf',
      does: 'a key press, heard while listening',
      run: () => atMenu({ suporte: 1 }).send(dtmf('2')),
      expectEffect: (call) => {
        expect(call.lines()).toContainEqual({
          t: 6000,
          kind: 'input',
          event: dtmf('2'),
          accepted: true,
        });
        expect(call.nodes().at(-1)).toBe('t-suporte');
      },
    },
    {
      event: 'speech',
      does: 'a speech-recognition result (with a confidence), heard while listening',
      run: () => atMenu({ vendas: 1 }).send({ type: 'speech', text: 'vendas', confidence: 0.93 }),
      expectEffect: (call) => {
        expect(call.lines()).toContainEqual({
          t: 6000,
          kind: 'input',
          event: { type: 'speech', text: 'vendas', confidence: 0.93 },
          accepted: true,
        });
        expect(call.nodes().at(-1)).toBe('t-vendas');
      },
    },
    {
      event: 'dtmf',
      does: 'dropped and reported while the bot is not listening (R17, R18)',
      run: () => new TestCall(examples.reception).start(OPEN_AT).send(dtmf('1')),
      expectEffect: (call) =>
        expect(call.lines().at(-1)).toEqual({
          t: 0,
          kind: 'input',
          event: dtmf('1'),
          accepted: false,
          reason: 'not_listening',
        }),
    },
    ...(['answered', 'no_answer', 'busy', 'failed'] as const).map((outcome) => ({
      event: 'transfer.result' as const,
      does: `what became of a transfer: ${outcome}`,
      run: () => atMenu({ vendas: 1 }).send(dtmf('1')).send(transferResult(outcome)),
      expectEffect: (call: TestCall) => {
        expect(call.lines()).toContainEqual({ t: 6000, kind: 'transfer', team: 'vendas', outcome });
        expect(call.session.getSnapshot().outcome).toBe(
          outcome === 'answered' ? 'transferred' : 'handed_off',
        );
      },
    })),
    {
      event: 'agent.reply',
      does: 'a turn of an AI agent: said, interruptible',
      run: () => atAgent().send(reply('Em que posso ajudar?')),
      expectEffect: (call) =>
        expect(call.commands().at(-1)).toEqual({
          type: 'say',
          promptId: 'assistente#2',
          text: 'Em que posso ajudar?',
          interruptible: true,
        }),
    },
    {
      event: 'agent.reply',
      does: 'with done: the agent is finished; once said, the done port',
      run: () =>
        atAgent()
          .send(reply('Tchau!', { done: true }))
          .endPrompt(),
      expectEffect: (call) => expect(call.nodes().at(-1)).toBe('tchau'),
    },
    ...(['caller', 'network'] as const).map((by) => ({
      event: 'call.ended' as const,
      does: `the ${by} ended the call: caller_hung_up`,
      run: () => atMenu().send(hangUp(by)),
      expectEffect: (call: TestCall) => {
        expect(call.lines().at(-1)).toEqual({
          t: 6000,
          kind: 'end',
          outcome: 'caller_hung_up',
          durationMs: 6000,
        });
        expect(call.session.getSnapshot()).toMatchObject({
          status: 'ended',
          outcome: 'caller_hung_up',
        });
      },
    })),
  ];

  it('the table covers every event type of the protocol', () => {
    expect(new Set(table.map((row) => row.event))).toEqual(
      new Set([
        'call.started',
        'prompt.ended',
        'dtmf',
        'speech',
        'transfer.result',
        'agent.reply',
        'call.ended',
      ]),
    );
  });

  it.each(table)('$event: $does', ({ run, expectEffect }) => {
    let call: TestCall | undefined;
    expect(() => (call = run())).not.toThrow();
    if (!call) throw new Error('no call');
    expectEffect(call);
  });

  it('after the end, every event is reported as ignored (call_over)', () => {
    const events: CallEvent[] = [
      callStarted(OPEN_AT),
      { type: 'prompt.ended', promptId: 'greeting#1' },
      dtmf('1'),
      speech('vendas'),
      transferResult('answered'),
      reply('oi'),
      hangUp('network'),
    ];
    const call = atMenu().send(hangUp());
    const mark = call.messages.length;
    for (const event of events) call.send(event);
    expect(call.since(mark)).toEqual(
      events.map((event) => ({
        channel: 'trace',
        line: { t: 6000, kind: 'input', event, accepted: false, reason: 'call_over' },
      })),
    );
  });
});

describe('commands the runtime emits', () => {
  /** The documented fields of each command (besides `type`). */
  const documented: Record<string, { required: string[]; optional?: string[] }> = {
    say: { required: ['promptId', 'text', 'interruptible'] },
    'say.cancel': { required: ['promptId'] },
    listen: { required: ['on', 'modes'], optional: ['noInputMs'] },
    transfer: { required: ['team', 'maxWaitSeconds'], optional: ['waitMessage'] },
    'handoff bot': { required: ['bot'] },
    'handoff agent': { required: ['agent'] },
    hangup: { required: ['reason'] },
  };

  const variant = (c: Command) =>
    c.type === 'handoff' ? ('bot' in c ? 'handoff bot' : 'handoff agent') : c.type;

  const conforms = (command: Command) => {
    const spec = documented[variant(command)];
    expect(spec, `undocumented command ${JSON.stringify(command)}`).toBeDefined();
    if (!spec) return;
    const keys = Object.keys(command).filter((k) => k !== 'type');
    for (const field of spec.required) expect(keys, JSON.stringify(command)).toContain(field);
    for (const key of keys) {
      expect([...spec.required, ...(spec.optional ?? [])], JSON.stringify(command)).toContain(key);
    }
  };

  const scenarios: { name: string; run: () => Promise<TestCall> }[] = [
    {
      name: 'a caller who chooses sales (say, listen, transfer)',
      run: () => Promise.resolve(atMenu({ vendas: 1 }).send(dtmf('1'))),
    },
    {
      name: 'a call out of hours (handoff bot)',
      run: () =>
        Promise.resolve(
          new TestCall(examples.reception).start(SUNDAY_NIGHT).endPrompt().endPrompt(),
        ),
    },
    {
      name: 'a caller who interrupts the agent, then is let go (handoff agent, say.cancel, hangup)',
      run: async () => {
        const agent = recordingAgent([{ text: 'Olá! Em que posso ajudar?' }]);
        const call = new TestCall(examples.aiAgent, { agent: agent.adapter });
        call.start(OPEN_AT).endPrompt();
        await flush();
        call.send(speech('nada, obrigado')).send(reply('Até logo!', { done: true }));
        return call.endPrompt().endPrompt();
      },
    },
  ];

  it('every command is emitted in some scenario, with exactly its documented fields', async () => {
    const emitted = new Map<string, Command>();
    for (const { run } of scenarios) {
      const call = await run();
      for (const command of call.commands()) {
        conforms(command);
        if (!emitted.has(variant(command))) emitted.set(variant(command), command);
        if (command.type === 'listen' && command.on && command.noInputMs !== undefined) {
          emitted.set('listen with noInputMs', command);
        }
        if (command.type === 'listen' && !command.on) emitted.set('listen off', command);
      }
    }
    expect(Object.fromEntries(emitted)).toEqual({
      say: {
        type: 'say',
        promptId: 'greeting#1',
        text: 'Olá! Você ligou para a Loja Exemplo.',
        interruptible: false,
      },
      listen: { type: 'listen', on: true, modes: ['dtmf', 'speech'], noInputMs: 5000 },
      'listen with noInputMs': {
        type: 'listen',
        on: true,
        modes: ['dtmf', 'speech'],
        noInputMs: 5000,
      },
      'listen off': { type: 'listen', on: false, modes: [] },
      transfer: { type: 'transfer', team: 'vendas', maxWaitSeconds: 120 },
      'handoff bot': { type: 'handoff', bot: 'bot-fora-do-horario' },
      'handoff agent': { type: 'handoff', agent: 'assistente' },
      'say.cancel': { type: 'say.cancel', promptId: 'assistente#2' },
      hangup: { type: 'hangup', reason: 'flow_ended' },
    });
  });

  it('interruptible is true only where barge-in is allowed: the AI agent’s replies (R17)', async () => {
    for (const { run } of scenarios) {
      const call = await run();
      for (const command of call.commands()) {
        if (command.type !== 'say') continue;
        expect(command.interruptible).toBe(command.promptId.startsWith('assistente#'));
      }
    }
  });
});

describe('output lines of the simulator', () => {
  /** Documented fields of each line kind, with their types, besides `t` and `kind`. */
  const documented: Record<string, Record<string, (v: unknown) => boolean>> = {
    node: { id: isString, type: isString, label: isString },
    say: { text: isString, interruptible: isBoolean },
    'say.cancel': { promptId: isString },
    listen: { on: isBoolean },
    input: { event: isEvent, accepted: isBoolean },
    noinput: { count: isCount },
    transfer: {
      team: isString,
      outcome: (v) =>
        ['queued', 'answered', 'no_answer', 'busy', 'failed', 'no_agents'].includes(v as string),
    },
    handoff: {},
    hangup: { reason: isString },
    end: {
      outcome: (v) =>
        ['transferred', 'handed_off', 'hung_up', 'caller_hung_up'].includes(v as string),
      durationMs: isCount,
    },
  };
  /**
   * Fields a line may carry beyond the documented ones: `say` lines also give
   * their promptId (to match a later `say.cancel`), `input` lines their reason
   * when not accepted, `handoff` lines a bot or an agent.
   */
  const alsoAllowed: Record<string, string[]> = {
    say: ['promptId'],
    node: ['via'],
    input: ['reason'],
    handoff: ['bot', 'agent'],
  };

  const call = { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+5511300' };
  const scripts: Omit<ScriptInput, 'call'>[] = [
    {
      // A confused caller at the reception, cut off after the third silence.
      startAt: OPEN_AT,
      steps: [
        { at: 1000, event: { type: 'dtmf', digit: '1' } },
        { when: 'listening', delay: 300, event: { type: 'dtmf', digit: '9' } },
      ],
    },
    {
      startAt: OPEN_AT,
      agents: { suporte: 1 },
      steps: [{ when: 'listening', event: { type: 'speech', text: 'suporte' } }],
    },
    { startAt: SUNDAY_NIGHT },
    {
      // The AI agent: a reply, interrupted, then a transfer nobody takes.
      startAt: OPEN_AT,
      steps: [
        { at: 3500, event: { type: 'agent.reply', text: 'Olá! Em que posso ajudar hoje?' } },
        { at: 4000, event: { type: 'speech', text: 'quero falar com uma pessoa' } },
        { at: 4500, event: { type: 'agent.reply', text: '', transfer: true } },
      ],
    },
  ];

  const runs = () =>
    scripts.map((script, i) =>
      simulateCall(
        i === 3 ? examples.aiAgent : examples.reception,
        scriptSchema.parse({ call, ...script }),
      ),
    );

  it('every line has `t` and `kind`, and its documented fields', () => {
    for (const { lines } of runs()) {
      let last = 0;
      for (const line of lines) {
        expect(typeof line.t, JSON.stringify(line)).toBe('number');
        expect(line.t).toBeGreaterThanOrEqual(last);
        last = line.t;
        const fields = documented[line.kind];
        expect(fields, `undocumented line kind: ${JSON.stringify(line)}`).toBeDefined();
        if (!fields) continue;
        const record = line as unknown as Record<string, unknown>;
        for (const [field, ok] of Object.entries(fields)) {
          expect(ok(record[field]), `${field} of ${JSON.stringify(line)}`).toBe(true);
        }
        const allowed = ['t', 'kind', ...Object.keys(fields), ...(alsoAllowed[line.kind] ?? [])];
        for (const key of Object.keys(line)) {
          expect(allowed, `field ${key} of ${JSON.stringify(line)}`).toContain(key);
        }
      }
    }
  });

  it('every line kind appears in some run', () => {
    const kinds = new Set(runs().flatMap(({ lines }) => lines.map((l) => l.kind)));
    expect([...kinds].sort()).toEqual(Object.keys(documented).sort());
  });

  it('lines with variants show each: input reasons, handoff to a bot or an agent', () => {
    const lines: TraceLine[] = runs().flatMap((r) => r.lines);
    const reasons = new Set(
      lines.flatMap((l) => (l.kind === 'input' ? [l.accepted ? 'accepted' : l.reason] : [])),
    );
    expect([...reasons].sort()).toEqual(['accepted', 'no_match', 'not_listening']);
    expect(lines.filter((l) => l.kind === 'handoff').map((l) => Object.keys(l).sort())).toEqual([
      ['bot', 'kind', 't'],
      ['agent', 'kind', 't'],
    ]);
    // A not-accepted input always says why; an accepted one never does.
    for (const line of lines) {
      if (line.kind !== 'input') continue;
      expect('reason' in line).toBe(!line.accepted);
    }
  });
});

function isString(v: unknown): boolean {
  return typeof v === 'string';
}
function isBoolean(v: unknown): boolean {
  return typeof v === 'boolean';
}
function isCount(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}
function isEvent(v: unknown): boolean {
  return typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string';
}
