/**
 * The calls' scheduled job, safe with several instances on one database:
 * each run finishes ended calls not finished yet (`finish.ts`), then
 * deletes, workspace by workspace and in batches, the calls older than the
 * workspace's retention, and the server-wide lines' calls (no workspace)
 * older than the server's (with their events; the analytics counters stay,
 * they name no one). A batch is one short transaction that first takes a
 * transaction-level advisory lock without waiting: an instance that does not
 * get it leaves the work to the one that has it. Time comes from an injected
 * clock, and the job never schedules itself (the caller runs it on a timer).
 */
import { defaultCallSettings } from '@callbot/shared';
import type { Database } from '../db.ts';
import { finishPending } from './finish.ts';

/** Calls deleted per transaction: short enough not to hold the webhooks' writes up. */
export const RETENTION_BATCH = 1000;
/** The job's advisory lock key (with the server's others: 7_210_41x). */
export const RETENTION_LOCK = 7_210_470;
const DAY_MS = 86_400_000;

export interface CallJobResult {
  finished: number;
  deleted: number;
  /** False when another instance held the lock (it does the work). */
  ran: boolean;
}

/**
 * One run at `now` (epoch ms). `serverWideDays` is how long the calls of
 * server-wide lines are kept (they belong to no workspace, so no workspace's
 * setting applies; `CALLBOT_CALL_RETENTION_DAYS`).
 *
 * @example
 * const timer = setInterval(() => void runCallJobs(db, Date.now(), { serverWideDays: 90 }), 60_000);
 */
export async function runCallJobs(
  db: Database,
  now: number,
  {
    batch = RETENTION_BATCH,
    serverWideDays = defaultCallSettings.retentionDays,
  }: { batch?: number; serverWideDays?: number } = {},
): Promise<CallJobResult> {
  const finished = await finishPending(db);
  const { rows: workspaces } = await db.query<{ id: string; days: number }>(
    `SELECT w.id, coalesce(s.retention_days, $1) AS days
     FROM workspaces w LEFT JOIN call_settings s ON s.workspace_id = w.id ORDER BY w.id`,
    [defaultCallSettings.retentionDays],
  );
  const scopes: { id: string | null; days: number }[] = [
    ...workspaces,
    { id: null, days: serverWideDays },
  ];
  let deleted = 0;
  for (const { id, days } of scopes) {
    const before = new Date(now - days * DAY_MS).toISOString();
    for (;;) {
      const count = await db.transaction(async (tx) => {
        const { rows } = await tx.query<{ locked: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1) AS locked',
          [RETENTION_LOCK],
        );
        if (!rows[0]!.locked) return null;
        // `= $1` or `IS NULL`, never `IS NOT DISTINCT FROM`: both read the (workspace, start) index.
        const gone = await tx.query(
          `DELETE FROM calls WHERE sid IN (
             SELECT sid FROM calls WHERE ${id === null ? '$1::text IS NULL AND workspace_id IS NULL' : 'workspace_id = $1'}
               AND created_at < $2 AND status <> 'in_progress'
             ORDER BY created_at LIMIT $3)`,
          [id, before, batch],
        );
        return gone.count;
      });
      if (count === null) return { finished, deleted, ran: false };
      deleted += count;
      if (count < batch) break;
    }
  }
  return { finished, deleted, ran: true };
}
