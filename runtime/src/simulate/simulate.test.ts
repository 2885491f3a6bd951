import { describe, expect, it } from 'vitest';
import { examples } from '../examples.ts';
import type { TraceLine } from '../protocol.ts';
import type { RunnableFlow } from '../session/session.ts';
import { CLOSED_TEXT, GOODBYE, GREETING, MENU_PROMPT, SUNDAY_NIGHT } from '../test/support.ts';
import { scriptSchema, type ScriptInput } from './script.ts';
import { simulateCall } from './simulate.ts';

const CALL = {
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
} as const;
const OPEN = '2026-11-24T10:00:00-03:00';

const run = (flow: RunnableFlow, script: Omit<ScriptInput, 'call'>) =>
  simulateCall(flow, scriptSchema.parse({ call: CALL, ...script }));

const inputs = (lines: TraceLine[]) => lines.filter((l) => l.kind === 'input');
const nodeAt = (lines: TraceLine[], id: string) =>
  lines.find((l) => l.kind === 'node' && l.id === id)?.t;

describe('simulateCall', () => {
  it('runs the protocol document’s example script on the reception example', () => {
    const result = run(examples.reception, {
      startAt: OPEN,
      agents: { vendas: 0, suporte: 2 },
      wordsPerMinute: 150,
      steps: [
        { at: 1000, event: { type: 'dtmf', digit: '1' } },
        { when: 'listening', delay: 200, event: { type: 'dtmf', digit: '2' } },
        { when: 'say', delay: 300, event: { type: 'speech', text: 'falar com atendente' } },
      ],
    });
    expect(result.lines).toEqual([
      { t: 0, kind: 'node', id: 'greeting', type: 'greeting', label: 'Boas-vindas' },
      { t: 0, kind: 'say', promptId: 'greeting#1', text: GREETING, interruptible: false },
      {
        t: 1000,
        kind: 'input',
        event: { type: 'dtmf', digit: '1' },
        accepted: false,
        reason: 'not_listening',
      },
      {
        t: 2800,
        kind: 'node',
        id: 'horario',
        type: 'schedule',
        label: 'Horário de atendimento',
        via: 'greeting:next',
      },
      {
        t: 2800,
        kind: 'node',
        id: 'menu',
        type: 'menu',
        label: 'Menu principal',
        via: 'horario:open',
      },
      { t: 2800, kind: 'say', promptId: 'menu#2', text: MENU_PROMPT, interruptible: false },
      { t: 6000, kind: 'listen', on: true },
      { t: 6200, kind: 'input', event: { type: 'dtmf', digit: '2' }, accepted: true },
      { t: 6200, kind: 'listen', on: false },
      {
        t: 6200,
        kind: 'node',
        id: 't-suporte',
        type: 'transfer',
        label: 'Equipe de suporte',
        via: 'menu:option:suporte',
      },
      { t: 6200, kind: 'transfer', team: 'suporte', outcome: 'queued' },
      { t: 6200, kind: 'transfer', team: 'suporte', outcome: 'answered' },
      { t: 6200, kind: 'end', outcome: 'transferred', durationMs: 6200 },
    ]);
    expect(result.outcome).toBe('transferred');
    expect(result.durationMs).toBe(6200);
  });

  it('sends `at` steps at their virtual time since the call started', () => {
    const { lines } = run(examples.reception, {
      startAt: OPEN,
      agents: { vendas: 1 },
      steps: [
        { at: 7000, event: { type: 'dtmf', digit: '1' } },
        { at: 1000, event: { type: 'dtmf', digit: '1' } },
      ],
    });
    expect(inputs(lines)).toEqual([
      {
        t: 1000,
        kind: 'input',
        event: { type: 'dtmf', digit: '1' },
        accepted: false,
        reason: 'not_listening',
      },
      { t: 7000, kind: 'input', event: { type: 'dtmf', digit: '1' }, accepted: true },
    ]);
    expect(lines.at(-1)).toEqual({
      t: 7000,
      kind: 'end',
      outcome: 'transferred',
      durationMs: 7000,
    });
  });

  it('takes `when` steps in order, each waiting for its own next trigger', () => {
    const { lines } = run(examples.reception, {
      startAt: OPEN,
      agents: { suporte: 1 },
      steps: [
        // Listening starts at 6000 (greeting 2800 ms, prompt 3200 ms).
        { when: 'listening', delay: 100, event: { type: 'dtmf', digit: '9' } },
        // The next say is "Opção inválida." at 6100.
        { when: 'say', delay: 300, event: { type: 'speech', text: 'suporte' } },
        // "Opção inválida." (800 ms), the prompt again (3200 ms): listening at 10100.
        { when: 'listening', delay: 200, event: { type: 'dtmf', digit: '2' } },
      ],
    });
    expect(inputs(lines)).toEqual([
      {
        t: 6100,
        kind: 'input',
        event: { type: 'dtmf', digit: '9' },
        accepted: false,
        reason: 'no_match',
      },
      {
        t: 6400,
        kind: 'input',
        event: { type: 'speech', text: 'suporte' },
        accepted: false,
        reason: 'not_listening',
      },
      { t: 10300, kind: 'input', event: { type: 'dtmf', digit: '2' }, accepted: true },
    ]);
    expect(lines.filter((l) => l.kind === 'listen' && l.on).map((l) => l.t)).toEqual([6000, 10100]);
    expect(lines.at(-1)).toMatchObject({ kind: 'end', outcome: 'transferred', t: 10300 });
  });

  it('a `when: say` step waits for the next say, not one already said', () => {
    const { lines } = run(examples.reception, {
      startAt: OPEN,
      steps: [
        { at: 500, event: { type: 'dtmf', digit: '5' } },
        // The first `when` step waits for the first say: the greeting, at 0.
        { when: 'say', delay: 0, event: { type: 'dtmf', digit: '6' } },
        // The next one waits for the next say after that: the menu prompt, at 2800.
        { when: 'say', delay: 50, event: { type: 'dtmf', digit: '7' } },
      ],
      maxMs: 5000,
    });
    expect(inputs(lines).map((l) => [l.t, l.kind === 'input' && l.event])).toEqual([
      [0, { type: 'dtmf', digit: '6' }],
      [500, { type: 'dtmf', digit: '5' }],
      [2850, { type: 'dtmf', digit: '7' }],
    ]);
  });

  it.each([
    [150, 2800, 6000],
    [60, 7000, 15000],
    [300, 1400, 3000],
  ])('at %i words per minute, says end after 60000 * words / wpm ms', (wpm, menuAt, listenAt) => {
    const { lines } = run(examples.reception, {
      startAt: OPEN,
      wordsPerMinute: wpm,
      maxMs: listenAt + 1,
    });
    // The greeting has 7 words, the menu prompt 8.
    expect(nodeAt(lines, 'menu')).toBe(menuAt);
    expect(lines.find((l) => l.kind === 'listen')).toEqual({
      t: listenAt,
      kind: 'listen',
      on: true,
    });
  });

  it('a transfer to a team with agents is answered', () => {
    const { lines, outcome } = run(examples.reception, {
      startAt: OPEN,
      agents: { vendas: 1 },
      steps: [{ when: 'listening', event: { type: 'speech', text: 'Vendas' } }],
    });
    expect(lines.slice(-2)).toEqual([
      { t: 6000, kind: 'transfer', team: 'vendas', outcome: 'answered' },
      { t: 6000, kind: 'end', outcome: 'transferred', durationMs: 6000 },
    ]);
    expect(outcome).toBe('transferred');
  });

  it('a transfer to a team without agents takes the no-agents branch', () => {
    // The ai-agent example: the agent asks for a person, support has nobody.
    const { lines, outcome } = run(examples.aiAgent, {
      startAt: OPEN,
      agents: { suporte: 0 },
      steps: [
        { at: 4000, event: { type: 'agent.reply', text: 'Vou transferir.', transfer: true } },
      ],
    });
    expect(lines.filter((l) => l.kind === 'transfer')).toEqual([
      { t: 4800, kind: 'transfer', team: 'suporte', outcome: 'no_agents' },
    ]);
    expect(lines.slice(-3)).toEqual([
      { t: 4800, kind: 'say', promptId: 'tchau#3', text: GOODBYE, interruptible: false },
      { t: 6800, kind: 'hangup', reason: 'flow_ended' },
      { t: 6800, kind: 'end', outcome: 'hung_up', durationMs: 6800 },
    ]);
    expect(outcome).toBe('hung_up');
  });

  it('a key to a team without agents takes the no-agents branch, to the end', () => {
    const { lines, outcome, durationMs } = run(examples.reception, {
      startAt: OPEN,
      agents: { vendas: 0 },
      steps: [{ when: 'listening', delay: 500, event: { type: 'dtmf', digit: '1' } }],
    });
    expect(outcome).toBe('handed_off');
    expect(durationMs).toBe(6500);
    expect(lines.slice(-7)).toEqual([
      { t: 6500, kind: 'input', event: { type: 'dtmf', digit: '1' }, accepted: true },
      { t: 6500, kind: 'listen', on: false },
      {
        t: 6500,
        kind: 'node',
        id: 't-vendas',
        type: 'transfer',
        label: 'Equipe de vendas',
        via: 'menu:option:vendas',
      },
      { t: 6500, kind: 'transfer', team: 'vendas', outcome: 'no_agents' },
      {
        t: 6500,
        kind: 'node',
        id: 'bot-vendas',
        type: 'fallbackBot',
        label: 'Bot de vendas',
        via: 't-vendas:noAgents',
      },
      { t: 6500, kind: 'handoff', bot: 'bot-vendas' },
      { t: 6500, kind: 'end', outcome: 'handed_off', durationMs: 6500 },
    ]);
  });

  it('the network ends the call at maxMs when nothing else does', () => {
    // The ai-agent example without an adapter waits for agent turns for ever.
    const { lines, outcome, durationMs } = run(examples.aiAgent, { startAt: OPEN, maxMs: 60_000 });
    expect(lines.at(-1)).toEqual({
      t: 60_000,
      kind: 'end',
      outcome: 'caller_hung_up',
      durationMs: 60_000,
    });
    expect(outcome).toBe('caller_hung_up');
    expect(durationMs).toBe(60_000);
    // maxMs defaults to ten minutes.
    expect(run(examples.aiAgent, { startAt: OPEN }).durationMs).toBe(600_000);
  });

  it('a call.ended step ends the call there', () => {
    const { lines, outcome } = run(examples.reception, {
      startAt: OPEN,
      steps: [
        { at: 4000, event: { type: 'call.ended', by: 'caller' } },
        { at: 5000, event: { type: 'dtmf', digit: '1' } },
      ],
    });
    expect(lines.at(-1)).toEqual({
      t: 4000,
      kind: 'end',
      outcome: 'caller_hung_up',
      durationMs: 4000,
    });
    expect(outcome).toBe('caller_hung_up');
  });

  it('reads schedules at startAt, or at the `now` option without it; reports each line', () => {
    const closed = run(examples.reception, { startAt: SUNDAY_NIGHT });
    expect(closed.lines.find((l) => l.kind === 'say' && l.text === CLOSED_TEXT)).toBeDefined();
    expect(closed.outcome).toBe('handed_off');

    const seen: TraceLine[] = [];
    const byNow = simulateCall(examples.reception, scriptSchema.parse({ call: CALL }), {
      now: Date.parse(SUNDAY_NIGHT),
      onLine: (line) => seen.push(line),
    });
    expect(byNow.lines).toEqual(closed.lines);
    expect(seen).toEqual(byNow.lines);
  });

  it('cuts a silent caller off through the menu’s no-input branch', () => {
    const { lines, outcome } = run(examples.reception, { startAt: OPEN });
    expect(lines.filter((l) => l.kind === 'noinput')).toEqual([
      { t: 11000, kind: 'noinput', count: 1 },
      { t: 19200, kind: 'noinput', count: 2 },
      { t: 27400, kind: 'noinput', count: 3 },
    ]);
    expect(lines.filter((l) => l.kind === 'transfer')).toEqual([
      { t: 27400, kind: 'transfer', team: 'recepcao', outcome: 'no_agents' },
    ]);
    expect(outcome).toBe('hung_up');
  });

  it('a script cannot start the call itself, and gets the defaults of the protocol', () => {
    const refused = scriptSchema.safeParse({
      call: CALL,
      steps: [{ at: 0, event: { ...CALL, type: 'call.started' } }],
    });
    expect(refused.success).toBe(false);
    expect(JSON.stringify(refused.error?.issues)).toContain('the simulator starts the call itself');
    expect(scriptSchema.parse({ call: CALL })).toEqual({
      call: CALL,
      agents: {},
      wordsPerMinute: 150,
      maxMs: 600_000,
      steps: [],
    });
  });
});
