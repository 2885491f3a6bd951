import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localTimeAt } from '../schedules/time.ts';
import { TIME_ZONES } from '../test/arbitraries.ts';
import {
  applyPermissionEvent,
  attemptsToday,
  canPlaceCall,
  canRequestPermission,
  newPermission,
  outboundCallRules,
  permissionStatusAt,
  type PermissionEvent,
} from './permissions.ts';
import {
  callPermissionSchema,
  defaultPermissionLimits as limits,
  type CallAttempt,
  type CallPermission,
  type PermissionLimits,
} from './schema.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SP = 'America/Sao_Paulo';
const number = '+5511912345678';
/** Tuesday 2026-11-24 10:00 in São Paulo (13:00 UTC). */
const t0 = Date.parse('2026-11-24T10:00:00-03:00');
const platformOn: PermissionLimits = {
  ...limits,
  platformRules: { ...limits.platformRules, enabled: true },
};

/** Applies events in order, failing the test on a refused one. */
function run(events: PermissionEvent[], lim: PermissionLimits = limits): CallPermission {
  let p = newPermission(number, t0 - HOUR);
  for (const e of events) {
    const result = applyPermissionEvent(p, e, lim);
    if (!result.ok) throw new Error(result.message);
    p = result.permission;
    expect(callPermissionSchema.safeParse(p).success).toBe(true);
  }
  return p;
}

const attempt = (
  at: number,
  outcome: CallAttempt['outcome'] = 'unanswered',
  n = number,
): CallAttempt => ({
  id: `a${at}`,
  number: n,
  at,
  outcome,
});

const granted = (kind: 'temporary' | 'always') =>
  run([
    { type: 'invitationSent', at: t0 - HOUR },
    { type: 'accepted', at: t0, permission: kind },
  ]);

describe('call permission events', () => {
  it('R13: an invitation makes the permission requested, and accepting grants it', () => {
    const requested = run([{ type: 'invitationSent', at: t0 }]);
    expect(requested).toMatchObject({ state: 'requested', requests: [t0] });
    expect(granted('always')).toMatchObject({ state: 'always', requests: [t0 - HOUR] });
  });

  it('R14: a temporary permission lasts 6 days from its acceptance', () => {
    const p = granted('temporary');
    expect(p).toMatchObject({ state: 'temporary', expiresAt: t0 + 6 * DAY });
    expect(permissionStatusAt(p, t0 + 6 * DAY - 1)).toBe('temporary');
    expect(permissionStatusAt(p, t0 + 6 * DAY)).toBe('expired');
    expect(permissionStatusAt(undefined, t0)).toBe('none');
  });

  it('R15: the customer can revoke the permission, and switch between always and temporary', () => {
    const always = granted('always');
    const temp = applyPermissionEvent(
      always,
      { type: 'switched', at: t0 + DAY, to: 'temporary' },
      limits,
    );
    expect(temp).toMatchObject({
      ok: true,
      permission: { state: 'temporary', expiresAt: t0 + 7 * DAY },
    });
    const back =
      temp.ok &&
      applyPermissionEvent(
        temp.permission,
        { type: 'switched', at: t0 + 2 * DAY, to: 'always' },
        limits,
      );
    expect(back).toMatchObject({ ok: true, permission: { state: 'always' } });
    expect(back && back.ok && back.permission).not.toHaveProperty('expiresAt');
    const revoked = applyPermissionEvent(always, { type: 'revoked', at: t0 + DAY }, limits);
    expect(revoked).toMatchObject({
      ok: true,
      permission: { state: 'revoked', revokedBy: 'customer' },
    });
  });

  it('a declined invitation leaves no permission; impossible events are refused', () => {
    expect(
      run([
        { type: 'invitationSent', at: t0 },
        { type: 'declined', at: t0 + 1 },
      ]).state,
    ).toBe('none');
    const none = newPermission(number, t0);
    expect(
      applyPermissionEvent(none, { type: 'accepted', at: t0, permission: 'always' }, limits),
    ).toMatchObject({
      ok: false,
      code: 'permission.unexpectedEvent',
      params: { state: 'none', event: 'accepted' },
    });
    expect(applyPermissionEvent(none, { type: 'revoked', at: t0 }, limits).ok).toBe(false);
    expect(applyPermissionEvent(none, { type: 'switched', at: t0, to: 'always' }, limits).ok).toBe(
      false,
    );
  });

  it('a renewal invitation keeps a granted permission granted', () => {
    const p = applyPermissionEvent(
      granted('temporary'),
      { type: 'invitationSent', at: t0 + DAY },
      limits,
    );
    expect(p).toMatchObject({
      ok: true,
      permission: { state: 'temporary', requests: [t0 - HOUR, t0 + DAY] },
    });
  });

  it('platform rule: 4 unanswered calls in a row revoke the permission when the platform rules are on', () => {
    const unanswered = (k: number): PermissionEvent => ({
      type: 'callAttempt',
      at: t0 + k,
      outcome: 'unanswered',
    });
    const answered: PermissionEvent = { type: 'callAttempt', at: t0 + 10, outcome: 'answered' };
    const off = run([
      { type: 'invitationSent', at: t0 - HOUR },
      { type: 'accepted', at: t0, permission: 'always' },
      unanswered(1),
      unanswered(2),
      unanswered(3),
      unanswered(4),
    ]);
    expect(off).toMatchObject({ state: 'always', unansweredInRow: 4 });
    const events: PermissionEvent[] = [
      { type: 'invitationSent', at: t0 - HOUR },
      { type: 'accepted', at: t0, permission: 'always' },
      unanswered(1),
      unanswered(2),
      unanswered(3),
      answered,
      unanswered(11),
      unanswered(12),
      unanswered(13),
    ];
    expect(run(events, platformOn)).toMatchObject({ state: 'always', unansweredInRow: 3 });
    expect(run([...events, unanswered(14)], platformOn)).toMatchObject({
      state: 'revoked',
      revokedBy: 'platform',
    });
  });
});

