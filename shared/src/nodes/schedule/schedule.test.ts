import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../compiler/compile.ts';
import type { FlowNode, NodeOfKind } from '../../document/schema.ts';
import type { Schedule, WeeklyRange } from '../../schedules/schema.ts';
import { callStarted, compiled, flow, runCompiled } from '../../test/harness.ts';
import { validateFlow } from '../../validation/validate.ts';

const weekdays9to18: WeeklyRange[] = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
  day,
  start: '09:00',
  end: '18:00',
}));

const greetingNode: FlowNode = {
  id: 'greeting',
  kind: 'greeting',
  data: { text: 'Olá!' },
  connections: { next: 'horario' },
};

const end = (id: string): FlowNode => ({ id, kind: 'hangup', data: { text: '' }, connections: {} });
const ends = [end('aberto'), end('fechado'), end('feriado')];
const allPorts = { open: 'aberto', closed: 'fechado', holiday: 'feriado' };

function scheduleNode(
  data: Partial<Schedule> = {},
  connections: Record<string, string> = allPorts,
): NodeOfKind<'schedule'> {
  return {
    id: 'horario',
    kind: 'schedule',
    data: { weekly: weekdays9to18, holidays: [{ date: '2026-12-25', name: 'Natal' }], ...data },
    connections,
  };
}

/**
 * Answers a call at `at`, lets `greetingMs` of virtual time pass while the
 * greeting is said, ends it, and tells which branch the schedule took.
 */
function branchAt(at: string, doc: unknown, greetingMs = 0): string {
  const h = runCompiled(compiled(doc), { at });
  h.send(callStarted(at));
  h.advance(greetingMs);
  expect(h.log).not.toContain('enter: horario');
  h.endPrompt();
  const entered = h.log.filter((s) => s.startsWith('enter: ')).map((s) => s.slice(7));
  expect(entered.slice(0, 2)).toEqual(['greeting', 'horario']);
  expect(entered).toHaveLength(3);
  return entered[2]!;
}

describe('schedule in America/Sao_Paulo (the flow’s zone)', () => {
  const doc = flow([greetingNode, scheduleNode(), ...ends]);

  it('is open on a Tuesday at 10:00', () => {
    expect(branchAt('2026-11-24T10:00:00-03:00', doc)).toBe('aberto');
  });

  it('is closed on a Sunday at 03:00', () => {
    expect(branchAt('2026-11-29T03:00:00-03:00', doc)).toBe('fechado');
  });

  it('is closed on a weekday before opening and at closing time (end excluded)', () => {
    expect(branchAt('2026-11-24T08:59:00-03:00', doc)).toBe('fechado');
    expect(branchAt('2026-11-24T09:00:00-03:00', doc)).toBe('aberto');
    expect(branchAt('2026-11-24T17:59:00-03:00', doc)).toBe('aberto');
    expect(branchAt('2026-11-24T18:00:00-03:00', doc)).toBe('fechado');
  });

  it('takes holiday on a listed holiday, even within opening hours', () => {
    expect(branchAt('2026-12-25T10:00:00-03:00', doc)).toBe('feriado');
    expect(branchAt('2026-12-25T03:00:00-03:00', doc)).toBe('feriado');
  });

  it('reads the instant in São Paulo, whatever offset the call was stamped with', () => {
    // Read in UTC, each of these would give the other answer.
    expect(branchAt('2026-11-24T11:30:00Z', doc)).toBe('fechado'); // Tue 08:30 in SP
    expect(branchAt('2026-11-24T20:30:00Z', doc)).toBe('aberto'); // Tue 17:30 in SP
    expect(branchAt('2026-11-25T04:30:00+08:00', doc)).toBe('aberto'); // Tue 17:30 in SP
  });

  it('is passed through at once, straight down the branch taken', () => {
    const h = runCompiled(compiled(doc), { at: '2026-11-24T10:00:00-03:00' });
    h.send(callStarted('2026-11-24T10:00:00-03:00'));
    h.endPrompt();
    // The schedule is passed through at once: no state of its own is left behind.
    expect(h.log).toEqual([
      'start',
      'enter: greeting',
      'say: Olá!',
      'enter: horario',
      'enter: aberto',
      'hangup: flow_ended',
      'end: hung_up',
    ]);
    expect(h.done()).toBe(true);
  });
});

