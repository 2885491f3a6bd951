/**
 * Business-initiated WhatsApp calls, R13-R15 held by the database: the
 * check of the customer's permission and of the day's limit, and the record
 * of the attempt, are one transaction that holds the customer's permission
 * row (`SELECT … FOR UPDATE`), so however many requests arrive at once, on
 * however many instances, they take turns and the day never counts more
 * than the limit. The call is placed only after that commit; when the
 * provider refuses to place it, the attempt is taken back. A call must come
 * from a WhatsApp line of the workspace whose calls are enabled. The day is
 * the workspace's calendar day in its time zone (settings).
 */
import {
  applyPermissionEvent,
  callAttemptSchema,
  callPermissionSchema,
  canPlaceCall,
  lineSchema,
  type Actor,
  type CallAttempt,
  type CallPermission,
  type CallRule,
  type PermissionLimits,
  type RuleRefusal,
  type WhatsAppLine,
} from '@callbot/shared';
import type { Database, SqlClient } from '../db.ts';
import type { Change } from './store.ts';

/** Why a line cannot place the call (besides the customer's permission rules). */
export type LineRule = 'line.notFound' | 'line.callsDisabled';

export type AttemptRefusal = RuleRefusal<CallRule | LineRule>;

export interface CallRules {
  limits: PermissionLimits;
  /** The workspace's IANA time zone: a day is a calendar day there (R14). */
  timeZone: string;
}

/** No time zone is more than a day off UTC: attempts older than this are never "today". */
const TWO_DAYS_MS = 2 * 24 * 3_600_000;

/** The customer's permission, its row locked until the transaction ends (null when none). */
export async function lockPermission(
  tx: SqlClient,
  ws: string,
  number: string,
): Promise<{ permission: CallPermission; revision: number } | null> {
  const { rows } = await tx.query<{ data: unknown; revision: number }>(
    'SELECT data, revision FROM ws_permissions WHERE workspace_id = $1 AND id = $2 FOR UPDATE',
    [ws, number],
  );
  const row = rows[0];
  return row
    ? { permission: callPermissionSchema.parse(row.data), revision: Number(row.revision) }
    : null;
}

/** Writes a record of the workspace's collections (its next revision), as the workspace store does. */
export async function writeRow(
  tx: SqlClient,
  table: 'ws_permissions' | 'ws_attempts',
  ws: string,
  id: string,
  data: unknown,
  by: Actor,
  at: number,
): Promise<number> {
  const { rows } = await tx.query<{ revision: number }>(
    `INSERT INTO ${table} (workspace_id, id, data, revision, updated_at, updated_by_id, updated_by_name)
     VALUES ($1, $2, $3, 1, $4, $5, $6)
     ON CONFLICT (workspace_id, id) DO UPDATE SET data = EXCLUDED.data,
       revision = ${table}.revision + 1, updated_at = EXCLUDED.updated_at,
       updated_by_id = EXCLUDED.updated_by_id, updated_by_name = EXCLUDED.updated_by_name
     RETURNING revision`,
    [ws, id, JSON.stringify(data), new Date(at).toISOString(), by.id, by.name],
  );
  return Number(rows[0]!.revision);
}

/** The WhatsApp line of the workspace with this number. */
async function whatsappLine(tx: SqlClient, ws: string, number: string) {
  const { rows } = await tx.query<{ data: unknown }>(
    `SELECT data FROM ws_lines WHERE workspace_id = $1 AND data ->> 'kind' = 'whatsapp' AND data ->> 'number' = $2`,
    [ws, number],
  );
  const line = rows[0] && lineSchema.parse(rows[0].data);
  return line?.kind === 'whatsapp' ? line : null;
}

export interface ReservedAttempt {
  attempt: CallAttempt;
  line: WhatsAppLine;
  changes: Change[];
}

/**
 * R13-R15 in one transaction: the line `from` may call, the customer
 * `number` allows a call now, and the attempt is recorded (it counts toward
 * the day's limit from now, answered or not). A refusal names the rule and,
 * for the daily limit, when the call can be tried again.
 */
