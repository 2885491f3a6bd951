import { describe, expect, it } from 'vitest';
import type { MachineConfig } from '@callbot/shared';
import { examples } from '../examples.ts';
import type { Command, SessionMessage, TraceLine } from '../protocol.ts';
import {
  AI_GREETING,
  callStarted,
  CHRISTMAS,
  CLOSED_TEXT,
  compiledConfig,
  copy,
  dtmf,
  flowOf,
  flush,
  GOODBYE,
  GREETING,
  hangUp,
  MENU_PROMPT,
  OPEN_AT,
  recordingAgent,
  reply,
  speech,
  SUNDAY_NIGHT,
  TestCall,
  transferResult,
  type CallOptions,
} from '../test/support.ts';
import {
  createCallSession,
  restoreCallSession,
  SessionError,
  type PersistedCall,
  type RunnableFlow,
} from './session.ts';

// Speaking times at 150 words per minute (the media layer's pace does not matter to the session).
const GREETING_MS = 2800; // 7 words
const MENU_MS = 3200; // 8 words

/** A reception call at `at`, through the greeting and the menu prompt: listening at t = 6000. */
function atMenu(options: CallOptions = {}, at = OPEN_AT): TestCall {
  return new TestCall(examples.reception, options)
    .start(at)
    .advance(GREETING_MS)
    .endPrompt()
    .advance(MENU_MS)
    .endPrompt();
}

/** An ai-agent call whose greeting has been said: the agent has the call. */
async function atAgent(options: CallOptions = {}): Promise<TestCall> {
  const call = new TestCall(examples.aiAgent, options).start(OPEN_AT).advance(3200).endPrompt();
  await flush();
  return call;
}

const onlyCommands = (messages: readonly SessionMessage[]): Command[] =>
  messages.flatMap((m) => (m.channel === 'command' ? [m.command] : []));
const onlyLines = (messages: readonly SessionMessage[]): TraceLine[] =>
  messages.flatMap((m) => (m.channel === 'trace' ? [m.line] : []));

/** greeting -> s1 -> s2 -> bye, all valid; then s2 is edited to lead back to s1: a silent loop. */
function silentLoop(): MachineConfig {
  const flow = flowOf([
    { id: 'greeting', kind: 'greeting', data: { text: 'Oi.' }, connections: { next: 's1' } },
    {
      id: 's1',
      kind: 'schedule',
      data: { weekly: [], holidays: [] },
      connections: { open: 's2', closed: 's2' },
    },
    {
      id: 's2',
      kind: 'schedule',
      data: { weekly: [], holidays: [] },
      connections: { open: 'bye', closed: 'bye' },
    },
    { id: 'bye', kind: 'hangup', data: { text: 'Tchau.' }, connections: {} },
  ]);
  const config = copy(compiledConfig(flow));
  const s2 = config.states.s2;
  if (!s2) throw new Error('no s2');
  s2.always = [{ target: '#callbot.s1' }];
  return config;
}

describe('listening (R17, R18)', () => {
  it('R18 and R17: a drawn bot first listens at the first menu, once its prompt has ended', () => {
    const call = new TestCall(examples.reception, { agents: { vendas: 1, suporte: 1 } });
    call.start(OPEN_AT);
    expect(call.session.getSnapshot()).toMatchObject({
      status: 'in_call',
      node: 'greeting',
      listening: false,
      speaking: true,
    });

    // During the greeting: reported, not heard.
    call.advance(1000).send(dtmf('1')).send(speech('vendas'));
    expect(call.lines().slice(-2)).toEqual([
      { t: 1000, kind: 'input', event: dtmf('1'), accepted: false, reason: 'not_listening' },
      { t: 1000, kind: 'input', event: speech('vendas'), accepted: false, reason: 'not_listening' },
    ]);

    // During the menu prompt: still not listening.
    call.advance(GREETING_MS - 1000).endPrompt();
    expect(call.session.getSnapshot()).toMatchObject({
      node: 'menu',
      listening: false,
      speaking: true,
    });
    call.advance(1000).send(dtmf('2')).send(speech('suporte'));
    expect(call.lines().slice(-2)).toEqual([
      { t: 3800, kind: 'input', event: dtmf('2'), accepted: false, reason: 'not_listening' },
      {
        t: 3800,
        kind: 'input',
        event: speech('suporte'),
        accepted: false,
        reason: 'not_listening',
      },
    ]);
    expect(call.commands().filter((c) => c.type === 'listen')).toEqual([]);

    // Listening starts exactly when the menu prompt has ended.
    call.advance(MENU_MS - 1000);
    const beforeEnd = call.messages.length;
    call.endPrompt();
    expect(call.since(beforeEnd)).toEqual([
      {
        channel: 'command',
        command: { type: 'listen', on: true, modes: ['dtmf', 'speech'], noInputMs: 5000 },
      },
      { channel: 'trace', line: { t: 6000, kind: 'listen', on: true } },
    ]);
    expect(call.session.getSnapshot()).toMatchObject({
      node: 'menu',
      listening: true,
      speaking: false,
    });

    // Nothing was queued: the early keys and words had no effect.
    expect(call.nodes()).toEqual(['greeting', 'horario', 'menu']);
    expect(call.directoryCalls).toEqual([]);
    expect(call.commands().filter((c) => c.type === 'transfer')).toEqual([]);
    call.advance(100);
    expect(call.nodes()).toEqual(['greeting', 'horario', 'menu']);

    // Now a key is heard, and listening stops.
    call.send(dtmf('2'));
    expect(call.lines()).toContainEqual({
      t: 6100,
      kind: 'input',
      event: dtmf('2'),
      accepted: true,
    });
    expect(call.nodes().at(-1)).toBe('t-suporte');
    expect(call.session.getSnapshot().listening).toBe(false);
  });
});

