/**
 * The provider on the server, for every workspace: which adapter a
 * workspace uses (Twilio with its own credentials, or the sandbox), the
 * provider actions with their records (number orders, permission requests,
 * business-initiated calls under R13-R15), and the provider's events
 * (webhooks, or the sandbox's deliveries) applied once each. Every change is
 * told to the workspace's followers, as the workspace API's own writes are.
 */
import {
  applyPermissionEvent,
  callPermissionSchema,
  canRequestPermission,
  defaultPermissionLimits,
  newPermission,
  permissionSources,
  type Actor,
  type PermissionSource,
  type PermissionWithOrigin,
  type ProviderCall,
  type NumberOrder,
} from '@callbot/shared';
import { randomUUID } from 'node:crypto';
import type { Database } from '../db.ts';
import {
  abandonAttempt,
  attachCall,
  lockPermission,
  reserveCallAttempt,
  writeRow,
  type AttemptRefusal,
  type CallRules,
} from '../workspace/attempts.ts';
import type { WorkspaceHub } from '../workspace/events.ts';
import type { Change, WorkspaceStore } from '../workspace/store.ts';
import type { ProviderAdapter, ProviderEvent } from './adapter.ts';
import { createCredentialStore, type CredentialStore } from './credentials.ts';
import { applyProviderEvent, PROVIDER_ACTOR, writeOrigin, type AppliedEvent } from './events.ts';
import {
  createSandboxProvider,
  timerScheduler,
  type SandboxProvider,
  type Scheduler,
} from './sandbox.ts';
import { sandboxStore } from './sandboxStore.ts';
import { twilioAdapter } from './twilio.ts';

export interface ProviderServiceOptions {
  db: Database;
  workspaces: Pick<WorkspaceStore, 'getSettings'>;
  hub: WorkspaceHub;
  now: () => number;
  /** The key credentials are sealed with (`CALLBOT_SECRET_KEY`); null: the sandbox only. */
  secretKey: Buffer | null;
  /** When the sandbox's events are delivered (the wall clock's timers by default). */
  schedule?: Scheduler;
  /** Twilio's requests go through this (tests give a fake). */
  fetch?: typeof globalThis.fetch;
  log?: (line: string) => void;
}

export interface ProviderService {
  readonly credentials: CredentialStore;
  readonly sandbox: SandboxProvider;
  adapterFor(ws: string): Promise<ProviderAdapter>;
  rulesOf(ws: string): Promise<CallRules>;
  /** Applies a provider event once and tells the workspace's followers. */
  apply(ws: string, event: ProviderEvent): Promise<AppliedEvent>;
  /** R4, R7: orders a number; the server keeps the order and follows its events. */
  orderNumber(
    ws: string,
    input: { country: string; number: string },
    origin: string,
  ): Promise<NumberOrder>;
  getOrder(ws: string, orderId: string): Promise<NumberOrder | null>;
  /** R13: sends the invitation template from the WhatsApp line `from`, and keeps that it was sent. */
  requestPermission(
    ws: string,
    input: { from: string; to: string },
    by: Actor,
  ): Promise<
    | { ok: true; request: Awaited<ReturnType<ProviderAdapter['requestCallPermission']>> }
    | { ok: false; refusal: { rule: string; message: string; retryAt?: number } }
  >;
  /** R13-R15 atomic, then the call placed. */
  placeCall(
    ws: string,
    input: { from: string; to: string },
    by: Actor,
    origin: string,
  ): Promise<{ ok: true; call: ProviderCall } | { ok: false; refusal: AttemptRefusal }>;
  getCall(ws: string, callId: string): Promise<ProviderCall | null>;
  permissions(ws: string): Promise<PermissionWithOrigin[]>;
}

const iso = (value: unknown) =>
  (value instanceof Date ? value : new Date(String(value))).toISOString();

