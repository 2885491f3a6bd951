/**
 * R13-R15 held by the database: the permission check, the day's limit and
 * the attempt's record in one transaction, on PGlite and on PostgreSQL
 * (a pool of connections: the requests really run at once there).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type Database } from '../db.ts';
import { OWNER, LINE_NUMBER, providerFixture, type ProviderFixture } from '../provider/testing.ts';
import { databaseOf, testCluster } from '../testing/postgres.ts';
import { reserveCallAttempt } from './attempts.ts';

const CUSTOMER = '+5511912345677';
const cluster = await testCluster('workspace/attempts.test.ts');

type Backend = { name: string; open: () => Promise<{ db: Database; drop: () => Promise<void> }> };
const backends: Backend[] = [
  { name: 'PGlite', open: async () => ({ db: await openPglite(), drop: async () => {} }) },
];
if (!('skip' in cluster)) {
  backends.push({
    name: 'PostgreSQL',
    async open() {
      if ('skip' in cluster) throw new Error(String(cluster.skip));
      const own = await databaseOf(cluster, `callbot_attempts_${Date.now().toString(36)}`);
      return { db: openPostgres(own.url, { poolSize: 10 }), drop: own.drop };
    },
  });
}
afterAll(() => {
  if (!('skip' in cluster)) cluster.stop();
});

describe.each(backends)('call attempts on $name', (backend) => {
  let fixture: ProviderFixture;
  let drop = async () => {};

  beforeAll(async () => {
    const opened = await backend.open();
    drop = opened.drop;
    fixture = await providerFixture(opened.db);
    // The customer accepts "always" at the provider (R15: the 5-a-day limit still applies).
    await fixture.service.sandbox.reply(fixture.ws, CUSTOMER, 'accepted_always');
  }, 60_000);

  afterAll(async () => {
    await fixture.db.close();
    await drop();
  });

  it('R14: 20 concurrent attempts never exceed 5 a day', async () => {
    const { db, ws, service, now } = fixture;
    const rules = await service.rulesOf(ws);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        reserveCallAttempt(
          db,
          ws,
          { from: LINE_NUMBER, number: CUSTOMER, attemptId: `a-${i}`, at: now(), by: OWNER },
          rules,
        ),
      ),
    );
    const placed = results.filter((r) => r.ok);
    expect(placed).toHaveLength(5);
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.refusal]));
    expect(refusals).toHaveLength(15);
    for (const refusal of refusals) {
      expect(refusal.rule).toBe('R14.dailyLimit');
      // 15:00 UTC is 12:00 in São Paulo: tomorrow starts at 03:00 UTC.
      expect(refusal.retryAt).toBe(Date.parse('2026-12-08T03:00:00Z'));
    }
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM ws_attempts WHERE workspace_id = $1 AND data ->> 'number' = $2`,
      [ws, CUSTOMER],
    );
    expect(rows[0]!.n).toBe(5);
  });
});

describe('call attempts, the line and the day', () => {
  it('issue 15 #7: outbound calls are refused from a line whose calls are not enabled', async () => {
    const fixture = await providerFixture(await openPglite(), { callsEnabled: false });
    await fixture.service.sandbox.reply(fixture.ws, CUSTOMER, 'accepted_always');
    const placed = await fixture.service.placeCall(
      fixture.ws,
      { from: LINE_NUMBER, to: CUSTOMER },
      OWNER,
      'https://bot.example.com',
    );
    expect(placed).toMatchObject({ ok: false, refusal: { rule: 'line.callsDisabled' } });
    const { rows } = await fixture.db.query('SELECT count(*)::int AS n FROM ws_attempts');
    expect(rows[0]!.n).toBe(0);
    await fixture.db.close();
  }, 60_000);

  it("R14: a day is a calendar day in the workspace's time zone (issue 15 #5)", async () => {
    // 05:00 UTC on 7 December is 23:00 on the 6th in Mexico City and 02:00 on the 7th in São Paulo.
    const start = Date.parse('2026-12-07T05:00:00Z');
    const fixture = await providerFixture(await openPglite(), { start });
    const { db, ws, service, store } = fixture;
    await service.sandbox.reply(ws, CUSTOMER, 'accepted_always');
    const place = async (at: number, id: string) =>
      reserveCallAttempt(
        db,
        ws,
        { from: LINE_NUMBER, number: CUSTOMER, attemptId: id, at, by: OWNER },
        await service.rulesOf(ws),
      );
    for (let i = 0; i < 5; i++) expect((await place(start + i, `late-${i}`)).ok).toBe(true);
    const ninetyMinutesLater = start + 90 * 60_000;

    // São Paulo (the default): still the 7th, the day's 5 are used.
    expect(await place(ninetyMinutesLater, 'sp')).toMatchObject({
      ok: false,
      refusal: { rule: 'R14.dailyLimit', retryAt: Date.parse('2026-12-08T03:00:00Z') },
    });

    // A Mexican workspace: those 5 were on the 6th; 06:30 UTC is 00:30 on the 7th there.
    const { settings } = await store.getSettings(ws);
    await store.putSettings(ws, { ...settings, timeZone: 'America/Mexico_City' }, OWNER);
    expect((await place(ninetyMinutesLater, 'mx')).ok).toBe(true);
    await db.close();
  }, 60_000);
});