describe('menus', () => {
  it('a key takes its option', () => {
    const call = atMenu({ agents: { vendas: 1 } });
    const mark = call.messages.length;
    call.send(dtmf('1'));
    expect(call.since(mark)).toEqual([
      {
        channel: 'trace',
        line: { t: 6000, kind: 'input', event: dtmf('1'), accepted: true },
      },
      { channel: 'command', command: { type: 'listen', on: false, modes: [] } },
      { channel: 'trace', line: { t: 6000, kind: 'listen', on: false } },
      {
        channel: 'trace',
        line: {
          t: 6000,
          kind: 'node',
          id: 't-vendas',
          type: 'transfer',
          label: 'Equipe de vendas',
          via: 'menu:option:vendas',
        },
      },
      { channel: 'command', command: { type: 'transfer', team: 'vendas', maxWaitSeconds: 120 } },
      { channel: 'trace', line: { t: 6000, kind: 'transfer', team: 'vendas', outcome: 'queued' } },
    ]);
  });

  it.each([
    ['vendas', 't-vendas'],
    ['VENDAS', 't-vendas'],
    ['quero falar com Vendás, por favor', 't-vendas'],
    ['SUPÓRTE!', 't-suporte'],
    ['é sobre o suporte técnico', 't-suporte'],
  ])('a spoken keyword takes its option, case and accents ignored: %j', (text, node) => {
    const call = atMenu({ agents: { vendas: 1, suporte: 1 } });
    call.send(speech(text));
    expect(call.lines()).toContainEqual({
      t: 6000,
      kind: 'input',
      event: speech(text),
      accepted: true,
    });
    expect(call.nodes().at(-1)).toBe(node);
  });

  it('the no-input timer runs only once listening has started', () => {
    const call = new TestCall(examples.reception).start(OPEN_AT).advance(GREETING_MS).endPrompt();
    // A long menu prompt: no timer while it is said.
    const mark = call.messages.length;
    call.advance(60_000);
    expect(call.since(mark)).toEqual([]);
    call.endPrompt(); // listening from t = 62800
    const listening = call.messages.length;
    call.advance(4999);
    expect(call.since(listening)).toEqual([]);
    call.advance(1);
    expect(onlyLines(call.since(listening))).toEqual([
      { t: 67800, kind: 'listen', on: false },
      { t: 67800, kind: 'noinput', count: 1 },
      { t: 67800, kind: 'say', promptId: 'menu#3', text: MENU_PROMPT, interruptible: false },
    ]);
  });

  it('silence repeats the prompt twice, then takes the noInput port (3 silences -> t-recepcao)', () => {
    const call = atMenu({ agents: { recepcao: 1 } });
    call.advance(5000).endPrompt().advance(5000).endPrompt();
    expect(call.lines().filter((l) => l.kind === 'noinput')).toEqual([
      { t: 11000, kind: 'noinput', count: 1 },
      { t: 16000, kind: 'noinput', count: 2 },
    ]);
    expect(call.said()).toEqual([GREETING, MENU_PROMPT, MENU_PROMPT, MENU_PROMPT]);
    call.advance(5000);
    expect(
      call
        .lines()
        .filter((l) => l.kind === 'noinput')
        .at(-1),
    ).toEqual({
      t: 21000,
      kind: 'noinput',
      count: 3,
    });
    expect(call.nodes().at(-1)).toBe('t-recepcao');
    expect(call.commands().at(-1)).toEqual({
      type: 'transfer',
      team: 'recepcao',
      maxWaitSeconds: 120,
    });
  });

  it('a wrong key is reported no_match, repeats with "Opção inválida.", then takes noMatch -> tchau', () => {
    const call = atMenu();
    call.send(dtmf('9'));
    expect(call.lines()).toContainEqual({
      t: 6000,
      kind: 'input',
      event: dtmf('9'),
      accepted: false,
      reason: 'no_match',
    });
    expect(call.said().slice(-1)).toEqual(['Opção inválida.']);
    call.endPrompt(); // "Opção inválida." said; the prompt again
    expect(call.said().slice(-1)).toEqual([MENU_PROMPT]);
    call.endPrompt().send(speech('não sei')).endPrompt().endPrompt();
    expect(call.lines()).toContainEqual({
      t: 6000,
      kind: 'input',
      event: speech('não sei'),
      accepted: false,
      reason: 'no_match',
    });
    expect(call.nodes()).toEqual(['greeting', 'horario', 'menu']);
    call.send(dtmf('#'));
    expect(call.lines()).toContainEqual({
      t: 6000,
      kind: 'input',
      event: dtmf('#'),
      accepted: false,
      reason: 'no_match',
    });
    expect(call.said()).toEqual([
      GREETING,
      MENU_PROMPT,
      'Opção inválida.',
      MENU_PROMPT,
      'Opção inválida.',
      MENU_PROMPT,
      GOODBYE,
    ]);
    expect(call.nodes().at(-1)).toBe('tchau');
  });

  it('a key that leads straight to the end of the call emits everything it caused', () => {
    const call = atMenu({ agents: { vendas: 0 } });
    call.send(dtmf('1'));
    expect(call.session.getSnapshot().outcome).toBe('handed_off');
    expect(call.commands().at(-1)).toEqual({ type: 'handoff', bot: 'bot-vendas' });
    expect(call.lines().slice(-7)).toEqual([
      { t: 6000, kind: 'input', event: dtmf('1'), accepted: true },
      { t: 6000, kind: 'listen', on: false },
      {
        t: 6000,
        kind: 'node',
        id: 't-vendas',
        type: 'transfer',
        label: 'Equipe de vendas',
        via: 'menu:option:vendas',
      },
      { t: 6000, kind: 'transfer', team: 'vendas', outcome: 'no_agents' },
      {
        t: 6000,
        kind: 'node',
        id: 'bot-vendas',
        type: 'fallbackBot',
        label: 'Bot de vendas',
        via: 't-vendas:noAgents',
      },
      { t: 6000, kind: 'handoff', bot: 'bot-vendas' },
      { t: 6000, kind: 'end', outcome: 'handed_off', durationMs: 6000 },
    ]);
    expect(call.transcript().at(-1)).toMatchObject({ kind: 'end' });
  });
});

