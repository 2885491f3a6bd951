import type { Schedule, ScheduleStatus, WeeklyRange } from './schema.ts';
import { localTimeAt, parseClockTime } from './time.ts';

/**
 * What `schedule` says at `instantMs` (ms since the Unix epoch): `holiday` when the
 * local date is in its holiday list (even inside an opening range), `open` when
 * the local time falls in one of that weekday's ranges (`start <= t < end`),
 * otherwise `closed`. Wall time is read in `schedule.timeZone`, or in
 * `fallbackTimeZone` (the flow's zone) when the schedule has none. Ranges with
 * `end <= start` are never open.
 *
 * @throws RangeError when the zone used is not a valid IANA name or `instantMs` is
 *   not a valid time: guessing another zone would silently open or close a line.
 */
export function scheduleStatusAt(
  schedule: Schedule,
  instantMs: number,
  fallbackTimeZone: string,
): ScheduleStatus {
  // `??` on purpose: an empty string is a broken zone to report, not "no zone".
  const local = localTimeAt(instantMs, schedule.timeZone ?? fallbackTimeZone);
  if (schedule.holidays.some((holiday) => holiday.date === local.date)) return 'holiday';
  const open = schedule.weekly.some((range) => {
    if (range.day !== local.day) return false;
    const start = parseClockTime(range.start);
    const end = parseClockTime(range.end);
    return start <= local.minutes && local.minutes < end;
  });
  return open ? 'open' : 'closed';
}

/**
 * Index pairs `[i, j]` (`i < j`, in ascending order) of ranges on the same weekday
 * that share at least one minute. Touching ranges (`09:00-12:00` and
 * `12:00-14:00`) do not overlap, and an empty range overlaps nothing.
 */
export function findOverlaps(weekly: readonly WeeklyRange[]): Array<[number, number]> {
  const spans = weekly.map((range) => ({
    day: range.day,
    start: parseClockTime(range.start),
    end: parseClockTime(range.end),
  }));
  const overlaps: Array<[number, number]> = [];
  spans.forEach((a, i) => {
    spans.forEach((b, j) => {
      // Half-open intervals share a minute iff the later start is before the earlier
      // end; an empty range (end <= start) can never satisfy this.
      if (j > i && a.day === b.day && Math.max(a.start, b.start) < Math.min(a.end, b.end)) {
        overlaps.push([i, j]);
      }
    });
  });
  return overlaps;
}

/**
 * Indexes of ranges that can never be open because `end <= start` (`10:00-10:00`,
 * or `22:00-06:00`, which would need to be split at midnight).
 */
export function findEmptyRanges(weekly: readonly WeeklyRange[]): number[] {
  const empty: number[] = [];
  weekly.forEach((range, index) => {
    if (parseClockTime(range.end) <= parseClockTime(range.start)) empty.push(index);
  });
  return empty;
}
