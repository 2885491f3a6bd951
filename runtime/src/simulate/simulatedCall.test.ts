import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { examples } from '../examples.ts';
import type { SessionMessage, TraceLine } from '../protocol.ts';
import { AI_GREETING, MENU_PROMPT, OPEN_AT, SUNDAY_NIGHT } from '../test/support.ts';
import { simulateCall } from './simulate.ts';
import { createSimulatedCall, type SimulatedInput } from './simulatedCall.ts';

const CALL = {
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
} as const;

function record(call: ReturnType<typeof createSimulatedCall>) {
  const lines: TraceLine[] = [];
  const commands: SessionMessage[] = [];
  call.subscribe((m) => (m.channel === 'trace' ? lines.push(m.line) : commands.push(m)));
  return { lines, commands };
}

describe('createSimulatedCall', () => {
  it('moves only when told to, and says when the next thing is due', () => {
    const call = createSimulatedCall(examples.reception, {
      call: CALL,
      startAt: OPEN_AT,
      agents: { vendas: 1 },
    });
    const { lines } = record(call);
    call.start();
    expect(call.getSnapshot()).toMatchObject({ t: 0, node: 'greeting', speaking: true });
    // The greeting has 7 words: 2.8 s at 150 words a minute.
    expect(call.nextDue()).toBe(2800);

    call.send({ type: 'dtmf', digit: '1' });
    expect(lines.at(-1)).toMatchObject({ kind: 'input', accepted: false, reason: 'not_listening' });

    expect(call.runNext()).toBe(true);
    expect(call.getSnapshot()).toMatchObject({ t: 2800, node: 'menu', listening: false });
    call.advance(3200);
    expect(call.getSnapshot()).toMatchObject({ t: 6000, listening: true, speaking: false });
    expect(lines.at(-2)).toMatchObject({ kind: 'say', text: MENU_PROMPT });

    call.runUntil(6500);
    call.send({ type: 'dtmf', digit: '1' });
    // The transfer is answered at once: nothing due is left pending.
    expect(call.getSnapshot()).toMatchObject({ status: 'ended', outcome: 'transferred', t: 6500 });
    expect(call.nextDue()).toBeUndefined();
    expect(call.runNext()).toBe(false);
  });

  it('records every input at its moment, and the script replays to the same transcript', () => {
    const call = createSimulatedCall(examples.reception, {
      call: CALL,
      startAt: SUNDAY_NIGHT,
      agents: { vendas: 0 },
    });
    const { lines } = record(call);
    call.start();
    call.advance(1234);
    call.send({ type: 'speech', text: 'vendas' });
    while (call.runNext());

    const script = call.toScript();
    expect(script).toEqual({
      call: CALL,
      startAt: SUNDAY_NIGHT,
      agents: { vendas: 0 },
      wordsPerMinute: 150,
      maxMs: 600_000,
      steps: [{ at: 1234, event: { type: 'speech', text: 'vendas' } }],
    });
    expect(lines.filter((l) => l.kind === 'node').map((l) => l.kind === 'node' && l.id)).toEqual([
      'greeting',
      'horario',
      'fechado',
      'bot-fora',
    ]);
    expect(simulateCall(examples.reception, script).lines).toEqual(lines);
  });

  it('records the turns an agent adapter gives as agent.reply inputs', async () => {
    const call = createSimulatedCall(examples.aiAgent, {
      call: CALL,
      startAt: OPEN_AT,
      agent: () => ({ text: 'Posso ajudar?' }),
    });
    const { lines } = record(call);
    call.start();
    call.runNext(); // the greeting ends; the agent is asked
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(lines.at(-1)).toMatchObject({ kind: 'say', text: 'Posso ajudar?', interruptible: true });
    call.advance(300);
    call.send({ type: 'speech', text: 'quero falar com alguém' });
    expect(call.getSnapshot().speaking).toBe(false);
    call.send({ type: 'call.ended', by: 'caller' });

    const script = call.toScript();
    expect(script.steps).toEqual([
      { at: 3200, event: { type: 'agent.reply', text: 'Posso ajudar?' } },
      { at: 3500, event: { type: 'speech', text: 'quero falar com alguém' } },
      { at: 3500, event: { type: 'call.ended', by: 'caller' } },
    ]);
    expect(lines[1]).toMatchObject({ kind: 'say', text: AI_GREETING });
    expect(simulateCall(examples.aiAgent, script).lines).toEqual(lines);
  });

  it('replays any inputs at any times to the identical transcript (property)', () => {
    const input: fc.Arbitrary<SimulatedInput> = fc.oneof(
      fc.record({
        type: fc.constant('dtmf' as const),
        digit: fc.constantFrom('1', '2', '3', '#' as const),
      }),
      fc.record({
        type: fc.constant('speech' as const),
        text: fc.constantFrom('vendas', 'suporte', 'oi'),
      }),
      fc.record({ type: fc.constant('call.ended' as const), by: fc.constant('caller' as const) }),
      fc.record({
        type: fc.constant('agent.reply' as const),
        text: fc.constantFrom('Olá', 'Tchau então'),
        done: fc.boolean(),
      }),
    );
    const move = fc.oneof(
      fc.record({ wait: fc.integer({ min: 0, max: 8000 }) }),
      fc.record({ next: fc.constant(true) }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('reception', 'aiAgent' as const),
        fc.constantFrom(OPEN_AT, SUNDAY_NIGHT),
        fc.record({ vendas: fc.nat(2), suporte: fc.nat(2), recepcao: fc.nat(1) }),
        fc.array(fc.tuple(move, input), { maxLength: 12 }),
        (example, startAt, agents, steps) => {
          const flow = examples[example];
          const call = createSimulatedCall(flow, { call: CALL, startAt, agents });
          call.start();
          for (const [m, event] of steps) {
            if ('wait' in m) call.advance(m.wait);
            else call.runNext();
            call.send(event);
          }
          while (call.runNext());
          expect(simulateCall(flow, call.toScript()).lines).toEqual(call.getSnapshot().transcript);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