describe('schedules, at the call’s moment', () => {
  it('call.started.at on a Sunday at 03:00 in São Paulo takes the closed branch', () => {
    // The clock says Tuesday morning: the call's own moment wins.
    const call = new TestCall(examples.reception, { clockAt: OPEN_AT }).start(SUNDAY_NIGHT);
    call.advance(GREETING_MS).endPrompt();
    expect(call.nodes()).toEqual(['greeting', 'horario', 'fechado']);
    expect(call.said().at(-1)).toBe(CLOSED_TEXT);
  });

  it('call.started.at on Christmas takes the holiday branch', () => {
    // A Friday at 10:00, open by the weekly hours, but a holiday.
    const call = new TestCall(examples.reception).start(CHRISTMAS);
    call.advance(GREETING_MS).endPrompt();
    expect(call.nodes()).toEqual(['greeting', 'horario', 'fechado']);

    // With its own port for holidays, the holiday branch is the one taken.
    const flow = copy(examples.reception);
    const horario = flow.nodes.find((n) => n.id === 'horario');
    if (!horario) throw new Error('no horario');
    horario.connections.holiday = 'tchau';
    const christmas = new TestCall(flow).start(CHRISTMAS).advance(GREETING_MS).endPrompt();
    expect(christmas.nodes()).toEqual(['greeting', 'horario', 'tchau']);
    const sunday = new TestCall(flow).start(SUNDAY_NIGHT).advance(GREETING_MS).endPrompt();
    expect(sunday.nodes()).toEqual(['greeting', 'horario', 'fechado']);
  });

  it('without call.started.at, the schedule reads the clock’s time', () => {
    const closed = new TestCall(examples.reception, { clockAt: SUNDAY_NIGHT }).start();
    closed.advance(GREETING_MS).endPrompt();
    expect(closed.nodes()).toEqual(['greeting', 'horario', 'fechado']);
    const open = new TestCall(examples.reception, { clockAt: OPEN_AT }).start();
    open.advance(GREETING_MS).endPrompt();
    expect(open.nodes()).toEqual(['greeting', 'horario', 'menu']);
  });

  it('one schedule moment (issue 15 #9): the step’s, so a call at 08:59:58 is closed even when the greeting ends after 09:00', () => {
    // The clock is elsewhere in time: only the time elapsed since the call started counts.
    const closed = new TestCall(examples.reception, { clockAt: 0 }).start(
      '2026-11-24T08:59:58-03:00',
    );
    closed.advance(GREETING_MS).endPrompt();
    expect(closed.nodes()).toEqual(['greeting', 'horario', 'fechado']);

    const open = new TestCall(examples.reception, { clockAt: 0 }).start(
      '2026-11-24T09:00:00-03:00',
    );
    open.advance(GREETING_MS).endPrompt();
    expect(open.nodes()).toEqual(['greeting', 'horario', 'menu']);
  });

  it('keeps the step’s moment through persist and restore (the server’s next request)', () => {
    const call = new TestCall(examples.reception, { clockAt: 0 }).start(
      '2026-11-24T08:59:58-03:00',
    );
    call.advance(GREETING_MS);
    const saved = call.session.persist();
    expect(saved.stepAt).toBe(0);
    const restored = restoreCallSession(examples.reception, saved, { clock: call.clock });
    restored.send({ type: 'prompt.ended' });
    expect(restored.getSnapshot().node).toBe('fechado');
  });
});

