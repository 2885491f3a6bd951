import { describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import { compileFlow } from '@callbot/shared';
import { outlineMachine, summarizeRef, type OutlineState } from './machineOutline.ts';

const machine = compileFlow(examples.reception).machine!;
const outline = outlineMachine(machine);
const find = (states: OutlineState[], path: string): OutlineState | undefined => {
  for (const s of states) {
    if (s.path === path) return s;
    const inner = find(s.children, path);
    if (inner) return inner;
  }
  return undefined;
};

describe('outlineMachine', () => {
  it('lists every state of the compiled machine, nested as the machine is', () => {
    const count = (states: Record<string, { states?: object }>): number =>
      Object.values(states).reduce(
        (n, s) => n + 1 + (s.states ? count(s.states as Record<string, { states?: object }>) : 0),
        0,
      );
    const outlined = (states: OutlineState[]): number =>
      states.reduce((n, s) => n + 1 + outlined(s.children), 0);
    expect(outlined(outline.states)).toBe(count(machine.states));
    expect(outline.states.find((s) => s.initial)?.key).toBe(machine.initial);
  });

  it('says where the bot speaks and where it listens (R17, R18)', () => {
    expect(find(outline.states, 'greeting')?.tags).toEqual(['speaking']);
    const listening = find(outline.states, 'menu.listening')!;
    expect(listening.tags).toEqual(['listening']);
    expect(listening.entry).toEqual(['listen(on: true, modes: dtmf, speech, noInputMs: 5000)']);
    expect(find(outline.states, 'menu.prompt')?.initial).toBe(true);
  });

  it('follows each event to its target, with guard and actions', () => {
    const greeting = find(outline.states, 'greeting')!;
    expect(greeting.node).toBe('greeting');
    expect(greeting.transitions).toEqual([
      {
        event: 'prompt.ended',
        guard: null,
        target: 'horario',
        actions: ['takePort(node: “greeting”, port: “next”)'],
      },
    ]);
    const prompt = find(outline.states, 'menu.prompt')!;
    expect(prompt.transitions[0]).toMatchObject({
      event: 'prompt.ended',
      target: 'menu.listening',
    });
    const schedule = find(outline.states, 'horario')!;
    expect(schedule.transitions[0]).toMatchObject({ event: null, target: 'fechado' });
    expect(schedule.transitions[0]?.guard).toMatch(/^scheduleIs\(status: “holiday”, /);
    expect(find(outline.states, '_hungUp')?.outcome).toBe('hung_up');
  });

  it('sums up long texts and big values instead of dumping them', () => {
    expect(
      summarizeRef({ type: 'say', params: { text: 'x'.repeat(200), interruptible: false } }),
    ).toBe(`say(text: “${'x'.repeat(79)}…”, interruptible: false)`);
    expect(
      summarizeRef({ type: 'scheduleIs', params: { weekly: [{ day: 'mon' }], skip: null } }),
    ).toBe('scheduleIs(weekly: …)');
    expect(summarizeRef({ type: 'resetCounters' })).toBe('resetCounters');
  });
});
