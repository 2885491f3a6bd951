/**
 * Backups of the server's database, PGlite or PostgreSQL alike, as one plain
 * SQL file that `psql` restores too. It holds the data of every table (not
 * the schema: the server's migrations make that), guarded by the schema
 * version it was taken at, and it replaces the data of the database it is
 * restored into in one transaction.
 *
 * Each statement is one line: a table's rows go in batches through
 * `json_populate_recordset`, so every column type (jsonb, timestamps, bytea)
 * comes back as it was, whatever the driver.
 */
import type { Database, SqlClient } from './db.ts';
import { migrate, SCHEMA_VERSION } from './schema.ts';

export const BACKUP_HEADER = '-- callbot-server backup';
/** Rows per INSERT statement. */
const BATCH = 200;

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The data tables (all but the migrations' own), parents before the tables that refer to them. */
async function tablesInOrder(db: SqlClient): Promise<string[]> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
     WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename`,
  );
  const { rows: links } = await db.query<{ child: string; parent: string }>(
    `SELECT child.relname AS child, parent.relname AS parent
     FROM pg_constraint c
     JOIN pg_class child ON child.oid = c.conrelid
     JOIN pg_class parent ON parent.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  for (const { child, parent } of links) if (child !== parent) parents.get(child)?.add(parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  const place = (name: string, path: Set<string>) => {
    if (placed.has(name) || path.has(name)) return;
    path.add(name);
    for (const parent of parents.get(name) ?? []) place(parent, path);
    placed.add(name);
    ordered.push(name);
  };
  for (const { name } of tables) place(name, new Set());
  return ordered;
}

/**
 * The database's data as SQL text (see the module's comment).
 *
 * @example
 * writeFileSync('backup.sql', await dumpDatabase(db, new Date()));
 */
export async function dumpDatabase(db: Database, at: Date): Promise<string> {
  const version = await schemaVersion(db);
  const out: string[] = [
    `${BACKUP_HEADER} taken ${at.toISOString()} at schema version ${version}.`,
    '-- Restore: npm run restore --workspace @callbot/server -- <this file>, or',
    '-- psql -v ON_ERROR_STOP=1 -f <this file> on a database the server has migrated (started once).',
    'SET standard_conforming_strings = on;',
    'BEGIN;',
    `DO $$ BEGIN IF (SELECT max(version) FROM schema_migrations) IS DISTINCT FROM ${version} THEN RAISE EXCEPTION 'This backup is of schema version ${version}: restore it into a database at that version.'; END IF; END $$;`,
  ];
  // One snapshot of every table (a backup taken while the server runs on PostgreSQL is consistent).
  await db.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await tablesInOrder(tx);
    out.push(`TRUNCATE ${tables.map(ident).join(', ')};`);
    for (const table of tables) {
      const { rows } = await tx.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM ${ident(table)} t`,
      );
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = `[${rows
          .slice(i, i + BATCH)
          .map((r) => r.row)
          .join(',')}]`;
        out.push(
          `INSERT INTO ${ident(table)} OVERRIDING SYSTEM VALUE SELECT * FROM json_populate_recordset(NULL::${ident(table)}, ${literal(batch)});`,
        );
      }
    }
    const { rows: counters } = await tx.query<{ table: string; column: string }>(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns
       WHERE table_schema = 'public' AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')
       ORDER BY table_name, column_name`,
    );
    for (const { table, column } of counters) {
      out.push(
        `SELECT setval(pg_get_serial_sequence(${literal(ident(table))}, ${literal(column)}), (SELECT COALESCE(max(${ident(column)}), 0) + 1 FROM ${ident(table)}), false);`,
      );
    }
  });
  out.push('COMMIT;', '');
  return out.join('\n');
}

async function schemaVersion(db: SqlClient): Promise<number> {
  const { rows } = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  return Number(rows[0]?.version ?? 0);
}

export class BackupError extends Error {
  override readonly name = 'BackupError';
}

/**
 * Replaces the database's data with a backup's, in one transaction: the
 * database is migrated first (an empty one gets the schema), and a backup of
 * another schema version is refused before anything is written.
 *
 * @returns how many statements ran
 */
export async function restoreDatabase(db: Database, text: string): Promise<{ statements: number }> {
  if (!text.startsWith(BACKUP_HEADER)) {
    throw new BackupError(
      'This file is not a callbot-server backup (its first line says what it is).',
    );
  }
  const taken = /at schema version (\d+)\./.exec(text.slice(0, text.indexOf('\n')))?.[1];
  await migrate(db);
  if (Number(taken) !== SCHEMA_VERSION) {
    throw new BackupError(
      `This backup is of schema version ${taken ?? '?'}; this server's is ${SCHEMA_VERSION}. Restore it with the server version that took it.`,
    );
  }
  const statements = text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('--'))
    .filter((line) => line !== 'BEGIN;' && line !== 'COMMIT;');
  if (!text.trimEnd().endsWith('COMMIT;')) {
    throw new BackupError(
      'This backup is cut short (it does not end with COMMIT): nothing was restored.',
    );
  }
  await db.transaction(async (tx) => {
    for (const statement of statements) await tx.query(statement.slice(0, -1));
  });
  return { statements: statements.length };
}