describe('transfers (R16)', () => {
  it('asks the directory for the team, once, and rings only a team with agents', () => {
    const call = atMenu({ agents: { vendas: 2 } });
    expect(call.directoryCalls).toEqual([]);
    call.send(dtmf('1'));
    expect(call.directoryCalls).toEqual(['vendas']);
    expect(call.commands().at(-1)).toEqual({
      type: 'transfer',
      team: 'vendas',
      maxWaitSeconds: 120,
    });
    expect(call.session.getSnapshot()).toMatchObject({ status: 'in_call', node: 't-vendas' });
  });

  it('with no agent, takes noAgents at once, without a transfer command', () => {
    const call = atMenu({ agents: { recepcao: 0 } });
    call.advance(5000).endPrompt().advance(5000).endPrompt().advance(5000);
    expect(call.directoryCalls).toEqual(['recepcao']);
    expect(call.commands().filter((c) => c.type === 'transfer')).toEqual([]);
    expect(call.lines().slice(-4)).toEqual([
      {
        t: 21000,
        kind: 'node',
        id: 't-recepcao',
        type: 'transfer',
        label: 'Recepção',
        via: 'menu:noInput',
      },
      { t: 21000, kind: 'transfer', team: 'recepcao', outcome: 'no_agents' },
      {
        t: 21000,
        kind: 'node',
        id: 'tchau',
        type: 'hangup',
        label: 'Despedida',
        via: 't-recepcao:noAgents',
      },
      { t: 21000, kind: 'say', promptId: 'tchau#5', text: GOODBYE, interruptible: false },
    ]);
    // A transfer.result that nobody asked for changes nothing.
    const mark = call.messages.length;
    call.send(transferResult('answered'));
    expect(call.since(mark)).toEqual([]);
  });

  // R16: nobody taking the call (it rang out, or was busy) is the flow's "no agents" decision.
  it.each([
    ['busy', 'noAgents'],
    ['no_answer', 'noAgents'],
    ['failed', 'failed'],
  ] as const)('a transfer that ends %s takes the %s port', (outcome, port) => {
    const call = atMenu({ agents: { vendas: 1 } }).send(dtmf('1'));
    call.advance(20_000).send(transferResult(outcome));
    expect(call.lines().slice(-4)).toEqual([
      { t: 26000, kind: 'transfer', team: 'vendas', outcome },
      {
        t: 26000,
        kind: 'node',
        id: 'bot-vendas',
        type: 'fallbackBot',
        label: 'Bot de vendas',
        via: `t-vendas:${port}`,
      },
      { t: 26000, kind: 'handoff', bot: 'bot-vendas' },
      { t: 26000, kind: 'end', outcome: 'handed_off', durationMs: 26000 },
    ]);
    expect(call.commands().at(-1)).toEqual({ type: 'handoff', bot: 'bot-vendas' });
  });

  it('an answered transfer ends the call as transferred', () => {
    const call = atMenu({ agents: { suporte: 1 } }).send(dtmf('2'));
    call.advance(3000).send(transferResult('answered'));
    expect(call.lines().slice(-2)).toEqual([
      { t: 9000, kind: 'transfer', team: 'suporte', outcome: 'answered' },
      { t: 9000, kind: 'end', outcome: 'transferred', durationMs: 9000 },
    ]);
    expect(call.session.getSnapshot()).toMatchObject({ status: 'ended', outcome: 'transferred' });
  });
});

describe('endings', () => {
  it('a fallback bot node hands the call over: handoff {bot}, then handed_off', () => {
    const call = new TestCall(examples.reception).start(SUNDAY_NIGHT);
    call.advance(GREETING_MS).endPrompt().advance(4000).endPrompt();
    expect(onlyCommands(call.messages).slice(-1)).toEqual([
      { type: 'handoff', bot: 'bot-fora-do-horario' },
    ]);
    expect(call.lines().slice(-3)).toEqual([
      {
        t: 6800,
        kind: 'node',
        id: 'bot-fora',
        type: 'fallbackBot',
        label: 'Bot fora do horário',
        via: 'fechado:next',
      },
      { t: 6800, kind: 'handoff', bot: 'bot-fora-do-horario' },
      { t: 6800, kind: 'end', outcome: 'handed_off', durationMs: 6800 },
    ]);
    expect(call.session.getSnapshot()).toMatchObject({
      status: 'ended',
      outcome: 'handed_off',
      listening: false,
      speaking: false,
    });
  });

  it('a hangup node says goodbye, then hangs up: hung_up', () => {
    const call = atMenu();
    call.send(dtmf('7')).endPrompt().endPrompt();
    call.send(dtmf('7')).endPrompt().endPrompt();
    call.send(dtmf('7'));
    expect(call.lastPromptId()).toBe('tchau#7');
    expect(call.session.getSnapshot()).toMatchObject({ node: 'tchau', speaking: true });
    expect(call.commands().filter((c) => c.type === 'hangup')).toEqual([]);
    call.advance(2400).endPrompt();
    expect(call.commands().slice(-2)).toEqual([
      { type: 'say', promptId: 'tchau#7', text: GOODBYE, interruptible: false },
      { type: 'hangup', reason: 'flow_ended' },
    ]);
    expect(call.lines().slice(-2)).toEqual([
      { t: 8400, kind: 'hangup', reason: 'flow_ended' },
      { t: 8400, kind: 'end', outcome: 'hung_up', durationMs: 8400 },
    ]);
  });
});

