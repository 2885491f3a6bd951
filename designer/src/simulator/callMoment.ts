import { localTimeAt } from '@callbot/shared';

/** A call's moment as the trainer sets it: a wall-clock date and time in a time zone. */
export interface WallMoment {
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
  timeZone: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Minutes `timeZone` is ahead of UTC at the instant `ms`. */
function offsetMinutes(ms: number, timeZone: string): number {
  const local = localTimeAt(ms, timeZone);
  const [y, m, d] = local.date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, Math.floor(local.minutes / 60), local.minutes % 60);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * The instant of a wall-clock moment, as ISO 8601 with the zone's offset
 * (what `call.started.at` and scripts take). A time that does not exist
 * (a daylight-saving gap) moves on by the gap, as clocks do.
 *
 * @example
 * isoInZone({ date: '2026-11-29', time: '03:00', timeZone: 'America/Sao_Paulo' });
 * // '2026-11-29T03:00:00-03:00'
 */
export function isoInZone({ date, time, timeZone }: WallMoment): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The zone's offset near the moment, and the one at the first guess, differ only around a change.
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  const candidates = [first, wall - offsetMinutes(first, timeZone) * 60_000];
  const valid = candidates.filter((c) => c + offsetMinutes(c, timeZone) * 60_000 === wall);
  // A repeated hour takes its first occurrence; a skipped one, the instant after the gap.
  const ms = valid.length > 0 ? Math.min(...valid) : Math.max(...candidates);
  const offset = offsetMinutes(ms, timeZone);
  const local = new Date(ms + offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:00` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** The wall-clock date and time of the instant `ms` in `timeZone` (the setup's default: now). */
export function wallMomentAt(ms: number, timeZone: string): WallMoment {
  const local = localTimeAt(ms, timeZone);
  return {
    date: local.date,
    time: `${pad(Math.floor(local.minutes / 60))}:${pad(local.minutes % 60)}`,
    timeZone,
  };
}
