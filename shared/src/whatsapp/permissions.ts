import { isValidTimeZone, localTimeAt } from '../schedules/time.ts';
import { refuse, type Refusal } from '../workspace/result.ts';
import {
  defaultPermissionLimits,
  type CallAttempt,
  type CallPermission,
  type PermissionLimits,
  type PermissionState,
} from './schema.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** How many invitation times a permission keeps: enough for any request limit. */
const KEPT_REQUESTS = 50;

/** A customer number no invitation was sent to yet. */
export function newPermission(number: string, now: number): CallPermission {
  return { number, state: 'none', updatedAt: now, requests: [], unansweredInRow: 0 };
}

/** What happens to a customer's call permission (R13-R15), as the provider reports it. */
export type PermissionEvent =
  /** The invitation template (call-permission request) was sent to the customer. */
  | { type: 'invitationSent'; at: number }
  /** The customer accepted: for `temporaryDays` or always (R14). */
  | { type: 'accepted'; at: number; permission: 'temporary' | 'always' }
  | { type: 'declined'; at: number }
  /** The customer withdrew the opt-in by answering the template again (R15). */
  | { type: 'revoked'; at: number }
  /** The customer switched "Always" to temporary or back, from the call icon (R15). */
  | { type: 'switched'; at: number; to: 'temporary' | 'always' }
  /** A call was placed to the customer. */
  | { type: 'callAttempt'; at: number; outcome: 'answered' | 'unanswered' };

const granted = (state: PermissionState) => state === 'temporary' || state === 'always';

/** The permission in state `state` at `at`, with the fields that state has. */
function moveTo(
  p: CallPermission,
  state: PermissionState,
  at: number,
  extra: { expiresAt?: number; revokedBy?: 'customer' | 'platform' } = {},
): CallPermission {
  const { expiresAt: _expiresAt, revokedBy: _revokedBy, ...rest } = p;
  return { ...rest, ...extra, state, updatedAt: at };
}

/**
 * The permission after `event`. Events that cannot happen in its state
 * (a decline with no invitation pending, a switch of a permission not
 * granted…) are refused with `permission.unexpectedEvent`, the permission
 * left as it was. With the platform rules on, `revokeAfterUnanswered`
 * unanswered calls in a row revoke the permission.
 */
export function applyPermissionEvent(
  permission: CallPermission,
  event: PermissionEvent,
  limits: PermissionLimits,
): { ok: true; permission: CallPermission } | Refusal<'permission.unexpectedEvent'> {
  const p = permission;
  const unexpected = () =>
    refuse(
      'permission.unexpectedEvent',
      `A call permission that is ${p.state} cannot be ${event.type === 'callAttempt' ? 'called' : event.type}.`,
      { state: p.state, event: event.type },
    );
  const temporaryUntil = (at: number) => at + limits.temporaryDays * DAY_MS;
  switch (event.type) {
    case 'invitationSent': {
      const requests = [...p.requests, event.at].slice(-KEPT_REQUESTS);
      // A granted permission stays granted while its renewal is asked for.
      const next = granted(p.state) ? p : moveTo(p, 'requested', event.at);
      return { ok: true, permission: { ...next, requests } };
    }
    case 'accepted':
      if (p.state === 'none' || p.state === 'revoked') return unexpected();
      return {
        ok: true,
        permission: {
          ...(event.permission === 'temporary'
            ? moveTo(p, 'temporary', event.at, { expiresAt: temporaryUntil(event.at) })
            : moveTo(p, 'always', event.at)),
          unansweredInRow: 0,
        },
      };
    case 'declined':
      if (p.state !== 'requested') return unexpected();
      return { ok: true, permission: moveTo(p, 'none', event.at) };
    case 'revoked':
      if (!granted(p.state)) return unexpected();
      return { ok: true, permission: moveTo(p, 'revoked', event.at, { revokedBy: 'customer' }) };
    case 'switched':
      if (!granted(p.state)) return unexpected();
      if (p.state === event.to) return { ok: true, permission: p };
      return {
        ok: true,
        permission:
          event.to === 'temporary'
            ? moveTo(p, 'temporary', event.at, { expiresAt: temporaryUntil(event.at) })
            : moveTo(p, 'always', event.at),
      };
    case 'callAttempt': {
      const unansweredInRow = event.outcome === 'answered' ? 0 : p.unansweredInRow + 1;
      const rules = limits.platformRules;
      if (rules.enabled && granted(p.state) && unansweredInRow >= rules.revokeAfterUnanswered) {
        return {
          ok: true,
          permission: {
            ...moveTo(p, 'revoked', event.at, { revokedBy: 'platform' }),
            unansweredInRow,
          },
        };
      }
      return { ok: true, permission: { ...p, unansweredInRow } };
    }
  }
}

