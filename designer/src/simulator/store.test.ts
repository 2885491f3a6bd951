import { examples, simulateCall, type TraceLine } from '@callbot/runtime';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { noCallHighlight, type CallHighlight } from '../editor/store.ts';
import { startPacing } from './pacing.ts';
import { createSimulatorStore, teamsOf, type CallSetup } from './store.ts';

const reception = examples.reception;
const aiAgent = examples.aiAgent;
/** A Tuesday at 10:00 in São Paulo: the reception is open. */
const TUESDAY_10 = Date.parse('2026-11-24T13:00:00Z');

function simulator(setup: Partial<CallSetup> = {}, doc = reception) {
  const voice = { say: vi.fn(), cancel: vi.fn() };
  /** What the canvas would mark: the last highlight the simulator gave. */
  let highlighted: CallHighlight = noCallHighlight;
  const sim = createSimulatorStore({
    now: TUESDAY_10,
    timeZone: 'America/Sao_Paulo',
    teams: teamsOf(doc),
    voice,
    highlight: (h) => (highlighted = h),
  });
  sim.getState().updateSetup(setup);
  return { sim, voice, s: () => sim.getState(), highlight: () => highlighted };
}

const kinds = (log: { line: TraceLine }[]) => log.map((e) => e.line.kind);