export function reserveCallAttempt(
  db: Database,
  ws: string,
  input: { from: string; number: string; attemptId: string; at: number; by: Actor },
  rules: CallRules,
): Promise<{ ok: true; reserved: ReservedAttempt } | { ok: false; refusal: AttemptRefusal }> {
  const { from, number, attemptId, at, by } = input;
  return db.transaction(async (tx) => {
    const line = await whatsappLine(tx, ws, from);
    if (!line) {
      return refused('line.notFound', `${from} is not a WhatsApp line of this workspace.`);
    }
    if (!line.callsEnabled) {
      return refused(
        'line.callsDisabled',
        `Calls are not enabled on the WhatsApp line ${from}: enable them (with its checklist) before calling customers from it.`,
      );
    }
    const locked = await lockPermission(tx, ws, number);
    const { rows } = await tx.query<{ data: unknown }>(
      `SELECT data FROM ws_attempts WHERE workspace_id = $1 AND data ->> 'number' = $2
         AND (data ->> 'at')::bigint > $3`,
      [ws, number, at - TWO_DAYS_MS],
    );
    const attempts = rows.map((row) => callAttemptSchema.parse(row.data));
    const verdict = canPlaceCall(locked?.permission, attempts, at, rules.limits, rules.timeZone);
    if (!verdict.allowed) return { ok: false as const, refusal: verdict };
    // Unanswered until the call's status says otherwise: it counts either way.
    const attempt: CallAttempt = { id: attemptId, number, at, outcome: 'unanswered' };
    const revision = await writeRow(tx, 'ws_attempts', ws, attemptId, attempt, by, at);
    await tx.query(
      `INSERT INTO ws_outbound_calls (workspace_id, attempt_id, line_id, from_number, to_number, status, started_at)
       VALUES ($1, $2, $3, $4, $5, 'placing', $6)`,
      [ws, attemptId, line.id, from, number, new Date(at).toISOString()],
    );
    return {
      ok: true as const,
      reserved: { attempt, line, changes: [{ table: 'attempts', id: attemptId, revision }] },
    };
  });

  function refused(rule: LineRule, message: string) {
    return { ok: false as const, refusal: { allowed: false as const, rule, message } };
  }
}

/** The provider placed the call: its id, to match its status callbacks. */
export async function attachCall(
  db: Database,
  ws: string,
  attemptId: string,
  callId: string,
): Promise<void> {
  await db.query(
    `UPDATE ws_outbound_calls SET call_id = $3, status = 'ringing' WHERE workspace_id = $1 AND attempt_id = $2`,
    [ws, attemptId, callId],
  );
}

/** The provider refused to place the call: no call happened, so the attempt does not count. */
export function abandonAttempt(db: Database, ws: string, attemptId: string): Promise<Change[]> {
  return db.transaction(async (tx) => {
    await tx.query('DELETE FROM ws_outbound_calls WHERE workspace_id = $1 AND attempt_id = $2', [
      ws,
      attemptId,
    ]);
    const { count } = await tx.query(
      'DELETE FROM ws_attempts WHERE workspace_id = $1 AND id = $2',
      [ws, attemptId],
    );
    return count > 0 ? [{ table: 'attempts', id: attemptId, revision: 0 }] : [];
  });
}

/**
 * A placed call ended (or was answered): its record is closed, the
 * attempt's outcome set, and the customer's permission told (the platform
 * rules count unanswered calls in a row). Inside the caller's transaction;
 * a call already closed, or unknown, changes nothing.
 */
export async function closeCall(
  tx: SqlClient,
  ws: string,
  input: {
    callId: string;
    status: 'answered' | 'unanswered' | 'failed';
    failureReason: string | null;
    at: number;
  },
  limits: PermissionLimits,
  by: Actor,
): Promise<{ closed: boolean; changes: Change[] }> {
  const { rows } = await tx.query<{ attempt_id: string; to_number: string; status: string }>(
    `SELECT attempt_id, to_number, status FROM ws_outbound_calls
       WHERE workspace_id = $1 AND call_id = $2 FOR UPDATE`,
    [ws, input.callId],
  );
  const call = rows[0];
  if (!call || !['placing', 'ringing'].includes(call.status)) return { closed: false, changes: [] };
  await tx.query(
    `UPDATE ws_outbound_calls SET status = $3, failure_reason = $4, ended_at = $5
       WHERE workspace_id = $1 AND attempt_id = $2`,
    [ws, call.attempt_id, input.status, input.failureReason, new Date(input.at).toISOString()],
  );
  const changes: Change[] = [];
  const locked = await lockPermission(tx, ws, call.to_number);
  const { rows: attemptRows } = await tx.query<{ data: unknown }>(
    'SELECT data FROM ws_attempts WHERE workspace_id = $1 AND id = $2',
    [ws, call.attempt_id],
  );
  const outcome = input.status === 'answered' ? 'answered' : 'unanswered';
  if (attemptRows[0]) {
    const attempt = { ...callAttemptSchema.parse(attemptRows[0].data), outcome };
    const revision = await writeRow(tx, 'ws_attempts', ws, attempt.id, attempt, by, input.at);
    changes.push({ table: 'attempts', id: attempt.id, revision });
  }
  if (locked) {
    const applied = applyPermissionEvent(
      locked.permission,
      { type: 'callAttempt', at: input.at, outcome },
      limits,
    );
    if (applied.ok && applied.permission !== locked.permission) {
      const id = call.to_number;
      const revision = await writeRow(
        tx,
        'ws_permissions',
        ws,
        id,
        applied.permission,
        by,
        input.at,
      );
      changes.push({ table: 'permissions', id, revision });
    }
  }
  return { closed: true, changes };
}