describe('AI agent (R17)', () => {
  it('listens while it speaks; caller speech cancels the say, then the agent is asked', async () => {
    const agent = recordingAgent([{ text: 'Olá, em que posso ajudar?' }, { text: 'Claro.' }]);
    const call = await atAgent({ agent: agent.adapter });
    expect(agent.requests).toEqual([
      {
        node: 'assistente',
        instructions: expect.stringContaining('Loja Exemplo') as unknown,
        endpoint: 'default',
        messages: [],
      },
    ]);
    expect(call.commands().slice(-3)).toEqual([
      { type: 'listen', on: true, modes: ['speech'] },
      { type: 'handoff', agent: 'assistente' },
      {
        type: 'say',
        promptId: 'assistente#2',
        text: 'Olá, em que posso ajudar?',
        interruptible: true,
      },
    ]);
    expect(call.session.getSnapshot()).toMatchObject({
      node: 'assistente',
      listening: true,
      speaking: true,
    });

    const mark = call.messages.length;
    call.advance(500).send(speech('quero saber do meu pedido'));
    expect(call.since(mark)).toEqual([
      {
        channel: 'trace',
        line: {
          t: 3700,
          kind: 'input',
          event: speech('quero saber do meu pedido'),
          accepted: true,
        },
      },
      { channel: 'command', command: { type: 'say.cancel', promptId: 'assistente#2' } },
      { channel: 'trace', line: { t: 3700, kind: 'say.cancel', promptId: 'assistente#2' } },
    ]);
    expect(call.session.getSnapshot()).toMatchObject({ listening: true, speaking: false });
    await flush();
    expect(agent.requests[1]?.messages).toEqual([
      { role: 'assistant', content: 'Olá, em que posso ajudar?' },
      { role: 'user', content: 'quero saber do meu pedido' },
    ]);
    expect(call.commands().at(-1)).toEqual({
      type: 'say',
      promptId: 'assistente#3',
      text: 'Claro.',
      interruptible: true,
    });
    // Keys are not heard by an agent; a drawn flow's prompt is never interruptible.
    call.send(dtmf('1'));
    expect(call.lines().at(-1)).toMatchObject({ accepted: false, reason: 'not_listening' });
    expect(call.commands().filter((c) => c.type === 'say' && c.text === AI_GREETING)).toEqual([
      { type: 'say', promptId: 'greeting#1', text: AI_GREETING, interruptible: false },
    ]);
  });

  it('a done turn is said, then the goodbye, then hung_up', async () => {
    const agent = recordingAgent([{ text: 'Até logo!', done: true }]);
    const call = await atAgent({ agent: agent.adapter });
    expect(call.said().at(-1)).toBe('Até logo!');
    call.advance(800).endPrompt();
    expect(call.nodes().at(-1)).toBe('tchau');
    expect(call.said().at(-1)).toBe(GOODBYE);
    call.advance(2400).endPrompt();
    expect(call.commands().at(-1)).toEqual({ type: 'hangup', reason: 'flow_ended' });
    expect(call.session.getSnapshot()).toMatchObject({ status: 'ended', outcome: 'hung_up' });
  });

  it('a transfer turn takes the transfer port: t-suporte', async () => {
    const agent = recordingAgent([{ text: 'Vou transferir você.', transfer: true }]);
    const call = await atAgent({ agent: agent.adapter, agents: { suporte: 1 } });
    call.advance(1600).endPrompt();
    expect(call.nodes().at(-1)).toBe('t-suporte');
    expect(call.directoryCalls).toEqual(['suporte']);
    expect(call.commands().slice(-2)).toEqual([
      { type: 'listen', on: false, modes: [] },
      { type: 'transfer', team: 'suporte', maxWaitSeconds: 120 },
    ]);
  });

  it.each([
    [
      'throws',
      () => {
        throw new Error('endpoint down');
      },
    ],
    ['rejects', () => Promise.reject(new Error('endpoint down'))],
  ])('an adapter that %s: an agent.error line, then the transfer port', async (_, adapter) => {
    const call = await atAgent({ agent: adapter, agents: { suporte: 1 } });
    expect(call.lines()).toContainEqual({
      t: 3200,
      kind: 'agent.error',
      message: 'endpoint down',
    });
    expect(call.nodes().at(-1)).toBe('t-suporte');
    expect(call.commands().at(-1)).toEqual({
      type: 'transfer',
      team: 'suporte',
      maxWaitSeconds: 120,
    });
  });

  it('scripted agent.reply events work without an adapter', () => {
    const call = new TestCall(examples.aiAgent).start(OPEN_AT).advance(3200).endPrompt();
    expect(call.session.getSnapshot()).toMatchObject({ listening: true, speaking: false });
    call.send(reply('Pois não?'));
    expect(call.commands().at(-1)).toEqual({
      type: 'say',
      promptId: 'assistente#2',
      text: 'Pois não?',
      interruptible: true,
    });
    call
      .endPrompt()
      .send(speech('nada, obrigado'))
      .send(reply('Até mais!', { done: true }));
    call.endPrompt().endPrompt();
    expect(call.session.getSnapshot()).toMatchObject({ status: 'ended', outcome: 'hung_up' });
    expect(call.said()).toEqual([AI_GREETING, 'Pois não?', 'Até mais!', GOODBYE]);
  });
});

