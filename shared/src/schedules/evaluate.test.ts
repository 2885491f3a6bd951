import { describe, it, expect } from 'vitest';
import { findEmptyRanges, findOverlaps, scheduleStatusAt } from './evaluate.ts';
import { weekdays, type Schedule, type Weekday, type WeeklyRange } from './schema.ts';

const at = (iso: string): number => Date.parse(iso);

const everyDay = (start: string, end: string): WeeklyRange[] =>
  weekdays.map((day) => ({ day, start, end }));

const range = (day: Weekday, start: string, end: string): WeeklyRange => ({ day, start, end });

describe('scheduleStatusAt in São Paulo (UTC-3, no DST since 2019)', () => {
  const saoPaulo: Schedule = {
    timeZone: 'America/Sao_Paulo',
    weekly: [
      ...(['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => range(day, '09:00', '18:00')),
      range('sat', '09:00', '13:00'),
    ],
    holidays: [{ date: '2026-12-25', name: 'Natal' }],
  };
  // The fallback must be ignored when the schedule has its own zone.
  const status = (iso: string) => scheduleStatusAt(saoPaulo, at(iso), 'Asia/Tokyo');

  it('opens on Monday at 09:00 and not at 08:59', () => {
    expect(status('2026-06-01T12:00:00Z')).toBe('open'); // Mon 09:00
    expect(status('2026-06-01T11:59:00Z')).toBe('closed'); // Mon 08:59
    expect(status('2026-06-01T11:59:59.999Z')).toBe('closed'); // Mon 08:59:59.999
  });

  it('closes on Monday at 18:00 (end excluded)', () => {
    expect(status('2026-06-01T20:59:00Z')).toBe('open'); // Mon 17:59
    expect(status('2026-06-01T21:00:00Z')).toBe('closed'); // Mon 18:00
  });

  it('is open on Saturday at 12:59 and closed at 13:00', () => {
    expect(status('2026-06-06T15:59:00Z')).toBe('open'); // Sat 12:59
    expect(status('2026-06-06T16:00:00Z')).toBe('closed'); // Sat 13:00
  });

  it('is closed on Sunday at 03:00', () => {
    expect(status('2026-06-07T06:00:00Z')).toBe('closed');
  });

  it('reports a holiday even inside an opening range', () => {
    // 2026-12-25 is a Friday, normally open 09:00-18:00.
    expect(status('2026-12-25T13:00:00Z')).toBe('holiday'); // Fri 10:00
  });

  it('judges holidays by the local date, not the UTC date', () => {
    expect(status('2026-12-25T01:00:00Z')).toBe('closed'); // still Thu 24th, 22:00
    expect(status('2026-12-25T03:00:00Z')).toBe('holiday'); // Fri 25th, 00:00
    expect(status('2026-12-26T02:59:00Z')).toBe('holiday'); // Fri 25th, 23:59
    expect(status('2026-12-26T03:00:00Z')).toBe('closed'); // Sat 26th, 00:00
    expect(status('2026-12-26T12:00:00Z')).toBe('open'); // Sat 26th, 09:00
  });
});

describe('scheduleStatusAt in New York across DST', () => {
  const newYork: Schedule = {
    timeZone: 'America/New_York',
    weekly: everyDay('09:00', '17:00'),
    holidays: [],
  };
  const status = (schedule: Schedule, iso: string) => scheduleStatusAt(schedule, at(iso), 'UTC');

  it('follows EST before and EDT after the 2026-03-08 spring forward', () => {
    // Saturday 7th, EST (UTC-5).
    expect(status(newYork, '2026-03-07T13:59:00Z')).toBe('closed'); // 08:59
    expect(status(newYork, '2026-03-07T14:00:00Z')).toBe('open'); // 09:00
    expect(status(newYork, '2026-03-07T22:00:00Z')).toBe('closed'); // 17:00
    // Sunday 8th after 07:00Z, EDT (UTC-4).
    expect(status(newYork, '2026-03-08T12:59:00Z')).toBe('closed'); // 08:59
    expect(status(newYork, '2026-03-08T13:00:00Z')).toBe('open'); // 09:00
    expect(status(newYork, '2026-03-08T20:59:00Z')).toBe('open'); // 16:59
    expect(status(newYork, '2026-03-08T21:00:00Z')).toBe('closed'); // 17:00
  });

  it('keeps a range open across the skipped hour and never opens inside it', () => {
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      weekly: [range('sun', '01:00', '04:00'), range('sun', '02:00', '03:00')],
      holidays: [],
    };
    expect(status(schedule, '2026-03-08T05:59:00Z')).toBe('closed'); // 00:59 EST
    expect(status(schedule, '2026-03-08T06:00:00Z')).toBe('open'); // 01:00 EST
    expect(status(schedule, '2026-03-08T06:59:00Z')).toBe('open'); // 01:59 EST
    expect(status(schedule, '2026-03-08T07:00:00Z')).toBe('open'); // 03:00 EDT
    expect(status(schedule, '2026-03-08T08:00:00Z')).toBe('closed'); // 04:00 EDT

    const gapOnly: Schedule = { ...schedule, weekly: [range('sun', '02:00', '03:00')] };
    expect(status(gapOnly, '2026-03-08T06:59:00Z')).toBe('closed'); // 01:59 EST
    expect(status(gapOnly, '2026-03-08T07:00:00Z')).toBe('closed'); // 03:00 EDT
  });

  it('follows EDT before and EST after the 2026-11-01 fall back', () => {
    // Saturday Oct 31st, EDT (UTC-4).
    expect(status(newYork, '2026-10-31T12:59:00Z')).toBe('closed'); // 08:59
    expect(status(newYork, '2026-10-31T13:00:00Z')).toBe('open'); // 09:00
    expect(status(newYork, '2026-10-31T21:00:00Z')).toBe('closed'); // 17:00
    // Sunday Nov 1st after 06:00Z, EST (UTC-5).
    expect(status(newYork, '2026-11-01T13:00:00Z')).toBe('closed'); // 08:00
    expect(status(newYork, '2026-11-01T13:59:00Z')).toBe('closed'); // 08:59
    expect(status(newYork, '2026-11-01T14:00:00Z')).toBe('open'); // 09:00
    expect(status(newYork, '2026-11-01T21:59:00Z')).toBe('open'); // 16:59
    expect(status(newYork, '2026-11-01T22:00:00Z')).toBe('closed'); // 17:00
  });

  it('is open for both occurrences of the repeated 01:30 on 2026-11-01', () => {
    const schedule: Schedule = {
      timeZone: 'America/New_York',
      weekly: [range('sun', '01:00', '02:00')],
      holidays: [],
    };
    expect(status(schedule, '2026-11-01T04:59:00Z')).toBe('closed'); // 00:59 EDT
    expect(status(schedule, '2026-11-01T05:30:00Z')).toBe('open'); // 01:30 EDT
    expect(status(schedule, '2026-11-01T06:30:00Z')).toBe('open'); // 01:30 EST
    expect(status(schedule, '2026-11-01T06:59:00Z')).toBe('open'); // 01:59 EST
    expect(status(schedule, '2026-11-01T07:00:00Z')).toBe('closed'); // 02:00 EST
  });
});

describe('scheduleStatusAt in Lisbon (WET winter, WEST summer)', () => {
  const lisbon: Schedule = {
    timeZone: 'Europe/Lisbon',
    weekly: [range('mon', '09:00', '17:00')],
    holidays: [],
  };
  const status = (iso: string) => scheduleStatusAt(lisbon, at(iso), 'UTC');

  it('reads summer time as UTC+1', () => {
    expect(status('2026-07-06T07:59:00Z')).toBe('closed'); // Mon 08:59
    expect(status('2026-07-06T08:00:00Z')).toBe('open'); // Mon 09:00
    expect(status('2026-07-06T15:59:00Z')).toBe('open'); // Mon 16:59
    expect(status('2026-07-06T16:00:00Z')).toBe('closed'); // Mon 17:00
  });

  it('reads winter time as UTC+0', () => {
    expect(status('2026-01-05T08:59:00Z')).toBe('closed'); // Mon 08:59
    expect(status('2026-01-05T09:00:00Z')).toBe('open'); // Mon 09:00
    expect(status('2026-01-05T16:59:00Z')).toBe('open'); // Mon 16:59
    expect(status('2026-01-05T17:00:00Z')).toBe('closed'); // Mon 17:00
  });
});

describe('scheduleStatusAt zone choice and edge cases', () => {
  const noZone: Schedule = { weekly: [range('mon', '09:00', '10:00')], holidays: [] };
  const instant = at('2026-06-01T12:30:00Z'); // Monday

  it('uses the fallback zone when the schedule has none', () => {
    expect(scheduleStatusAt(noZone, instant, 'America/Sao_Paulo')).toBe('open'); // 09:30
    expect(scheduleStatusAt(noZone, instant, 'UTC')).toBe('closed'); // 12:30
  });

  it("prefers the schedule's own zone over the fallback", () => {
    const withZone: Schedule = { ...noZone, timeZone: 'UTC' };
    expect(scheduleStatusAt(withZone, instant, 'America/Sao_Paulo')).toBe('closed');
  });

  it('throws a RangeError for an invalid zone instead of guessing', () => {
    expect(() => scheduleStatusAt(noZone, instant, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => scheduleStatusAt({ ...noZone, timeZone: '' }, instant, 'UTC')).toThrow(RangeError);
  });

  it('never opens an empty or reversed range', () => {
    const schedule: Schedule = {
      timeZone: 'UTC',
      weekly: [range('mon', '10:00', '10:00'), range('mon', '18:00', '09:00')],
      holidays: [],
    };
    for (const iso of ['2026-06-01T10:00:00Z', '2026-06-01T08:00:00Z', '2026-06-01T20:00:00Z']) {
      expect(scheduleStatusAt(schedule, at(iso), 'UTC')).toBe('closed');
    }
  });

  it('opens until the last minute of a range ending at 24:00', () => {
    const schedule: Schedule = {
      timeZone: 'UTC',
      weekly: everyDay('20:00', '24:00'),
      holidays: [],
    };
    expect(scheduleStatusAt(schedule, at('2026-06-01T23:59:59.999Z'), 'UTC')).toBe('open');
    expect(scheduleStatusAt(schedule, at('2026-06-02T00:00:00Z'), 'UTC')).toBe('closed');
  });
});

describe('findOverlaps', () => {
  it('does not report touching ranges', () => {
    expect(findOverlaps([range('mon', '09:00', '12:00'), range('mon', '12:00', '14:00')])).toEqual(
      [],
    );
  });

  it('reports ranges sharing a minute on the same day', () => {
    expect(findOverlaps([range('mon', '09:00', '12:00'), range('mon', '11:59', '14:00')])).toEqual([
      [0, 1],
    ]);
  });

  it('reports contained and identical ranges', () => {
    expect(
      findOverlaps([
        range('tue', '08:00', '18:00'),
        range('tue', '10:00', '11:00'),
        range('tue', '08:00', '18:00'),
      ]),
    ).toEqual([
      [0, 1],
      [0, 2],
      [1, 2],
    ]);
  });

  it('ignores ranges on different days', () => {
    expect(findOverlaps([range('mon', '09:00', '18:00'), range('tue', '09:00', '18:00')])).toEqual(
      [],
    );
  });

  it('never reports an empty or reversed range', () => {
    expect(
      findOverlaps([
        range('wed', '09:00', '18:00'),
        range('wed', '10:00', '10:00'),
        range('wed', '17:00', '10:00'),
      ]),
    ).toEqual([]);
  });

  it('finds pairs across a mixed list in index order', () => {
    expect(
      findOverlaps([
        range('mon', '09:00', '12:00'),
        range('sat', '00:00', '24:00'),
        range('mon', '13:00', '18:00'),
        range('sat', '23:00', '24:00'),
        range('mon', '11:00', '13:30'),
      ]),
    ).toEqual([
      [0, 4],
      [1, 3],
      [2, 4],
    ]);
  });

  it('is empty for an empty list', () => {
    expect(findOverlaps([])).toEqual([]);
  });
});

describe('findEmptyRanges', () => {
  it('lists ranges whose end is not after their start', () => {
    expect(
      findEmptyRanges([
        range('mon', '09:00', '18:00'),
        range('mon', '10:00', '10:00'),
        range('tue', '22:00', '06:00'),
        range('wed', '00:00', '24:00'),
        range('thu', '24:00', '24:00'),
      ]),
    ).toEqual([1, 2, 4]);
  });
});