describe('canPlaceCall', () => {
  it('R13: a business-initiated call without the customer’s accepted opt-in is refused', () => {
    expect(canPlaceCall(undefined, [], t0, limits, SP)).toMatchObject({
      allowed: false,
      rule: 'R13',
    });
    const requested = run([{ type: 'invitationSent', at: t0 }]);
    const refused = canPlaceCall(requested, [], t0, limits, SP);
    expect(refused).toMatchObject({ allowed: false, rule: 'R13', params: { state: 'requested' } });
    expect(refused).not.toHaveProperty('retryAt');
  });

  it('R14: a temporary permission allows calls for 6 days, then is refused as expired', () => {
    const p = granted('temporary');
    expect(canPlaceCall(p, [], t0 + 6 * DAY - 1, limits, SP)).toEqual({
      allowed: true,
      remainingToday: 5,
    });
    const expired = canPlaceCall(p, [], t0 + 6 * DAY, limits, SP);
    expect(expired).toMatchObject({ allowed: false, rule: 'R14.expired' });
    expect(expired.allowed === false && expired.message).toContain(
      '2026-11-30 10:00 (America/Sao_Paulo)',
    );
  });

  it('R14: the sixth call attempt of a calendar day is refused, saying when the limit resets', () => {
    const p = granted('always');
    const five = [0, 1, 2, 3, 4].map((k) =>
      attempt(t0 + k * HOUR, k === 2 ? 'answered' : 'unanswered'),
    );
    expect(canPlaceCall(p, five.slice(0, 4), t0 + 5 * HOUR, limits, SP)).toEqual({
      allowed: true,
      remainingToday: 1,
    });
    const refused = canPlaceCall(p, five, t0 + 5 * HOUR, limits, SP);
    const midnight = Date.parse('2026-11-25T00:00:00-03:00');
    expect(refused).toMatchObject({ allowed: false, rule: 'R14.dailyLimit', retryAt: midnight });
    expect(refused.allowed === false && refused.message).toContain(
      '2026-11-25 00:00 (America/Sao_Paulo)',
    );
    expect(canPlaceCall(p, five, midnight - 1, limits, SP).allowed).toBe(false);
    expect(canPlaceCall(p, five, midnight, limits, SP).allowed).toBe(true);
  });

  it('R14: a day is a calendar day in the workspace’s time zone, not in UTC', () => {
    const p = granted('always');
    // 20:00 to 21:20 in São Paulo on the 24th: the last two are on the 25th in UTC.
    const late = [0, 20, 40, 60, 80].map((m) =>
      attempt(Date.parse('2026-11-24T20:00:00-03:00') + m * 60_000),
    );
    const at = Date.parse('2026-11-24T23:50:00-03:00');
    expect(canPlaceCall(p, late, at, limits, SP).allowed).toBe(false);
    expect(canPlaceCall(p, late, at, limits, 'UTC')).toMatchObject({ allowed: true });
  });

  it('R14: a Mexican or Chilean workspace counts calls per day in its own days, from its settings', () => {
    const p = granted('always');
    // Five calls from 20:00 to 21:20 in Mexico City on the 24th: the last two are the 25th in São Paulo.
    const evening = [0, 20, 40, 60, 80].map((m) =>
      attempt(Date.parse('2026-11-24T20:00:00-06:00') + m * 60_000),
    );
    const mexico = outboundCallRules({ timeZone: 'America/Mexico_City' });
    const at = Date.parse('2026-11-24T21:30:00-06:00');
    expect(canPlaceCall(p, evening, at, mexico.limits, mexico.timeZone)).toMatchObject({
      allowed: false,
      rule: 'R14.dailyLimit',
      retryAt: Date.parse('2026-11-25T00:00:00-06:00'),
    });
    // Counted in São Paulo days, the 6th call would wrongly pass (two calls fall on the 25th there).
    expect(canPlaceCall(p, evening, at, limits, SP)).toMatchObject({ allowed: true });
    const chile = outboundCallRules({ timeZone: 'America/Santiago', whatsappLimits: limits });
    expect(chile.timeZone).toBe('America/Santiago');
    // Santiago (UTC-3 in November): the three calls before its midnight are the 24th's.
    expect(
      attemptsToday(evening, number, Date.parse('2026-11-24T23:50:00-03:00'), chile.timeZone),
    ).toHaveLength(3);
  });

  it('R14: the permission is per customer number: calls to other numbers do not count', () => {
    const p = granted('always');
    const others = [0, 1, 2, 3, 4].map((k) => attempt(t0 + k, 'answered', '+5511988887777'));
    expect(canPlaceCall(p, others, t0 + HOUR, limits, SP)).toEqual({
      allowed: true,
      remainingToday: 5,
    });
    expect(attemptsToday(others, number, t0, SP)).toEqual([]);
  });

  it('R15: the daily limit applies to an "Always" permission too, and a revoked one is refused', () => {
    const p = granted('always');
    const five = [0, 1, 2, 3, 4].map((k) => attempt(t0 + k));
    expect(canPlaceCall(p, five, t0 + HOUR, limits, SP)).toMatchObject({ rule: 'R14.dailyLimit' });
    const revoked = run([
      { type: 'invitationSent', at: t0 - HOUR },
      { type: 'accepted', at: t0, permission: 'always' },
      { type: 'revoked', at: t0 + 1 },
    ]);
    expect(canPlaceCall(revoked, [], t0 + HOUR, limits, SP)).toMatchObject({
      allowed: false,
      rule: 'R15.revoked',
    });
  });

  it('platform rule: a permission revoked for unanswered calls is refused under that rule', () => {
    let p = granted('always');
    for (let k = 1; k <= 4; k++) {
      const r = applyPermissionEvent(
        p,
        { type: 'callAttempt', at: t0 + k, outcome: 'unanswered' },
        platformOn,
      );
      if (r.ok) p = r.permission;
    }
    expect(canPlaceCall(p, [], t0 + DAY, platformOn, SP)).toMatchObject({
      rule: 'platform.unanswered',
    });
  });

  it('refuses with a reason when the workspace time zone is not one', () => {
    expect(canPlaceCall(granted('always'), [], t0, limits, 'Mars/Base')).toMatchObject({
      allowed: false,
      rule: 'timeZone.invalid',
    });
  });

  it('R14: never more than callsPerDay allowed attempts in a calendar day, whatever the sequence', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TIME_ZONES),
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.record({ gap: fc.integer({ min: 0, max: 9 * HOUR }), answered: fc.boolean() }),
          {
            maxLength: 60,
          },
        ),
        (timeZone, callsPerDay, steps) => {
          const lim = { ...limits, callsPerDay };
          const p = granted('always');
          const attempts: CallAttempt[] = [];
          let now = t0;
          for (const step of steps) {
            now += step.gap;
            const result = canPlaceCall(p, attempts, now, lim, timeZone);
            if (result.allowed) {
              attempts.push(attempt(now, step.answered ? 'answered' : 'unanswered'));
            } else {
              expect(result.rule).toBe('R14.dailyLimit');
              const today = localTimeAt(now, timeZone).date;
              // It resets at the first instant of the next local day, and not before.
              expect(localTimeAt(result.retryAt!, timeZone).date > today).toBe(true);
              expect(localTimeAt(result.retryAt! - 1, timeZone).date).toBe(today);
            }
          }
          const perDay = new Map<string, number>();
          for (const a of attempts) {
            const date = localTimeAt(a.at, timeZone).date;
            perDay.set(date, (perDay.get(date) ?? 0) + 1);
          }
          for (const count of perDay.values()) expect(count).toBeLessThanOrEqual(callsPerDay);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('canRequestPermission', () => {
  it('is unlimited while the platform rules are off (the default)', () => {
    expect(canRequestPermission([t0 - 1, t0 - 2, t0 - 3], t0, limits)).toEqual({ allowed: true });
  });

  it('platform rule: at most 1 permission request per 24 h, saying when the next one is allowed', () => {
    expect(canRequestPermission([], t0, platformOn)).toEqual({ allowed: true });
    expect(canRequestPermission([t0 - 2 * HOUR], t0, platformOn)).toMatchObject({
      allowed: false,
      rule: 'platform.requestsPer24h',
      retryAt: t0 + 22 * HOUR,
    });
    expect(canRequestPermission([t0 - DAY], t0, platformOn)).toEqual({ allowed: true });
  });

  it('platform rule: at most 2 permission requests per 7 days', () => {
    const history = [t0 - 5 * DAY, t0 - 2 * DAY];
    expect(canRequestPermission(history, t0, platformOn)).toMatchObject({
      allowed: false,
      rule: 'platform.requestsPer7d',
      retryAt: t0 + 2 * DAY,
    });
    expect(canRequestPermission(history, t0 + 2 * DAY, platformOn)).toEqual({ allowed: true });
  });

  it('platform rule: when both limits are hit, the later time to retry is given', () => {
    const history = [t0 - 3 * DAY, t0 - HOUR];
    expect(canRequestPermission(history, t0, platformOn)).toMatchObject({
      rule: 'platform.requestsPer7d',
      retryAt: t0 + 4 * DAY,
    });
  });

  it('platform rule: whatever the requests, never more than the limits in any window', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * DAY }), { maxLength: 40 }), (gaps) => {
        const sent: number[] = [];
        let now = t0;
        for (const gap of gaps) {
          now += gap;
          const result = canRequestPermission(sent, now, platformOn);
          if (result.allowed) sent.push(now);
          else {
            expect(result.retryAt).toBeGreaterThan(now);
            expect(canRequestPermission(sent, result.retryAt!, platformOn)).toEqual({
              allowed: true,
            });
          }
        }
        for (const t of sent) {
          expect(sent.filter((s) => s > t - DAY && s <= t)).toHaveLength(1);
          expect(sent.filter((s) => s > t - 7 * DAY && s <= t).length).toBeLessThanOrEqual(2);
        }
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
