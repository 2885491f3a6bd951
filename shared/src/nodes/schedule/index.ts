import { z } from 'zod';
import type { Diagnostic } from '../../document/diagnostic.ts';
import type { GuardRef } from '../../compiler/machineConfig.ts';
import { findEmptyRanges, findOverlaps } from '../../schedules/evaluate.ts';
import { scheduleSchema, type ScheduleStatus, type Weekday } from '../../schedules/schema.ts';
import { isValidTimeZone } from '../../schedules/time.ts';
import { defineNodeKind, nodeDiagnostic } from '../kind.ts';

/**
 * The node's opening hours. With `scheduleId` the hours are a copy of that
 * named schedule's, refreshed by the designer whenever the schedule changes,
 * so the flow stays self-contained for the compiler, the runtime and
 * `callbot simulate`.
 */
export const scheduleNodeDataSchema = scheduleSchema.extend({
  scheduleId: z.string().min(1).max(100).optional(),
});
export type ScheduleNodeData = z.infer<typeof scheduleNodeDataSchema>;

const dayNames: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/**
 * A schedule condition (horários de atendimento): branches on whether the
 * call's moment, read in the schedule's time zone, is a holiday, within the
 * weekly opening ranges, or neither. Holiday wins; anything not open is closed.
 */
export const schedule = defineNodeKind({
  kind: 'schedule',
  title: 'Schedule',
  description: 'Branches on opening hours: open, closed or holiday.',
  dataSchema: scheduleNodeDataSchema,
  defaults: (): ScheduleNodeData => ({
    weekly: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
      day,
      start: '09:00',
      end: '18:00',
    })),
    holidays: [],
  }),
  ports: () => [
    { id: 'open', label: 'open' },
    { id: 'closed', label: 'closed' },
    { id: 'holiday', label: 'holiday' },
  ],
  reachablePorts: (data) =>
    data.holidays.length > 0 ? ['open', 'closed', 'holiday'] : ['open', 'closed'],
  listens: false,
  validate(node, ctx) {
    const { data } = node;
    const out: Diagnostic[] = [];
    if (data.timeZone !== undefined && !isValidTimeZone(data.timeZone)) {
      out.push(
        nodeDiagnostic(node, ctx, {
          severity: 'error',
          code: 'schedule.invalidTimeZone',
          field: 'data.timeZone',
          message: `"${data.timeZone}" is not a time zone, so opening hours cannot be read.`,
          hint: 'Pick a time zone such as America/Sao_Paulo, or leave it empty to use the flow’s.',
          params: { timeZone: data.timeZone },
        }),
      );
    }
    if (data.weekly.length === 0) {
      out.push(
        nodeDiagnostic(node, ctx, {
          severity: 'warning',
          code: 'schedule.noOpeningRange',
          field: 'data.weekly',
          message: 'This schedule has no opening hours, so it is always closed.',
          hint: 'Paint the opening hours on the week grid.',
        }),
      );
    }
    for (const i of findEmptyRanges(data.weekly)) {
      const r = data.weekly[i]!;
      out.push(
        nodeDiagnostic(node, ctx, {
          severity: 'error',
          code: 'schedule.emptyRange',
          field: `data.weekly[${i}]`,
          message: `${dayNames[r.day]} ${r.start}-${r.end} ends before it starts.`,
          hint: 'A range must end after it starts; split ranges that cross midnight in two.',
          params: { day: r.day, start: r.start, end: r.end },
        }),
      );
    }
    for (const [a, b] of findOverlaps(data.weekly)) {
      const ra = data.weekly[a]!;
      const rb = data.weekly[b]!;
      out.push(
        nodeDiagnostic(node, ctx, {
          severity: 'warning',
          code: 'schedule.overlap',
          field: `data.weekly[${b}]`,
          message: `${dayNames[rb.day]} ${rb.start}-${rb.end} overlaps ${ra.start}-${ra.end}.`,
          hint: 'Merge the two ranges into one.',
          params: {
            day: rb.day,
            start: rb.start,
            end: rb.end,
            otherStart: ra.start,
            otherEnd: ra.end,
          },
        }),
      );
    }
    const dates = new Set<string>();
    data.holidays.forEach((h, i) => {
      if (dates.has(h.date)) {
        out.push(
          nodeDiagnostic(node, ctx, {
            severity: 'warning',
            code: 'schedule.duplicateHoliday',
            field: `data.holidays[${i}]`,
            message: `The holiday ${h.date} is listed twice.`,
            hint: 'Remove one of them.',
            params: { date: h.date },
          }),
        );
      }
      dates.add(h.date);
    });
    return out;
  },
  compile(node, ctx) {
    const timeZone = node.data.timeZone ?? ctx.doc.settings.timeZone;
    const scheduleIs = (status: ScheduleStatus): GuardRef => ({
      type: 'scheduleIs',
      params: {
        status,
        timeZone,
        weekly: node.data.weekly,
        holidays: node.data.holidays.map((h) => h.date),
      },
    });
    return {
      meta: { node: node.id },
      entry: [ctx.enter(node)],
      always: [
        ...(node.data.holidays.length > 0
          ? [{ guard: scheduleIs('holiday'), ...ctx.follow(node, 'holiday') }]
          : []),
        { guard: scheduleIs('open'), ...ctx.follow(node, 'open') },
        ctx.follow(node, 'closed'),
      ],
    };
  },
});