describe('A call ends in exactly one outcome', () => {
  it('one end line, nothing emitted after it; later events are reported call_over', () => {
    const call = atMenu({ agents: { suporte: 1 } }).send(dtmf('2'));
    call.send(transferResult('answered'));
    expect(call.ends()).toEqual([
      { t: 6000, kind: 'end', outcome: 'transferred', durationMs: 6000 },
    ]);
    expect(call.lines().at(-1)).toMatchObject({ kind: 'end' });
    const transcript = call.transcript();
    const mark = call.messages.length;
    const later = [
      dtmf('1'),
      speech('vendas'),
      { type: 'prompt.ended', promptId: 'menu#2' } as const,
      transferResult('busy'),
      reply('oi', { done: true }),
      callStarted(OPEN_AT),
      hangUp(),
    ];
    call.advance(1000);
    for (const event of later) call.send(event);
    call.advance(600_000);
    expect(call.since(mark)).toEqual(
      later.map((event) => ({
        channel: 'trace',
        line: { t: 7000, kind: 'input', event, accepted: false, reason: 'call_over' },
      })),
    );
    expect(call.transcript()).toEqual(transcript);
    expect(call.session.getSnapshot()).toMatchObject({ status: 'ended', outcome: 'transferred' });
  });

  const moments: [string, () => Promise<TestCall>, TraceLine['t']][] = [
    ['before the call has started', () => Promise.resolve(new TestCall(examples.reception)), 0],
    [
      'during the greeting',
      () => Promise.resolve(new TestCall(examples.reception).start(OPEN_AT).advance(1000)),
      1000,
    ],
    [
      'during the menu prompt',
      () =>
        Promise.resolve(
          new TestCall(examples.reception).start(OPEN_AT).advance(GREETING_MS).endPrompt(),
        ),
      2800,
    ],
    ['while listening', () => Promise.resolve(atMenu().advance(4000)), 10_000],
    [
      'during ringing',
      () =>
        Promise.resolve(
          atMenu({ agents: { vendas: 1 } })
            .send(dtmf('1'))
            .advance(30_000),
        ),
      36_000,
    ],
    [
      'while the agent says a turn from its adapter',
      () => atAgent({ agent: () => new Promise((resolve) => resolve({ text: 'Oi!' })) }),
      3200,
    ],
    [
      'while the agent’s reply is asked and pending',
      () => {
        const call = new TestCall(examples.aiAgent, {
          agent: () => Promise.resolve({ text: 'Oi! Em que posso ajudar?' }),
        });
        call.start(OPEN_AT).advance(3200).endPrompt(); // asked; not answered yet
        return Promise.resolve(call);
      },
      3200,
    ],
    ['during the agent’s say', () => atAgent().then((c) => c.send(reply('Um momento...'))), 3200],
  ];

  it.each(moments)('call.ended %s ends the call as caller_hung_up, cleanly', async (_, at, t) => {
    const call = await at();
    const wasListening = call.session.getSnapshot().listening;
    call.send(hangUp('caller'));
    expect(call.lines().at(-1)).toEqual({
      t,
      kind: 'end',
      outcome: 'caller_hung_up',
      durationMs: t,
    });
    expect(call.ends()).toHaveLength(1);
    if (wasListening) {
      expect(call.commands().at(-1)).toEqual({ type: 'listen', on: false, modes: [] });
    }
    expect(call.session.getSnapshot()).toMatchObject({
      status: 'ended',
      outcome: 'caller_hung_up',
      listening: false,
      speaking: false,
    });
    // No timer fires later, no agent turn arrives.
    const mark = call.messages.length;
    await flush();
    call.advance(10 * 60_000);
    await flush();
    expect(call.since(mark)).toEqual([]);
    expect(call.clock.nextDue()).toBeUndefined();
  });

  it('a second listener and unsubscribing: each listener gets every message, once', () => {
    const call = new TestCall(examples.reception);
    const seen: SessionMessage[] = [];
    const unsubscribe = call.session.subscribe((m) => seen.push(m));
    call.start(SUNDAY_NIGHT).advance(GREETING_MS).endPrompt();
    unsubscribe();
    call.endPrompt();
    expect(seen).toEqual(call.messages.slice(0, seen.length));
    expect(call.messages.length).toBeGreaterThan(seen.length);
    expect(onlyLines(call.messages)).toEqual(call.transcript());
  });
});

describe('loops', () => {
  it('a machine that loops without listening is stopped: hangup loop_detected, end error', () => {
    const call = new TestCall(silentLoop()).start(OPEN_AT).advance(400).endPrompt();
    expect(call.commands().at(-1)).toEqual({ type: 'hangup', reason: 'loop_detected' });
    expect(call.lines().slice(-2)).toEqual([
      { t: 400, kind: 'hangup', reason: 'loop_detected' },
      {
        t: 400,
        kind: 'end',
        outcome: 'error',
        durationMs: 400,
        error: '"s1" was entered more than 50 times',
      },
    ]);
    // greeting, then s1 and s2 fifty times each; the 51st s1 is refused (maxNodeEntries).
    expect(call.nodes()).toHaveLength(101);
    expect(call.ends()).toHaveLength(1);
    expect(call.session.getSnapshot()).toMatchObject({ status: 'ended', outcome: 'error' });
  });

  it('maxSilentSteps caps it sooner', () => {
    const call = new TestCall(silentLoop(), { limits: { maxSilentSteps: 3 } });
    call.start(OPEN_AT).endPrompt();
    expect(call.nodes()).toEqual(['greeting', 's1', 's2', 's1', 's2', 's1']);
    expect(call.lines().at(-1)).toMatchObject({
      kind: 'end',
      outcome: 'error',
      error:
        'the flow went round a loop without listening: it came back to a node 3 times (last: "s2")',
    });
    expect(call.commands().at(-1)).toEqual({ type: 'hangup', reason: 'loop_detected' });
  });

  /** A menu with one option whose `port` leads back to the menu itself. */
  const selfMenu = (port: 'noInput' | 'noMatch') =>
    flowOf([
      { id: 'greeting', kind: 'greeting', data: { text: 'Oi.' }, connections: { next: 'menu' } },
      {
        id: 'menu',
        kind: 'menu',
        data: {
          prompt: 'Digite 1.',
          options: [{ id: 'um', key: '1', keywords: [] }],
          noInput: { repeats: 0 },
          noMatch: { repeats: 0 },
        },
        connections: { 'option:um': 'bye', noInput: 'bye', noMatch: 'bye', [port]: 'menu' },
      },
      { id: 'bye', kind: 'hangup', data: { text: 'Tchau.' }, connections: {} },
    ]);

  it('maxNodeEntries stops a menu that a silent caller keeps re-entering', () => {
    const call = new TestCall(selfMenu('noInput'), { limits: { maxNodeEntries: 3 } });
    call.start(OPEN_AT).endPrompt();
    for (let i = 0; i < 3; i++) call.endPrompt().advance(5000);
    expect(call.nodes()).toEqual(['greeting', 'menu', 'menu', 'menu']);
    expect(call.commands().at(-1)).toEqual({ type: 'hangup', reason: 'loop_detected' });
    expect(call.lines().at(-1)).toMatchObject({
      kind: 'end',
      outcome: 'error',
      error: '"menu" was entered more than 3 times',
    });
  });

  it('maxNodeEntries stops a menu that wrong keys keep re-entering', () => {
    const call = new TestCall(selfMenu('noMatch'), { limits: { maxNodeEntries: 3 } });
    call.start(OPEN_AT).endPrompt();
    for (let i = 0; i < 3; i++) call.endPrompt().send(dtmf('9'));
    expect(call.session.getSnapshot()).toMatchObject({ status: 'ended', outcome: 'error' });
    expect(call.commands().at(-1)).toEqual({ type: 'hangup', reason: 'loop_detected' });
    expect(call.lines().at(-1)).toMatchObject({
      kind: 'end',
      outcome: 'error',
      error: '"menu" was entered more than 3 times',
    });
  });
});