export function createProviderService(options: ProviderServiceOptions): ProviderService {
  const { db, hub, now } = options;
  const log = options.log ?? (() => {});
  const credentials = createCredentialStore(db, options.secretKey);
  const sandbox = createSandboxProvider({
    now,
    schedule: options.schedule ?? timerScheduler(now),
    deliver: async (ws, event) => {
      await apply(ws, event);
    },
    log,
    store: sandboxStore(db),
  });

  async function tell(ws: string, changes: Change[], by: Actor) {
    for (const change of changes) {
      await hub
        .publish(ws, {
          type: 'change',
          table: change.table,
          id: change.id,
          revision: change.revision,
          deleted: change.revision === 0,
          by,
        })
        .catch((error: unknown) =>
          log(`provider: an event was not sent: ${(error as Error).message}`),
        );
    }
  }

  async function rulesOf(ws: string): Promise<CallRules> {
    const { settings } = await options.workspaces.getSettings(ws);
    return {
      limits: settings.whatsappLimits ?? defaultPermissionLimits,
      timeZone: settings.timeZone,
    };
  }

  async function apply(ws: string, event: ProviderEvent): Promise<AppliedEvent> {
    const { limits } = await rulesOf(ws);
    const result = await applyProviderEvent(db, ws, event, limits, now());
    await tell(ws, result.changes, PROVIDER_ACTOR);
    return result;
  }

  async function adapterFor(ws: string): Promise<ProviderAdapter> {
    const found = await credentials.read(ws);
    return found
      ? twilioAdapter({ credentials: found, now, ...(options.fetch && { fetch: options.fetch }) })
      : sandbox.forWorkspace(ws);
  }

  /** The provider's URLs for a workspace's calls (its webhooks carry the workspace in the path). */
  const voiceUrls = (origin: string) => ({
    voiceUrl: `${origin}/voice/incoming`,
    statusCallbackUrl: `${origin}/voice/status`,
  });

  return {
    credentials,
    sandbox,
    adapterFor,
    rulesOf,
    apply,

    async orderNumber(ws, input, origin) {
      const adapter = await adapterFor(ws);
      const order = await adapter.orderNumber({ ...input, ...voiceUrls(origin) });
      await db.query(
        `INSERT INTO ws_number_orders (workspace_id, order_id, number, country, status, failure_reason, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workspace_id, order_id) DO NOTHING`,
        [
          ws,
          order.orderId,
          order.number,
          order.country,
          order.status,
          order.failureReason,
          order.createdAt,
          order.updatedAt,
        ],
      );
      return order;
    },

    async getOrder(ws, orderId) {
      const { rows } = await db.query<{
        order_id: string;
        number: string;
        country: string;
        status: NumberOrder['status'];
        failure_reason: string | null;
        created_at: unknown;
        updated_at: unknown;
      }>('SELECT * FROM ws_number_orders WHERE workspace_id = $1 AND order_id = $2', [ws, orderId]);
      const row = rows[0];
      return row
        ? {
            orderId: row.order_id,
            number: row.number,
            country: row.country,
            status: row.status,
            createdAt: iso(row.created_at),
            updatedAt: iso(row.updated_at),
            failureReason: row.failure_reason,
          }
        : null;
    },

    async requestPermission(ws, { from, to }, by) {
      const { limits } = await rulesOf(ws);
      const before = (await db.transaction((tx) => lockPermission(tx, ws, to)))?.permission;
      const verdict = canRequestPermission(before?.requests ?? [], now(), limits);
      if (!verdict.allowed) return { ok: false, refusal: verdict };
      const adapter = await adapterFor(ws);
      const request = await adapter.requestCallPermission({ from, to });
      const at = now();
      const changes = await db.transaction(async (tx) => {
        const current = (await lockPermission(tx, ws, to))?.permission ?? newPermission(to, at);
        const applied = applyPermissionEvent(current, { type: 'invitationSent', at }, limits);
        // An invitation can always be sent: the event is never refused.
        if (!applied.ok) throw new Error(applied.message);
        const revision = await writeRow(tx, 'ws_permissions', ws, to, applied.permission, by, at);
        if (applied.permission.state === 'requested') {
          await writeOrigin(tx, ws, to, { source: 'invitation', event: 'invitation_sent', at });
        }
        return [{ table: 'permissions' as const, id: to, revision }];
      });
      await tell(ws, changes, by);
      return { ok: true, request };
    },

    async placeCall(ws, { from, to }, by, origin) {
      const rules = await rulesOf(ws);
      const attemptId = randomUUID();
      const reserved = await reserveCallAttempt(
        db,
        ws,
        { from, number: to, attemptId, at: now(), by },
        rules,
      );
      if (!reserved.ok) return reserved;
      await tell(ws, reserved.reserved.changes, by);
      const adapter = await adapterFor(ws);
      let call: ProviderCall;
      try {
        call = await adapter.placeWhatsappCall({
          from,
          to,
          twimlUrl: `${origin}/voice/whatsapp/outbound?ws=${encodeURIComponent(ws)}&line=${encodeURIComponent(reserved.reserved.line.id)}`,
          statusCallbackUrl: `${origin}/provider/${encodeURIComponent(ws)}/webhooks/calls`,
        });
      } catch (error) {
        await tell(ws, await abandonAttempt(db, ws, attemptId), by);
        throw error;
      }
      await attachCall(db, ws, attemptId, call.callId);
      return { ok: true, call };
    },

    async getCall(ws, callId) {
      const { rows } = await db.query<{
        call_id: string;
        from_number: string;
        to_number: string;
        status: string;
        failure_reason: string | null;
        started_at: unknown;
        ended_at: unknown;
      }>('SELECT * FROM ws_outbound_calls WHERE workspace_id = $1 AND call_id = $2', [ws, callId]);
      const row = rows[0];
      if (!row) return null;
      const status = (['answered', 'unanswered', 'failed'] as const).find((s) => s === row.status);
      return {
        callId: row.call_id,
        from: row.from_number,
        to: row.to_number,
        status: status ?? 'ringing',
        startedAt: iso(row.started_at),
        endedAt: row.ended_at ? iso(row.ended_at) : null,
        failureReason: row.failure_reason,
      };
    },

    async permissions(ws) {
      const { rows } = await db.query<{
        data: unknown;
        source: string | null;
        event: string | null;
        at: unknown;
      }>(
        `SELECT p.data, o.source, o.event, o.at FROM ws_permissions p
           LEFT JOIN ws_permission_origins o ON o.workspace_id = p.workspace_id AND o.number = p.id
           WHERE p.workspace_id = $1 ORDER BY p.id`,
        [ws],
      );
      return rows.map((row) => ({
        permission: callPermissionSchema.parse(row.data),
        origin:
          row.event && permissionSources.some((s) => s === row.source)
            ? {
                source: row.source as PermissionSource,
                event: row.event,
                at: Number(row.at),
              }
            : null,
      }));
    },
  };
}
