/**
 * Provider events applied to the workspace, once each: the event's id is
 * recorded in the same transaction as its effect, so a webhook delivered
 * twice (providers retry) or an event both polled and pushed changes
 * nothing the second time. Order events never move an order back (a late
 * `in_process` after `active` is ignored); a permission reply is read
 * against the permission it finds (R13-R15), as WhatsApp reports one kind
 * of reply for all of them:
 *
 * | reply                | permission found      | becomes                       |
 * | -------------------- | --------------------- | ----------------------------- |
 * | accept (temporary)   | requested, none, revoked | temporary, for `temporaryDays` |
 * | accept (permanent)   | requested, none, revoked | always                      |
 * | accept               | temporary or always   | switched to the other (R15)   |
 * | reject               | requested             | declined (none)               |
 * | reject               | temporary or always   | revoked by the customer (R15) |
 *
 * Where each state came from (the reply, when) is kept beside it.
 */
import {
  applyPermissionEvent,
  newPermission,
  type Actor,
  type CallPermission,
  type PermissionLimits,
  type PermissionEvent,
} from '@callbot/shared';
import type { Database, SqlClient } from '../db.ts';
import { closeCall, lockPermission, writeRow } from '../workspace/attempts.ts';
import type { Change } from '../workspace/store.ts';
import type { ProviderEvent } from './adapter.ts';

/** Who the provider's changes are made by, in the records' "changed by". */
export const PROVIDER_ACTOR: Actor = { id: 'provider', name: 'Provider' };

const ORDER_RANK: Readonly<Record<string, number>> = {
  requested: 0,
  in_process: 1,
  active: 2,
  failed: 2,
};

export interface AppliedEvent {
  /** False when the event had been applied before: nothing changed. */
  applied: boolean;
  /** What it did, in a word (kept with the event): `accepted_always`, `ignored_stale`, … */
  outcome: string;
  changes: Change[];
}

/** Keeps where the customer's permission state came from. */
export async function writeOrigin(
  tx: SqlClient,
  ws: string,
  number: string,
  origin: { source: string; event: string; at: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO ws_permission_origins (workspace_id, number, source, event, at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (workspace_id, number) DO UPDATE SET source = EXCLUDED.source, event = EXCLUDED.event, at = EXCLUDED.at`,
    [ws, number, origin.source, origin.event, origin.at],
  );
}

/** The permission event a reply is, given the permission it finds, and its name. */
function readReply(
  found: CallPermission,
  reply: Extract<ProviderEvent, { type: 'permissionReply' }>,
): { base: CallPermission; event: PermissionEvent; name: string } | null {
  const granted = found.state === 'temporary' || found.state === 'always';
  const kind = reply.permanent ? 'always' : 'temporary';
  if (reply.response === 'accept') {
    if (granted) {
      return {
        base: found,
        event: { type: 'switched', at: reply.at, to: kind },
        name: `switched_${kind}`,
      };
    }
    // Accepted without a pending invitation (granted from the business profile, or again after a
    // withdrawal): read as the acceptance of a request.
    const { expiresAt: _e, revokedBy: _r, ...rest } = found;
    return {
      base: { ...rest, state: 'requested' },
      event: { type: 'accepted', at: reply.at, permission: kind },
      name: `accepted_${kind}`,
    };
  }
  if (found.state === 'requested') {
    return { base: found, event: { type: 'declined', at: reply.at }, name: 'declined' };
  }
  if (granted) return { base: found, event: { type: 'revoked', at: reply.at }, name: 'revoked' };
  return null;
}

/** Applies one provider event to the workspace `ws`, once. */
export function applyProviderEvent(
  db: Database,
  ws: string,
  event: ProviderEvent,
  limits: PermissionLimits,
  receivedAt: number,
): Promise<AppliedEvent> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query(
      `INSERT INTO ws_provider_events (workspace_id, event_id, type, data, outcome, received_at)
       VALUES ($1, $2, $3, $4, 'pending', $5) ON CONFLICT (workspace_id, event_id) DO NOTHING RETURNING event_id`,
      [ws, event.id, event.type, JSON.stringify(event), new Date(receivedAt).toISOString()],
    );
    if (rows.length === 0) return { applied: false, outcome: 'duplicate', changes: [] };
    const result = await apply(tx);
    await tx.query(
      'UPDATE ws_provider_events SET outcome = $3 WHERE workspace_id = $1 AND event_id = $2',
      [ws, event.id, result.outcome],
    );
    return { applied: true, ...result };
  });

  async function apply(tx: SqlClient): Promise<Omit<AppliedEvent, 'applied'>> {
    switch (event.type) {
      case 'order': {
        const { rows } = await tx.query<{ status: string }>(
          'SELECT status FROM ws_number_orders WHERE workspace_id = $1 AND order_id = $2 FOR UPDATE',
          [ws, event.orderId],
        );
        const order = rows[0];
        if (!order) return { outcome: 'unknown_order', changes: [] };
        if ((ORDER_RANK[event.status] ?? 0) <= (ORDER_RANK[order.status] ?? 0)) {
          return { outcome: 'ignored_stale', changes: [] };
        }
        await tx.query(
          `UPDATE ws_number_orders SET status = $3, failure_reason = $4, updated_at = $5
             WHERE workspace_id = $1 AND order_id = $2`,
          [ws, event.orderId, event.status, event.failureReason, new Date(event.at).toISOString()],
        );
        // The line bought with this order follows it (R7: deletable once active or failed).
        const lines = await tx.query<{ id: string; revision: number }>(
          `UPDATE ws_lines SET data = jsonb_set(data, '{status}', to_jsonb($3::text)),
             revision = revision + 1, updated_at = $4, updated_by_id = $5, updated_by_name = $6
           WHERE workspace_id = $1 AND data ->> 'kind' = 'purchased' AND data ->> 'orderId' = $2
           RETURNING id, revision`,
          [
            ws,
            event.orderId,
            event.status,
            new Date(event.at).toISOString(),
            PROVIDER_ACTOR.id,
            PROVIDER_ACTOR.name,
          ],
        );
        return {
          outcome: event.status,
          changes: lines.rows.map((l) => ({
            table: 'lines' as const,
            id: l.id,
            revision: Number(l.revision),
          })),
        };
      }
      case 'permissionReply': {
        const locked = await lockPermission(tx, ws, event.customer);
        const found = locked?.permission ?? newPermission(event.customer, event.at);
        const read = readReply(found, event);
        if (!read) return { outcome: 'ignored_no_permission', changes: [] };
        const next = applyPermissionEvent(read.base, read.event, limits);
        if (!next.ok) return { outcome: 'ignored_unexpected', changes: [] };
        const revision = await writeRow(
          tx,
          'ws_permissions',
          ws,
          event.customer,
          next.permission,
          PROVIDER_ACTOR,
          event.at,
        );
        await writeOrigin(tx, ws, event.customer, {
          source: 'provider',
          event: read.name,
          at: event.at,
        });
        return {
          outcome: read.name,
          changes: [{ table: 'permissions', id: event.customer, revision }],
        };
      }
      case 'callStatus': {
        const { closed, changes } = await closeCall(tx, ws, event, limits, PROVIDER_ACTOR);
        return { outcome: closed ? event.status : 'ignored_closed', changes };
      }
    }
  }
}