/** The permission as the customers view shows it: a temporary one past its expiry is `expired`. */
export function permissionStatusAt(
  permission: CallPermission | undefined,
  now: number,
): PermissionState | 'expired' {
  if (permission === undefined) return 'none';
  if (permission.state === 'temporary' && (permission.expiresAt ?? 0) <= now) return 'expired';
  return permission.state;
}

/** The first instant after `now` that is on the next calendar day in `timeZone`. */
function nextLocalDay(now: number, timeZone: string): number {
  const today = localTimeAt(now, timeZone).date;
  // The date at `lo` is today's and at `hi` is later: no zone moves by 48 hours.
  let lo = now;
  let hi = now + 2 * DAY_MS;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (localTimeAt(mid, timeZone).date === today) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The calls placed to `number` on the calendar day of `now` in `timeZone`
 * (R14: a day is a calendar day in the workspace's time zone).
 *
 * @throws RangeError when `timeZone` is not an IANA name (settings are validated before).
 */
export function attemptsToday(
  attempts: readonly CallAttempt[],
  number: string,
  now: number,
  timeZone: string,
): CallAttempt[] {
  const today = localTimeAt(now, timeZone).date;
  return attempts.filter((a) => a.number === number && localTimeAt(a.at, timeZone).date === today);
}

/** Which rule refused a call or a permission request: the stable code the UI translates. */
export type CallRule =
  | 'R13'
  | 'R14.expired'
  | 'R14.dailyLimit'
  | 'R15.revoked'
  | 'platform.unanswered'
  | 'timeZone.invalid';
export type RequestRule = 'platform.requestsPer24h' | 'platform.requestsPer7d';

export interface RuleRefusal<Rule extends string> {
  allowed: false;
  rule: Rule;
  message: string;
  /** When the same call or request will be allowed again (epoch ms), when that is only a matter of time. */
  retryAt?: number;
  params?: Readonly<Record<string, string | number>>;
}

const formatInstant = (at: number, timeZone: string) => {
  const local = localTimeAt(at, timeZone);
  const hh = String(Math.floor(local.minutes / 60)).padStart(2, '0');
  const mm = String(local.minutes % 60).padStart(2, '0');
  return `${local.date} ${hh}:${mm} (${timeZone})`;
};

/**
 * Whether the business can call the customer `permission.number` now on
 * WhatsApp. Calls are never automatic: the customer's accepted opt-in is
 * needed (R13); a temporary permission ends after `temporaryDays` (R14);
 * a revoked one is refused (R15, or the platform's unanswered-calls rule);
 * and every permission allows `callsPerDay` calls or attempts per calendar
 * day in `timeZone` (R14, R15). A refusal names the rule and, when waiting
 * is enough, when the call can be tried again.
 */
export function canPlaceCall(
  permission: CallPermission | undefined,
  attempts: readonly CallAttempt[],
  now: number,
  limits: PermissionLimits,
  timeZone: string,
): { allowed: true; remainingToday: number } | RuleRefusal<CallRule> {
  if (!isValidTimeZone(timeZone)) {
    return {
      allowed: false,
      rule: 'timeZone.invalid',
      message: `"${timeZone}" is not a time zone, so the day's calls cannot be counted: set the workspace's time zone.`,
      params: { timeZone },
    };
  }
  if (permission === undefined || permission.state === 'none' || permission.state === 'requested') {
    return {
      allowed: false,
      rule: 'R13',
      message:
        permission?.state === 'requested'
          ? 'The customer has not accepted the call permission yet: calls start once they accept the invitation.'
          : 'The customer has not given call permission: send the invitation template first; calls are never placed without it.',
      params: { state: permission?.state ?? 'none' },
    };
  }
  if (permission.state === 'revoked') {
    return permission.revokedBy === 'platform'
      ? {
          allowed: false,
          rule: 'platform.unanswered',
          message: `The permission was revoked after ${limits.platformRules.revokeAfterUnanswered} unanswered calls in a row: send a new invitation.`,
          params: { unanswered: limits.platformRules.revokeAfterUnanswered },
        }
      : {
          allowed: false,
          rule: 'R15.revoked',
          message: 'The customer withdrew the call permission: they must accept a new invitation.',
        };
  }
  if (permission.state === 'temporary' && (permission.expiresAt ?? 0) <= now) {
    return {
      allowed: false,
      rule: 'R14.expired',
      message: `The temporary permission (${limits.temporaryDays} days) expired on ${formatInstant(permission.expiresAt ?? 0, timeZone)}: send a new invitation.`,
      params: { expiresAt: permission.expiresAt ?? 0, days: limits.temporaryDays },
    };
  }
  const rules = limits.platformRules;
  if (rules.enabled && permission.unansweredInRow >= rules.revokeAfterUnanswered) {
    return {
      allowed: false,
      rule: 'platform.unanswered',
      message: `${permission.unansweredInRow} calls in a row were not answered: the platform revokes the permission after ${rules.revokeAfterUnanswered}. Send a new invitation.`,
      params: { unanswered: permission.unansweredInRow },
    };
  }
  const today = attemptsToday(attempts, permission.number, now, timeZone).length;
  if (today >= limits.callsPerDay) {
    const retryAt = nextLocalDay(now, timeZone);
    return {
      allowed: false,
      rule: 'R14.dailyLimit',
      message: `${today} calls or attempts were placed to this customer today, the most allowed per day (${limits.callsPerDay}): try again from ${formatInstant(retryAt, timeZone)}.`,
      retryAt,
      params: { count: today, limit: limits.callsPerDay, retryAt },
    };
  }
  return { allowed: true, remainingToday: limits.callsPerDay - today };
}

/**
 * Whether an invitation (call-permission request) can be sent now to a
 * customer number whose earlier invitations went at `history` (epoch ms).
 * Only limited when the platform rules are on: `requestsPer24h` in any 24
 * hours and `requestsPer7d` in any 7 days; a refusal says when the next
 * request is allowed.
 */
export function canRequestPermission(
  history: readonly number[],
  now: number,
  limits: PermissionLimits,
): { allowed: true } | RuleRefusal<RequestRule> {
  const rules = limits.platformRules;
  if (!rules.enabled) return { allowed: true };
  const windows = [
    {
      rule: 'platform.requestsPer24h' as const,
      span: DAY_MS,
      limit: rules.requestsPer24h,
      label: '24 hours',
    },
    {
      rule: 'platform.requestsPer7d' as const,
      span: 7 * DAY_MS,
      limit: rules.requestsPer7d,
      label: '7 days',
    },
  ];
  let refusal: RuleRefusal<RequestRule> | undefined;
  for (const w of windows) {
    const inWindow = history.filter((t) => t > now - w.span && t <= now).sort((a, b) => a - b);
    if (inWindow.length < w.limit) continue;
    // Allowed again once enough of them have left the window to be under the limit.
    const retryAt = inWindow[inWindow.length - w.limit]! + w.span;
    if (refusal === undefined || retryAt > (refusal.retryAt ?? 0)) {
      refusal = {
        allowed: false,
        rule: w.rule,
        message: `${inWindow.length} invitations were sent to this number in the last ${w.label}, the most the platform allows (${w.limit}).`,
        retryAt,
        params: { count: inWindow.length, limit: w.limit, retryAt },
      };
    }
  }
  return refusal ?? { allowed: true };
}

/**
 * The rules of a workspace's outbound calls, from its settings: the limits
 * (the FAQ's unless set) and the time zone whose calendar days the
 * 5-a-day limit counts (R14: the workspace's own, e.g. Mexico City or
 * Santiago, never a fixed one). Every place that counts calls per day reads
 * them here.
 */
export function outboundCallRules(settings: {
  timeZone: string;
  whatsappLimits?: PermissionLimits | undefined;
}): { limits: PermissionLimits; timeZone: string } {
  return {
    limits: settings.whatsappLimits ?? defaultPermissionLimits,
    timeZone: settings.timeZone,
  };
}
