import {
  applyPermissionEvent,
  canPlaceCall,
  canRequestPermission,
  newPermission,
  type CallAttempt,
  type CallPermission,
  type CallRule,
  type Customer,
  type PermissionLimits,
  type Refusal,
  type RequestRule,
  type RuleRefusal,
} from '@callbot/shared';
import type { WorkspaceRepository } from '../../persistence/index.ts';
import type { Call, ProviderClient } from '../../provider/index.ts';

/** What the customer commands act on. */
export interface CustomerDeps {
  workspace: WorkspaceRepository;
  provider: ProviderClient;
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
 * is allowed.
 */
export async function sendInvitation(
  { workspace, provider, now }: CustomerDeps,
  input: { from: string; number: string },
  rules: CallRules,
): Promise<{ ok: true; permission: CallPermission } | RuleRefusal<RequestRule>> {
  const before = await permissionOf(workspace, input.number);
  const verdict = canRequestPermission(before?.requests ?? [], now(), rules.limits);
  if (!verdict.allowed) return verdict;
  await provider.requestCallPermission({ from: input.from, to: input.number });
  const at = now();
  const current = (await permissionOf(workspace, input.number)) ?? newPermission(input.number, at);
  const applied = applyPermissionEvent(current, { type: 'invitationSent', at }, rules.limits);
  // An invitation can always be sent: the event is never refused.
  if (!applied.ok) throw new Error(applied.message);
  return { ok: true, permission: await workspace.putPermission(applied.permission) };
}

/** What the customer did (this view records it on the customer's behalf): R13-R15. */
export type CustomerAnswer =
  | { type: 'accepted'; permission: 'temporary' | 'always' }
  | { type: 'declined' }
  | { type: 'revoked' }
  | { type: 'switched'; to: 'temporary' | 'always' };

/** Records the customer's answer; an answer that cannot happen in the permission's state is refused. */
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
): Promise<{ ok: true; call: Call; attempt: CallAttempt } | RuleRefusal<CallRule>> {
  const { workspace, provider, now } = deps;
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
