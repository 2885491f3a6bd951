/**
 * The price `finishCall` records for a WhatsApp call the business starts
 * (R21): the tier of the month's calls before it, as the usage route counts
 * them, so the call past a tier's boundary gets that tier's price.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePriceTable, priceTableSchema } from '@callbot/shared';
import { openPglite, type Database } from '../db.ts';
import { createStore } from '../store.ts';
import { finishCall } from './finish.ts';

const WS = 'ws-tiers';
let db: Database;

/** The example table with Brazil's outbound WhatsApp tiers at 0, 2 and 3 calls of the month. */
const table = priceTableSchema.parse({
  ...examplePriceTable,
  countries: {
    ...examplePriceTable.countries,
    BR: {
      ...examplePriceTable.countries.BR,
      whatsapp: {
        inbound: { model: 'free' },
        outbound: {
          model: 'volume',
          unit: 'calls',
          tiers: [
            { from: 0, perMinute: 30 },
            { from: 2, perMinute: 25 },
            { from: 3, perMinute: 20 },
          ],
        },
      },
    },
  },
});

beforeAll(async () => {
  db = await openPglite();
  await createStore(db);
  await db.query(`INSERT INTO workspaces (id, name, created_at) VALUES ($1, 'Tiers', now())`, [WS]);
  await db.query(
    `INSERT INTO ws_settings (workspace_id, data, revision, updated_at, updated_by_id, updated_by_name)
     VALUES ($1, $2, 1, now(), 'test', 'test')`,
    [WS, { timeZone: 'America/Sao_Paulo', country: 'BR', priceTable: table }],
  );
}, 60_000);

afterAll(async () => {
  await db.close();
});

/** Records an ended outbound WhatsApp call of 50 s (one billed minute) started at `at`. */
async function endedCall(sid: string, at: string, caller = '+5511912345678') {
  await db.query(
    `INSERT INTO calls (sid, line, caller, status, step, session, last_twiml, created_at, updated_at,
       direction, channel, workspace_id)
     VALUES ($1, '+551130000000', $2, 'ended', 1, '{}'::jsonb, '', $3, $4, 'outbound', 'whatsapp', $5)`,
    [sid, caller, at, new Date(Date.parse(at) + 50_000).toISOString(), WS],
  );
}

/** Finishes a call, then reads the cost it recorded. */
async function costOnceFinished(sid: string) {
  expect(await finishCall(db, sid)).toBe(true);
  const { rows } = await db.query<{ cost_amount: number }>(
    'SELECT cost_amount FROM calls WHERE sid = $1',
    [sid],
  );
  return Number(rows[0]!.cost_amount);
}

describe("a call's recorded cost (R21)", () => {
  it("is priced at the tier of the month's calls before it, whatever order calls finish in", async () => {
    // Last month's call (30 Nov 23:00 in São Paulo) and a Mexican customer's do not count.
    await endedCall('old', '2026-12-01T02:00:00Z');
    await endedCall('mx', '2026-12-01T12:00:00Z', '+525512345678');
    await endedCall('first', '2026-12-01T04:00:00Z');
    await endedCall('second', '2026-12-02T12:00:00Z');
    await endedCall('third', '2026-12-03T12:00:00Z');
    await endedCall('fourth', '2026-12-04T12:00:00Z');
    // The fourth call finished first: three calls of the month before it, the last tier.
    expect(await costOnceFinished('fourth')).toBe(20);
    // The third: two calls before it, the second tier (past the boundary at 2).
    expect(await costOnceFinished('third')).toBe(25);
    // The second and the first: the first tier.
    expect(await costOnceFinished('second')).toBe(30);
    expect(await costOnceFinished('first')).toBe(30);
    expect(await costOnceFinished('old')).toBe(30);
    expect(await costOnceFinished('mx')).toBe(110);
  });
});
