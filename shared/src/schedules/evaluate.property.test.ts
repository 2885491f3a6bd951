import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { scheduleStatusAt } from './evaluate.ts';
import {
  weekdays,
  type Schedule,
  type ScheduleStatus,
  type Weekday,
  type WeeklyRange,
} from './schema.ts';

// Zones chosen for awkward rules: DST both hemispheres, no DST, half-hour and
// 45-minute offsets, a 30-minute DST shift (Lord Howe) and a skipped date (Apia, 2011).
const zones = [
  'America/Sao_Paulo',
  'America/New_York',
  'Europe/Lisbon',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Pacific/Chatham',
  'Pacific/Apia',
  'UTC',
] as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;

// ---- Reference: instant + zone offset, then read the UTC fields of the shifted date. ----

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's UTC offset at `instantMs`, in ms, from Intl's `longOffset` name (`GMT-03:00`). */
function offsetMsAt(instantMs: number, timeZone: string): number {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instantMs).find((p) => p.type === 'timeZoneName')?.value;
  if (name === 'GMT') return 0; // some engines print UTC itself without digits
  const match = /^GMT([+-])(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(name ?? '');
  if (match === null) throw new Error(`unexpected offset name ${String(name)}`);
  const [, sign, hours, minutes, seconds = '0'] = match;
  const ms = ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
  return sign === '-' ? -ms : ms;
}

const weekdayByUtcDay: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

function referenceStatus(
  schedule: Schedule,
  instantMs: number,
  fallbackTimeZone: string,
): ScheduleStatus {
  const shifted = new Date(
    instantMs + offsetMsAt(instantMs, schedule.timeZone ?? fallbackTimeZone),
  );
  const date = shifted.toISOString().slice(0, 10);
  const day = weekdayByUtcDay[shifted.getUTCDay()];
  const clock = `${pad2(shifted.getUTCHours())}:${pad2(shifted.getUTCMinutes())}`;
  if (schedule.holidays.some((h) => h.date === date)) return 'holiday';
  // Zero-padded HH:MM strings sort like the times they name ('24:00' last), so the
  // reference compares strings instead of parsing minutes.
  const open = schedule.weekly.some(
    (r) => r.day === day && r.start < r.end && r.start <= clock && clock < r.end,
  );
  return open ? 'open' : 'closed';
}

// ---- Arbitraries ----

const formatMinutes = (m: number): string => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;

const clockTime = fc.oneof(
  fc.integer({ min: 0, max: 1440 }).map(formatMinutes),
  // Boundaries and DST hours come up more often than uniform draws would give.
  fc.constantFrom('00:00', '01:00', '01:30', '02:00', '03:00', '09:00', '23:59', '24:00'),
);

const weeklyRange: fc.Arbitrary<WeeklyRange> = fc.record({
  day: fc.constantFrom(...weekdays),
  start: clockTime,
  end: clockTime,
});

const zone = fc.constantFrom(...zones);

// 1971 onwards keeps clear of local mean time offsets with seconds; before 2100
// keeps toISOString's year at four digits.
const anyInstant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2100, 0, 1) });

// Random instants rarely land within an hour of a DST change, so also draw some there.
const transitions = [
  '2026-03-08T07:00:00Z', // New York spring forward
  '2026-11-01T06:00:00Z', // New York fall back
  '2026-03-29T01:00:00Z', // Lisbon spring forward
  '2026-10-25T01:00:00Z', // Lisbon fall back
  '2026-04-04T15:00:00Z', // Lord Howe, 30-minute fall back
  '2026-10-03T15:30:00Z', // Lord Howe, 30-minute spring forward
  '2011-12-30T10:00:00Z', // Apia skips 30 December
  '2018-11-04T02:00:00Z', // São Paulo's last spring forward
].map((iso) => Date.parse(iso));
const nearTransition = fc
  .tuple(fc.constantFrom(...transitions), fc.integer({ min: -3 * HOUR_MS, max: 3 * HOUR_MS }))
  .map(([base, delta]) => base + delta);

const instant = fc.oneof(anyInstant, nearTransition);

/** A schedule plus an instant, with holidays drawn near the instant so they matter. */
const scenario = fc
  .record({
    timeZone: fc.option(zone, { nil: undefined }),
    fallback: zone,
    weekly: fc.array(weeklyRange, { maxLength: 8 }),
    holidayShifts: fc.array(fc.integer({ min: -2, max: 2 }), { maxLength: 3 }),
    instantMs: instant,
  })
  .map(({ timeZone, fallback, weekly, holidayShifts, instantMs }) => {
    const holidays = holidayShifts.map((shift) => ({
      date: new Date(instantMs + shift * DAY_MS).toISOString().slice(0, 10),
    }));
    const schedule: Schedule =
      timeZone === undefined ? { weekly, holidays } : { timeZone, weekly, holidays };
    return { schedule, fallback, instantMs };
  });

describe('scheduleStatusAt properties', () => {
  it('never throws and agrees with an offset-based reference', () => {
    fc.assert(
      fc.property(scenario, ({ schedule, fallback, instantMs }) => {
        expect(scheduleStatusAt(schedule, instantMs, fallback)).toBe(
          referenceStatus(schedule, instantMs, fallback),
        );
      }),
      { numRuns: 2000 },
    );
  }, 60_000);

  it('is always open with 00:00-24:00 every day and no holidays', () => {
    const allWeek: WeeklyRange[] = weekdays.map((day) => ({ day, start: '00:00', end: '24:00' }));
    fc.assert(
      fc.property(zone, fc.boolean(), fc.date({ noInvalidDate: true }), (tz, ownZone, date) => {
        const schedule: Schedule = ownZone
          ? { timeZone: tz, weekly: allWeek, holidays: [] }
          : { weekly: allWeek, holidays: [] };
        expect(scheduleStatusAt(schedule, date.getTime(), tz)).toBe('open');
      }),
      { numRuns: 1000 },
    );
  }, 60_000);
});