describe('persist and restore', () => {
  type Step = (call: TestCall) => void;

  /**
   * Runs `before` on a call, persists it (through JSON), restores it on a new
   * clock at the same moment, then runs the same `after` steps on both (with
   * agent turns flushed after each): the restored call must emit exactly what
   * the uninterrupted one emits from there on.
   */
  async function continuesTheSame(
    flow: RunnableFlow,
    options: CallOptions,
    before: (call: TestCall) => void | Promise<void>,
    after: Step[],
    check: (persisted: PersistedCall) => void = () => undefined,
  ): Promise<{ original: TestCall; restored: TestCall }> {
    const original = new TestCall(flow, options);
    await before(original);
    const persisted = JSON.parse(JSON.stringify(original.session.persist())) as PersistedCall;
    check(persisted);
    const restored = original.restored();
    const mark = original.messages.length;
    expect(restored.session.getSnapshot()).toEqual(original.session.getSnapshot());
    for (const step of after) {
      step(original);
      step(restored);
      await flush();
    }
    expect(restored.messages).toEqual(original.since(mark));
    expect(restored.session.getSnapshot()).toEqual(original.session.getSnapshot());
    return { original, restored };
  }

  it('during a prompt', async () => {
    const { original } = await continuesTheSame(
      examples.reception,
      { agents: { vendas: 1 } },
      (c) => void c.start(OPEN_AT).advance(1500),
      [
        (c) => c.advance(1300).endPrompt(),
        (c) => c.advance(3200).endPrompt(),
        (c) => c.send(dtmf('1')),
        (c) => c.send(transferResult('answered')),
      ],
      (p) => expect(p.prompt).toBe('greeting#1'),
    );
    expect(original.session.getSnapshot().outcome).toBe('transferred');
  });

  it('while listening, with the no-input timer running', async () => {
    const { restored } = await continuesTheSame(
      examples.reception,
      {},
      (c) =>
        void c.start(OPEN_AT).advance(2800).endPrompt().advance(3200).endPrompt().advance(3000),
      [(c) => c.advance(1999), (c) => c.advance(1), (c) => c.endPrompt().advance(5000)],
      (p) => expect(p.timerDeadline).toBe(Date.parse(OPEN_AT) + 11_000),
    );
    expect(restored.lines().filter((l) => l.kind === 'noinput')).toEqual([
      { t: 11_000, kind: 'noinput', count: 1 },
      { t: 16_000, kind: 'noinput', count: 2 },
    ]);
  });

  it('during ringing', async () => {
    await continuesTheSame(
      examples.reception,
      { agents: { suporte: 1 } },
      (c) =>
        void c
          .start(OPEN_AT)
          .advance(2800)
          .endPrompt()
          .advance(3200)
          .endPrompt()
          .send(speech('suporte')),
      [(c) => c.advance(9000), (c) => c.send(transferResult('busy'))],
      (p) => expect(p.transferTeam).toBe('suporte'),
    );
  });

  it('in the agent, with scripted replies', async () => {
    await continuesTheSame(
      examples.aiAgent,
      { agents: { suporte: 1 } },
      (c) => void c.start(OPEN_AT).advance(3200).endPrompt().send(reply('Pois não?')),
      [
        (c) => c.advance(300).send(speech('quero falar com uma pessoa')),
        (c) => c.send(reply('Vou transferir.', { transfer: true })),
        (c) => c.advance(1200).endPrompt(),
        (c) => c.send(transferResult('answered')),
      ],
    );
  });

  it('in the agent, while its turn is being asked of the adapter', async () => {
    const agent = (r: { messages: unknown[] }) =>
      Promise.resolve(
        r.messages.length === 0 ? { text: 'Olá!' } : { text: 'Até mais.', done: true },
      );
    await continuesTheSame(
      examples.aiAgent,
      { agent },
      // No flush: the opening turn is asked, not answered.
      (c) => void c.start(OPEN_AT).advance(3200).endPrompt(),
      [
        (c) => c.advance(400),
        (c) => c.send(speech('tchau')),
        (c) => c.advance(400).endPrompt(),
        (c) => c.endPrompt(),
      ],
      (p) => expect(p.agent).toMatchObject({ node: 'assistente', awaiting: 1 }),
    );
  });

  it('in the agent, while a second turn is being asked', async () => {
    const answers: ((turn: { text: string }) => void)[] = [];
    const restoredAnswers: ((turn: { text: string }) => void)[] = [];
    const original = new TestCall(examples.aiAgent, {
      agent: () => new Promise((resolve) => answers.push(resolve)),
    });
    original.start(OPEN_AT).advance(3200).endPrompt();
    await flush();
    original.send(speech('qual o horário da loja?'));
    await flush();
    expect(answers).toHaveLength(2);
    answers[0]?.({ text: 'Olá!' });
    await flush();
    const restored = original.restored({
      agent: () => new Promise((resolve) => restoredAnswers.push(resolve)),
    });
    await flush();
    answers[1]?.({ text: 'Das 9h às 18h.' });
    restoredAnswers[0]?.({ text: 'Das 9h às 18h.' });
    await flush();
    expect(original.said().at(-1)).toBe('Das 9h às 18h.');
    expect(restored.said()).toEqual(['Das 9h às 18h.']);
  });

  it('a persisted call is plain JSON, holds no trace, and is a copy', () => {
    const call = atMenu();
    const persisted = call.session.persist();
    expect(JSON.parse(JSON.stringify(persisted))).toEqual(persisted);
    // node greeting, say, node horario, node menu, say, listen
    expect(persisted).toMatchObject({ format: 'callbot-call/2', outcome: null, lines: 6 });
    expect(persisted).not.toHaveProperty('transcript');
    persisted.entries.length = 0;
    persisted.snapshot.context.noInput = 9;
    expect(call.session.persist().entries.length).toBeGreaterThan(0);
    expect(call.session.persist().snapshot.context.noInput).toBe(0);
  });

  it('restoring into a different flow, or something not persisted, is refused', () => {
    const persisted = atMenu().session.persist();
    expect(() => restoreCallSession(examples.aiAgent, persisted)).toThrow(SessionError);
    expect(() => restoreCallSession(examples.aiAgent, persisted)).toThrow(
      /another version of the flow/,
    );
    const changed = copy(examples.reception);
    const menu = changed.nodes.find((n) => n.id === 'menu');
    if (menu?.kind !== 'menu') throw new Error('no menu');
    menu.data.prompt = 'Para vendas, digite 1.';
    expect(() => restoreCallSession(changed, persisted)).toThrow(SessionError);
    // Layout is not logic: a moved node restores.
    const moved = copy(examples.reception);
    moved.layout.nodes.menu = { x: 999, y: 999 };
    expect(() => restoreCallSession(moved, persisted)).not.toThrow();
    expect(() =>
      restoreCallSession(examples.reception, {
        ...persisted,
        format: 'x',
      }),
    ).toThrow(/format: expected "callbot-call\/2"/);
    expect(() => restoreCallSession(examples.reception, null)).toThrow(SessionError);
  });

  it('a call persisted after its end restores ended', () => {
    const call = new TestCall(examples.reception).start(SUNDAY_NIGHT).endPrompt().endPrompt();
    expect(call.session.getSnapshot().outcome).toBe('handed_off');
    const restored = call.restored();
    expect(restored.session.getSnapshot()).toEqual(call.session.getSnapshot());
    restored.send(dtmf('1')).send(hangUp()).advance(600_000);
    expect(restored.commands()).toEqual([]);
    expect(restored.lines()).toEqual([
      { t: 0, kind: 'input', event: dtmf('1'), accepted: false, reason: 'call_over' },
      { t: 0, kind: 'input', event: hangUp(), accepted: false, reason: 'call_over' },
    ]);
  });

  it('a call stopped for a loop restores ended too', () => {
    const call = new TestCall(silentLoop(), { limits: { maxSilentSteps: 3 } });
    call.start(OPEN_AT).endPrompt();
    expect(call.session.getSnapshot().outcome).toBe('error');
    const restored = call.restored();
    expect(restored.session.getSnapshot()).toEqual(call.session.getSnapshot());
    restored.send(hangUp()).advance(600_000);
    expect(restored.commands()).toEqual([]);
    expect(restored.lines()).toEqual([
      { t: 0, kind: 'input', event: hangUp(), accepted: false, reason: 'call_over' },
    ]);
  });
});