describe('schedule without holidays', () => {
  const doc = flow([
    greetingNode,
    scheduleNode({ holidays: [] }, { open: 'aberto', closed: 'fechado' }),
    ...ends,
  ]);

  it('does not compile a holiday branch', () => {
    const always = compiled(doc).states.horario?.always ?? [];
    expect(always).toHaveLength(2);
    expect(always.map((t) => t.guard?.params?.status)).toEqual(['open', undefined]);
  });

  it('treats 25 December as an ordinary Friday', () => {
    expect(branchAt('2026-12-25T10:00:00-03:00', doc)).toBe('aberto');
  });

  it('compiles the holiday branch first when there are holidays', () => {
    const always = compiled(flow([greetingNode, scheduleNode(), ...ends])).states.horario?.always;
    expect(always?.map((t) => t.guard?.params?.status)).toEqual(['holiday', 'open', undefined]);
  });

  it('needs no connection on its holiday port', () => {
    expect(validateFlow(doc).filter((d) => d.code === 'port.unconnected')).toEqual([]);
  });

  it('asks for the holiday port to be connected when there are holidays', () => {
    const doc2 = flow([
      greetingNode,
      scheduleNode({}, { open: 'aberto', closed: 'fechado' }),
      ...ends,
    ]);
    expect(validateFlow(doc2)).toContainEqual(
      expect.objectContaining({ code: 'port.unconnected', nodeId: 'horario', port: 'holiday' }),
    );
  });

  it('hangs up on an unconnected holiday port', () => {
    const doc2 = flow([
      greetingNode,
      scheduleNode({}, { open: 'aberto', closed: 'fechado' }),
      ...ends,
    ]);
    const h = runCompiled(compiled(doc2), { at: '2026-12-25T10:00:00-03:00' });
    h.send(callStarted('2026-12-25T10:00:00-03:00'));
    h.endPrompt();
    expect(h.log.slice(-2)).toEqual(['hangup: unconnected_port', 'end: hung_up']);
  });
});

describe('schedule with its own time zone', () => {
  // Lisbon is UTC+0 in November, three hours ahead of São Paulo.
  const doc = flow([greetingNode, scheduleNode({ timeZone: 'Europe/Lisbon' }), ...ends]);

  it('reads opening hours in its zone, not the flow’s', () => {
    expect(branchAt('2026-11-24T07:00:00-03:00', doc)).toBe('aberto'); // 10:00 in Lisbon
    expect(branchAt('2026-11-24T16:00:00-03:00', doc)).toBe('fechado'); // 19:00 in Lisbon
  });

  it('reads the holiday date in its zone', () => {
    // 22:00 on the 24th in São Paulo is already 01:00 on the 25th in Lisbon.
    expect(branchAt('2026-12-24T22:00:00-03:00', doc)).toBe('feriado');
    const saoPaulo = flow([greetingNode, scheduleNode(), ...ends]);
    expect(branchAt('2026-12-24T22:00:00-03:00', saoPaulo)).toBe('fechado');
  });
});

describe('schedule: time moves during the call', () => {
  const doc = flow([greetingNode, scheduleNode(), ...ends]);

  it('is read at the moment of the step that reaches it, not after the prompts on the way', () => {
    // The call starts at 08:59:58; the greeting takes 5 s: the step began at 08:59:58, closed.
    expect(branchAt('2026-11-24T08:59:58-03:00', doc, 5000)).toBe('fechado');
    expect(branchAt('2026-11-24T09:00:00-03:00', doc, 5000)).toBe('aberto');
  });

  it('closes for a call that reaches it from 18:00 on, however long the greeting', () => {
    expect(branchAt('2026-11-24T17:59:59-03:00', doc, 15_000)).toBe('aberto');
    expect(branchAt('2026-11-24T18:00:00-03:00', doc, 0)).toBe('fechado');
  });
});

