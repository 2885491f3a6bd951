import {
  applyPermissionEvent,
  canPlaceCall,
  canRequestPermission,
  newPermission,
  type CallAttempt,
  type CallPermission,
  type Customer,
  type PermissionLimits,
  type Refusal,
  type RequestRule,
  type RuleRefusal,
} from '@callbot/shared';
import type { WorkspaceRepository } from '../../persistence/index.ts';
import { ProviderError, type Call, type ProviderClient } from '../../provider/index.ts';

/** What the customer commands act on. */
export interface CustomerDeps {
  workspace: WorkspaceRepository;
  provider: ProviderClient;
  /**
   * The provider is the workspace's server: it keeps the permissions and the
   * attempts and applies R13-R15 itself (in one transaction), so the
   * commands only ask it. Otherwise this browser does.
   */
  onServer?: boolean;
  now: () => number;
  newId: () => string;
  /** Waits between two polls of a ringing call. */
  wait: (ms: number) => Promise<void>;
  pollMs: number;
}

/** The workspace's rules for outbound calls: the limits and the time zone a day is counted in (R14). */
export interface CallRules {
  limits: PermissionLimits;
  timeZone: string;
}

async function permissionOf(
  workspace: WorkspaceRepository,
  number: string,
): Promise<CallPermission | undefined> {
  return (await workspace.listPermissions()).items.find((p) => p.number === number);
}

/** Adds a customer number (E.164, checked by the customer's schema). */
export function addCustomer(
  { workspace, now, newId }: Pick<CustomerDeps, 'workspace' | 'now' | 'newId'>,
  input: { number: string; name?: string },
): Promise<Customer> {
  const name = input.name?.trim();
  return workspace.putCustomer({
    id: newId(),
    number: input.number.trim(),
    createdAt: now(),
    ...(name && { name }),
  });
}

/**
 * R13: sends the customer the invitation template (the call-permission
 * request) from a WhatsApp line, and keeps that it was sent. With the
 * platform rules on, too many requests are refused with when the next one
 * is allowed. The customer answers at the provider: `followInvitation`
 * (browser-only) or the provider's events (on the server) record it.
 */
export async function sendInvitation(
  { workspace, provider, now, onServer }: CustomerDeps,
  input: { from: string; number: string },
  rules: CallRules,
): Promise<{ ok: true; requestId: string } | RuleRefusal<RequestRule>> {
  if (onServer) {
    try {
      const sent = await provider.requestCallPermission({ from: input.from, to: input.number });
      return { ok: true, requestId: sent.requestId };
    } catch (error) {
      const refusal = serverRefusal(error, requestRules);
      if (refusal) return refusal;
      throw error;
    }
  }
  const before = await permissionOf(workspace, input.number);
  const verdict = canRequestPermission(before?.requests ?? [], now(), rules.limits);
  if (!verdict.allowed) return verdict;
  const sent = await provider.requestCallPermission({ from: input.from, to: input.number });
  const at = now();
  const current = (await permissionOf(workspace, input.number)) ?? newPermission(input.number, at);
  const applied = applyPermissionEvent(current, { type: 'invitationSent', at }, rules.limits);
  // An invitation can always be sent: the event is never refused.
  if (!applied.ok) throw new Error(applied.message);
  await workspace.putPermission(applied.permission);
  return { ok: true, requestId: sent.requestId };
}

const requestRules = ['platform.requestsPer24h', 'platform.requestsPer7d'] as const;
const callRules = [
  'R13',
  'R14.expired',
  'R14.dailyLimit',
  'R15.revoked',
  'platform.unanswered',
  'timeZone.invalid',
  'line.callsDisabled',
  'line.notFound',
] as const;

/** The server's refusal of a request or a call (the rule in `reason`), as the rules' own refusal. */
function serverRefusal<Rule extends string>(
  error: unknown,
  rules: readonly Rule[],
): RuleRefusal<Rule> | null {
  if (!(error instanceof ProviderError)) return null;
  const rule = rules.find((r) => r === error.reason);
  if (rule === undefined) return null;
  return {
    allowed: false,
    rule,
    message: error.message,
    ...(error.retryAt !== undefined && { retryAt: error.retryAt }),
    ...(error.params && { params: error.params }),
  };
}

