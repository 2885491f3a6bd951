/**
 * Analytics by hour and by day are exact in every time zone, whole-hour or
 * not (Asia/Kolkata +5:30, America/St_Johns −3:30, Asia/Kathmandu +5:45,
 * Australia/Lord_Howe's half-hour daylight saving): calls started at
 * generated moments, most of them within two minutes of a quarter hour, are
 * finished as the server finishes them (`finishPending`), and the figures
 * for a generated period in a generated zone must equal a count of the same
 * calls by their start's local hour and day (Intl, not the database).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, type Database } from '../db.ts';
import { createStore } from '../store.ts';
import { finishPending } from './finish.ts';
import { createCallsStore, type CallsStore } from './store.ts';

const ZONES = [
  'UTC',
  'America/Sao_Paulo',
  'America/New_York',
  'Asia/Kolkata',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Australia/Adelaide',
  'Australia/Darwin',
  'Australia/Lord_Howe',
  'Australia/Eucla',
  'Pacific/Chatham',
  'Pacific/Marquesas',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Asia/Yangon',
] as const;

const QUARTER_MS = 15 * 60_000;
/** From 2026-03-01 for 60 days: northern and southern daylight saving changes are inside. */
const FROM = Date.parse('2026-03-01T00:00:00Z');
const QUARTERS = 60 * 96;
const WS = 'ws-zones';

let db: Database;
let calls: CallsStore;

beforeAll(async () => {
  db = await openPglite();
  await createStore(db);
  await db.query(`INSERT INTO workspaces (id, name, created_at) VALUES ($1, 'Zones', now())`, [WS]);
  calls = createCallsStore(db);
}, 60_000);

afterAll(async () => {
  await db.close();
});

/** A call's start: a quarter hour of the period, moved up to 2 minutes either way. */
const start = fc
  .tuple(fc.integer({ min: 0, max: QUARTERS }), fc.integer({ min: -120_000, max: 120_000 }))
  .map(([quarter, by]) => FROM + quarter * QUARTER_MS + by);

/** The local day (`YYYY-MM-DD`) and hour of an instant in a zone, by Intl. */
function local(at: number, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('analytics by hour and day', () => {
  it('count each call in its local hour and day, in every zone', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ZONES),
        fc.array(start, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 10 }),
        async (timeZone, starts, firstDay, days) => {
          await db.query('TRUNCATE calls, call_stats, call_node_stats CASCADE');
          for (const [i, at] of starts.entries()) {
            await db.query(
              `INSERT INTO calls (sid, line, caller, callbot_id, version, status, step, session,
                 last_twiml, created_at, updated_at, workspace_id)
               VALUES ($1, '+551130000000', '+5511999990000', 'bot', 1, 'caller_hung_up', 1, '{}',
                 '', $2, $3, $4)`,
              [`CA${i}`, new Date(at).toISOString(), new Date(at + 30_000).toISOString(), WS],
            );
          }
          expect(await finishPending(db)).toBe(starts.length);

          const from = isoDay(FROM + firstDay * 86_400_000);
          const to = isoDay(FROM + (firstDay + days) * 86_400_000);
          const figures = await calls.analytics(WS, {
            callbot: 'bot',
            version: 1,
            from,
            to,
            timeZone,
          });

          const inPeriod = starts
            .map((at) => local(at, timeZone))
            .filter((l) => l.day >= from && l.day <= to);
          const byHour = Array.from({ length: 24 }, () => 0);
          const byDay = new Map<string, number>();
          for (const l of inPeriod) {
            byHour[l.hour]!++;
            byDay.set(l.day, (byDay.get(l.day) ?? 0) + 1);
          }
          expect(figures.totals.calls).toBe(inPeriod.length);
          expect(figures.byHour.map((h) => h.outcomes.caller_hung_up ?? 0)).toEqual(byHour);
          expect(figures.byDay.map((d) => [d.day, d.outcomes.caller_hung_up])).toEqual(
            [...byDay].sort(([x], [y]) => x.localeCompare(y)),
          );
        },
      ),
      { numRuns: 60, seed: 1612 },
    );
  }, 120_000);
});