describe('schedule across daylight saving time (America/New_York)', () => {
  const ny = flow(
    [
      greetingNode,
      scheduleNode({
        weekly: [...weekdays9to18, { day: 'sun', start: '03:00', end: '04:00' }],
        holidays: [],
      }),
      ...ends,
    ],
    { timeZone: 'America/New_York' },
  );

  it('opens at 09:00 EST (UTC-5) before the change', () => {
    expect(branchAt('2026-03-06T13:59:00Z', ny)).toBe('fechado'); // Fri 08:59 EST
    expect(branchAt('2026-03-06T14:00:00Z', ny)).toBe('aberto'); // Fri 09:00 EST
  });

  it('opens at 09:00 EDT (UTC-4) after the change', () => {
    expect(branchAt('2026-03-09T12:59:00Z', ny)).toBe('fechado'); // Mon 08:59 EDT
    expect(branchAt('2026-03-09T13:00:00Z', ny)).toBe('aberto'); // Mon 09:00 EDT
  });

  it('follows the clock jumping from 02:00 to 03:00', () => {
    // Sunday 8 March 2026, 01:59 EST; one minute later it is 03:00 EDT.
    expect(branchAt('2026-03-08T06:59:00Z', ny)).toBe('fechado');
    expect(branchAt('2026-03-08T07:00:00Z', ny)).toBe('aberto');
  });
});

describe('schedule validation', () => {
  const diagnosticsOf = (data: Partial<Schedule>, timeZone?: string) =>
    validateFlow(flow([greetingNode, scheduleNode(data), ...ends], timeZone ? { timeZone } : {}));

  it('has no diagnostics for an ordinary schedule', () => {
    expect(diagnosticsOf({})).toEqual([]);
    expect(diagnosticsOf({ timeZone: 'Europe/Lisbon' })).toEqual([]);
  });

  it('refuses a time zone that does not exist (schedule.invalidTimeZone)', () => {
    for (const timeZone of ['Mars/Olympus_Mons', '', '+03:00']) {
      const diagnostics = diagnosticsOf({ timeZone });
      expect(diagnostics, timeZone).toContainEqual(
        expect.objectContaining({
          code: 'schedule.invalidTimeZone',
          severity: 'error',
          nodeId: 'horario',
          path: 'nodes[1].data.timeZone',
        }),
      );
    }
    expect(
      compileFlow(flow([greetingNode, scheduleNode({ timeZone: 'Mars/Olympus_Mons' }), ...ends]))
        .machine,
    ).toBeNull();
  });

  it('warns about a schedule that is never open (schedule.noOpeningRange), and it closes', () => {
    expect(diagnosticsOf({ weekly: [] })).toContainEqual(
      expect.objectContaining({
        code: 'schedule.noOpeningRange',
        severity: 'warning',
        nodeId: 'horario',
        path: 'nodes[1].data.weekly',
      }),
    );
    const doc = flow([greetingNode, scheduleNode({ weekly: [] }), ...ends]);
    expect(branchAt('2026-11-24T10:00:00-03:00', doc)).toBe('fechado');
  });

  it('refuses a range that ends before it starts (schedule.emptyRange)', () => {
    const diagnostics = diagnosticsOf({
      weekly: [
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'fri', start: '22:00', end: '06:00' },
      ],
    });
    expect(diagnostics.filter((d) => d.code === 'schedule.emptyRange')).toEqual([
      expect.objectContaining({
        severity: 'error',
        nodeId: 'horario',
        path: 'nodes[1].data.weekly[1]',
      }),
    ]);
  });

  it('warns about overlapping ranges on one day (schedule.overlap, on the later one)', () => {
    const diagnostics = diagnosticsOf({
      weekly: [
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'tue', start: '11:00', end: '14:00' },
        { day: 'mon', start: '11:00', end: '14:00' },
        { day: 'mon', start: '14:00', end: '15:00' },
      ],
    });
    expect(diagnostics.filter((d) => d.code === 'schedule.overlap')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        nodeId: 'horario',
        path: 'nodes[1].data.weekly[2]',
      }),
    ]);
  });

  it('warns about a holiday listed twice (schedule.duplicateHoliday, on the second)', () => {
    const diagnostics = diagnosticsOf({
      holidays: [
        { date: '2026-12-25', name: 'Natal' },
        { date: '2027-01-01' },
        { date: '2026-12-25' },
      ],
    });
    expect(diagnostics.filter((d) => d.code === 'schedule.duplicateHoliday')).toEqual([
      expect.objectContaining({
        severity: 'warning',
        nodeId: 'horario',
        path: 'nodes[1].data.holidays[2]',
      }),
    ]);
  });
});
