/**
 * The base-revision check of a record's or the settings' write (`If-Match`,
 * see `shared/src/api/records.ts`): run inside the write's transaction, it
 * refuses with 409 naming who changed the record and when, before anything
 * is written.
 */
import type { SqlClient } from '../db.ts';
import { WorkspaceError } from './store.ts';

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

/**
 * Refuses the write unless the stored revision is `base` (0: the record must
 * not exist). `table` is a fixed table name, never one built from a request;
 * `where` picks the one row (`workspace_id = $1 AND id = $2`).
 */
export async function checkBaseRevision(
  tx: SqlClient,
  table: string,
  where: string,
  params: unknown[],
  base: number,
  what: string,
): Promise<void> {
  const { rows } = await tx.query<{
    revision: number;
    updated_at: unknown;
    updated_by_name: string;
  }>(
    `SELECT revision, updated_at, updated_by_name FROM ${table} WHERE ${where} FOR UPDATE`,
    params,
  );
  const row = rows[0];
  const revision = row ? Number(row.revision) : 0;
  if (revision === base) return;
  if (!row) {
    throw new WorkspaceError(
      404,
      'not_found',
      `${what} was deleted since revision ${base}; nothing was written.`,
    );
  }
  const name = String(row.updated_by_name);
  const updatedAt = iso(row.updated_at);
  throw new WorkspaceError(
    409,
    'revision_conflict',
    base === 0
      ? `${what} already exists: ${name} saved it (revision ${revision}); nothing was written.`
      : `${name} changed ${what.charAt(0).toLowerCase()}${what.slice(1)} (revision ${revision}) since revision ${base}; nothing was written.`,
    { revision, updatedBy: { name }, updatedAt },
  );
}
