/**
 * The workspace's month-to-date volume of calls (R21's volume tiers), from
 * the server's call records: the calls of one channel and direction in one
 * country (the country of the number called: the line's for calls the
 * customer starts, the customer's for calls the business starts), in the
 * calendar month of `now` in the workspace's time zone.
 */
import {
  callingCodeOf,
  countryOfNumber,
  monthToDate,
  type MonthToDate,
  type UsageQuery,
} from '@callbot/shared';
import type { SqlClient } from '../db.ts';

/** A month is at most 31 days: the rows read start 32 days back, the month is cut in `monthToDate`. */
const WINDOW_MS = 32 * 24 * 3_600_000;

export async function readMonthToDate(
  q: SqlClient,
  ws: string,
  { channel, direction, country }: UsageQuery,
  now: number,
  timeZone: string,
  /** A call not to count (the one being priced, counted once it is over). */
  exceptSid = '',
): Promise<MonthToDate> {
  const code = callingCodeOf(country);
  if (code === undefined) return { calls: 0, minutes: 0 };
  const { rows } = await q.query<{ number: string; created_at: unknown; updated_at: unknown }>(
    `SELECT CASE WHEN direction = 'outbound' THEN caller ELSE line END AS number, created_at, updated_at
     FROM calls WHERE workspace_id = $1 AND channel = $2 AND direction = $3
       AND status <> 'ended_before_start' AND created_at > $4 AND created_at <= $5
       AND (CASE WHEN direction = 'outbound' THEN caller ELSE line END) LIKE $6 AND sid <> $7`,
    [
      ws,
      channel,
      direction,
      new Date(now - WINDOW_MS).toISOString(),
      new Date(now).toISOString(),
      `${code}%`,
      exceptSid,
    ],
  );
  const ms = (value: unknown) =>
    value instanceof Date ? value.getTime() : new Date(String(value)).getTime();
  return monthToDate(
    rows
      // Calling codes are shared (+1: the US and Canada): the number's own country decides.
      .filter((r) => countryOfNumber(r.number) === country)
      .map((r) => ({
        at: ms(r.created_at),
        durationMs: Math.max(0, ms(r.updated_at) - ms(r.created_at)),
      })),
    now,
    timeZone,
  );
}