describe('the simulator store', () => {
  it('sets a call up for now, with an agent for each team of the flow', () => {
    const { s } = simulator();
    expect(s().setup).toMatchObject({
      date: '2026-11-24',
      time: '10:00',
      timeZone: 'America/Sao_Paulo',
      agents: { vendas: 1, suporte: 1, recepcao: 1 },
      speed: 'realtime',
      startNode: null,
    });
  });

  it('runs a call in real time: ignored key in the greeting, listening after the menu', () => {
    const { s, highlight } = simulator();
    s().start(reception);
    expect(s().phase).toBe('running');
    expect(s().now).toMatchObject({ node: 'greeting', speaking: true, listening: false });

    s().tick(1000);
    s().send({ type: 'dtmf', digit: '1' });
    expect(s().log.at(-1)!.line).toMatchObject({ kind: 'input', reason: 'not_listening' });

    s().tick(4999);
    expect(s().now).toMatchObject({ node: 'menu', speaking: true, listening: false, t: 5999 });
    s().tick(1);
    expect(s().now).toMatchObject({ listening: true, modes: ['dtmf', 'speech'], speaking: false });

    s().send({ type: 'dtmf', digit: '1' });
    expect(s().phase).toBe('ended');
    expect(s().now.outcome).toBe('transferred');
    expect(highlight()).toEqual({
      active: 't-vendas',
      path: {
        nodes: ['greeting', 'horario', 'menu', 't-vendas'],
        edges: ['greeting:next', 'horario:open', 'menu:option:vendas'],
      },
    });
  });

  it('keeps the state of each moment of the event log', () => {
    const { s } = simulator();
    s().start(reception);
    s().tick(7000);
    const listenOn = s().log.findIndex((e) => e.line.kind === 'listen');
    expect(s().log[listenOn]!.state).toMatchObject({ t: 6000, node: 'menu', listening: true });
    expect(s().log[0]!.state).toMatchObject({ t: 0, node: 'greeting', speaking: false });
    expect(s().log[1]!.state).toMatchObject({ t: 0, node: 'greeting', speaking: true });
  });

  it('goes faster at ×4', () => {
    const { s } = simulator({ speed: 'faster' });
    s().start(reception);
    s().tick(1500);
    expect(s().now).toMatchObject({ t: 6000, listening: true });
  });

  it('in instant mode jumps to the moment the bot listens, then waits in real time', () => {
    const { s } = simulator({ speed: 'instant' });
    s().start(reception);
    s().tick(16);
    expect(s().now).toMatchObject({ t: 6000, listening: true });
    s().tick(1000);
    expect(s().now.t).toBe(7000);
    // "Skip the wait" goes to the no-input timeout (5 s after listening started).
    s().skipWait();
    expect(s().now.t).toBe(11_000);
    expect(s().log.some((e) => e.line.kind === 'noinput')).toBe(true);
  });

  it('takes the no-agents branch when the team has nobody', () => {
    const { s, highlight } = simulator({ speed: 'instant' });
    s().setAgents('vendas', 0);
    s().start(reception);
    s().tick(16);
    s().send({ type: 'dtmf', digit: '1' });
    s().tick(16);
    expect(s().now).toMatchObject({ node: 'bot-vendas', outcome: 'handed_off' });
    expect(highlight().path.edges).toContain('t-vendas:noAgents');
  });

  it('goes to the closed branch on a Sunday at 03:00', () => {
    const { s } = simulator({ speed: 'instant', date: '2026-11-29', time: '03:00' });
    s().start(reception);
    s().tick(16);
    expect(s().now).toMatchObject({ node: 'bot-fora', outcome: 'handed_off' });
  });

  it('reads the schedule at the step’s moment: set at 08:59, closed even when the greeting ends after 09:00', () => {
    // A greeting of 200 words takes 80 s: the schedule is reached at 09:00:20 on the call's clock,
    // but it reads the moment of the step that reached it (the call's start), as the server does.
    const long: typeof reception = {
      ...reception,
      nodes: reception.nodes.map((n) =>
        n.kind === 'greeting' ? { ...n, data: { ...n.data, text: 'palavra '.repeat(200) } } : n,
      ),
    };
    const closed = simulator({ speed: 'instant', date: '2026-11-24', time: '08:59' });
    closed.s().start(long);
    closed.s().tick(16);
    expect(closed.s().log.map((e) => e.line)).toContainEqual(
      expect.objectContaining({ kind: 'node', id: 'fechado' }),
    );
    const open = simulator({ speed: 'instant', date: '2026-11-24', time: '09:00' });
    open.s().start(long);
    open.s().tick(16);
    expect(open.s().log.map((e) => e.line)).toContainEqual(
      expect.objectContaining({ kind: 'node', id: 'menu' }),
    );
  });

  it('starts from a chosen node, and such a call is no test case', () => {
    const { s } = simulator({ startNode: 'menu' });
    s().start(reception);
    expect(s().log[0]!.line).toMatchObject({ kind: 'node', id: 'menu' });
    expect(s().now).toMatchObject({ node: 'menu', speaking: true });
    s().tick(4000);
    expect(s().now.listening).toBe(true);
    expect(s().recorded).toBeNull();
  });

  it('says when the start node chosen is no longer in the flow', () => {
    const { s } = simulator({ startNode: 'gone' });
    s().start(reception);
    expect(s().phase).toBe('setup');
    expect(s().problem).toMatchObject({ missingStartNode: 'gone' });
  });

  it('records the call as a script that replays to the same transcript', () => {
    const { s } = simulator();
    s().start(reception);
    s().tick(500);
    s().send({ type: 'speech', text: 'alô' });
    s().tick(6000);
    s().send({ type: 'speech', text: 'suporte' });
    const { script, transcript } = s().recorded!;
    expect(script.steps).toEqual([
      { at: 500, event: { type: 'speech', text: 'alô' } },
      { at: 6500, event: { type: 'speech', text: 'suporte' } },
    ]);
    expect(script.startAt).toBe('2026-11-24T10:00:00-03:00');
    expect(simulateCall(reception, script).lines).toEqual(transcript);
  });

  it('turns fractions of wall-clock ms into whole virtual ms, losing none', () => {
    const { s } = simulator();
    s().start(reception);
    for (let i = 0; i < 401; i++) s().tick(12.5);
    expect(s().now.t).toBe(5012);
    s().send({ type: 'dtmf', digit: '9' });
    expect(s().recorded!.script.steps).toEqual([{ at: 5012, event: { type: 'dtmf', digit: '9' } }]);
  });

  it('says the problem when the flow cannot run, and stays in the setup', () => {
    const { s } = simulator();
    s().start({ ...reception, nodes: reception.nodes.filter((n) => n.id !== 'greeting') });
    expect(s().phase).toBe('setup');
    expect(s().problem?.diagnostics.length).toBeGreaterThan(0);
  });

  it('speaks prompts aloud only behind the switch, and stops at barge-in and the end', async () => {
    const { s, voice } = simulator({}, aiAgent);
    s().start(aiAgent);
    expect(voice.say).not.toHaveBeenCalled();
    s().setSpeakAloud(true);
    s().tick(3200);
    s().send({ type: 'agent.reply', text: 'Em que posso ajudar?' });
    expect(voice.say).toHaveBeenCalledWith('Em que posso ajudar?', 'pt-BR');
    voice.cancel.mockClear();
    s().tick(200);
    s().send({ type: 'speech', text: 'quero falar com alguém' });
    expect(voice.cancel).toHaveBeenCalled();
    expect(s().log.map((e) => e.line.kind)).toContain('say.cancel');
    s().hangUp();
    expect(s().now.outcome).toBe('caller_hung_up');
    expect(kinds(s().log).at(-1)).toBe('end');
    await Promise.resolve();
  });
});

describe('startPacing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('moves virtual time with the wall clock until stopped', () => {
    const { s, sim } = simulator();
    s().start(reception);
    const stop = startPacing(sim, { now: () => Date.now(), everyMs: 50 });
    vi.advanceTimersByTime(2000);
    expect(s().now.t).toBe(2000);
    stop();
    vi.advanceTimersByTime(2000);
    expect(s().now.t).toBe(2000);
  });
});