/**
 * Browser-only: waits for the customer's answer to the invitation
 * `requestId` at the provider (the in-browser sandbox answers by itself)
 * and records it as the provider reported it. Nobody types it in (R13).
 */
export async function followInvitation(
  deps: CustomerDeps,
  requestId: string,
  number: string,
  rules: CallRules,
): Promise<CallPermission | null> {
  let request = await deps.provider.getPermissionRequest(requestId);
  while (request.status === 'sent') {
    await deps.wait(deps.pollMs);
    request = await deps.provider.getPermissionRequest(requestId);
  }
  const answered = await recordAnswer(
    deps,
    number,
    request.status === 'accepted'
      ? { type: 'accepted', permission: 'temporary' }
      : { type: 'declined' },
    rules,
  );
  return answered.ok ? answered.permission : null;
}

/** What the customer answered at the provider: R13-R15. */
export type CustomerAnswer =
  | { type: 'accepted'; permission: 'temporary' | 'always' }
  | { type: 'declined' }
  | { type: 'revoked' }
  | { type: 'switched'; to: 'temporary' | 'always' };

/**
 * Records the customer's answer as the provider reported it; an answer that
 * cannot happen in the permission's state is refused.
 */
export async function recordAnswer(
  { workspace, now }: Pick<CustomerDeps, 'workspace' | 'now'>,
  number: string,
  answer: CustomerAnswer,
  rules: CallRules,
): Promise<{ ok: true; permission: CallPermission } | Refusal<'permission.unexpectedEvent'>> {
  const at = now();
  const current = (await permissionOf(workspace, number)) ?? newPermission(number, at);
  const applied = applyPermissionEvent(current, { ...answer, at }, rules.limits);
  if (!applied.ok) return applied;
  return { ok: true, permission: await workspace.putPermission(applied.permission) };
}

/** The rules that refuse a call: R13-R15, and on the server the line's (calls enabled). */
export type ServerCallRule = (typeof callRules)[number];

/**
 * R13-R15: places a business-initiated WhatsApp call from the line `from`
 * to the customer when `canPlaceCall` allows it, waits for the provider to
 * say whether it was answered, and records the attempt (it counts toward the
 * day's limit either way). Refused calls are not placed: the refusal names
 * the rule and, for the daily limit, when it can be tried again.
 */
export async function placeCall(
  deps: CustomerDeps,
  input: { from: string; number: string },
  rules: CallRules,
): Promise<{ ok: true; call: Call; attempt?: CallAttempt } | RuleRefusal<ServerCallRule>> {
  const { workspace, provider, now } = deps;
  if (deps.onServer) {
    // The server checks and records the attempt in one transaction, then places the call.
    let call: Call;
    try {
      call = await provider.placeWhatsappCall({ from: input.from, to: input.number });
    } catch (error) {
      const refusal = serverRefusal(error, callRules);
      if (refusal) return refusal;
      throw error;
    }
    while (call.status === 'ringing') {
      await deps.wait(deps.pollMs);
      call = await provider.getWhatsappCall(call.callId);
    }
    return { ok: true, call };
  }
  const permission = await permissionOf(workspace, input.number);
  const attempts = (await workspace.listCallAttempts(input.number)).items;
  const at = now();
  const verdict = canPlaceCall(permission, attempts, at, rules.limits, rules.timeZone);
  if (!verdict.allowed) return verdict;
  let call = await provider.placeWhatsappCall({ from: input.from, to: input.number });
  while (call.status === 'ringing') {
    await deps.wait(deps.pollMs);
    call = await provider.getWhatsappCall(call.callId);
  }
  const outcome = call.status === 'answered' ? 'answered' : 'unanswered';
  const attempt = await workspace.addCallAttempt({
    id: deps.newId(),
    number: input.number,
    at,
    outcome,
  });
  const current = (await permissionOf(workspace, input.number)) ?? permission;
  if (current) {
    const applied = applyPermissionEvent(
      current,
      { type: 'callAttempt', at: now(), outcome },
      rules.limits,
    );
    if (applied.ok) await workspace.putPermission(applied.permission);
  }
  return { ok: true, call, attempt };
}