describe('malformed input', () => {
  it.each([
    [{ type: 'dtmf', digit: 'A' }, /^Not a call event: digit: /],
    [{ type: 'speech' }, /^Not a call event: text: /],
    [{ type: 'hello' }, /^Not a call event: type: /],
    [{ type: 'call.ended', by: 'caller', extra: 1 }, /^Not a call event: /],
    [null, /^Not a call event: event: /],
  ])('send(%j) throws a SessionError that says what is wrong', (event, message) => {
    const call = new TestCall(examples.reception).start(OPEN_AT);
    const before = call.messages.length;
    const send = () => call.session.send(event as never);
    expect(send).toThrow(SessionError);
    expect(send).toThrow(message);
    expect(call.messages).toHaveLength(before);
  });

  it('a flow with errors is refused with its diagnostics', () => {
    const broken = copy(examples.reception);
    broken.nodes = broken.nodes.filter((n) => n.id !== 'greeting');
    let error: unknown;
    try {
      createCallSession(broken);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SessionError);
    const sessionError = error as SessionError;
    expect(sessionError.message).toMatch(/^The flow cannot run: .*no greeting/);
    expect(sessionError.diagnostics.map((d) => d.code)).toContain('flow.noGreeting');
    expect(() => createCallSession({ hello: 'world' } as never)).toThrow(SessionError);
  });
});
