/**
 * The database schema, as numbered migrations applied in order at start.
 * Applying them is idempotent, and several instances starting at once on one
 * PostgreSQL take turns (an advisory lock), so each migration runs once.
 * Add a migration at the end; never edit one that has shipped.
 */
import type { Database } from './db.ts';
import { PROVIDER_MIGRATION } from './provider/migration.ts';
import { SANDBOX_MIGRATION, SANDBOX_VERIFIED_MIGRATION } from './provider/sandboxStore.ts';
import {
  CALLS_MIGRATION,
  CALLS_QUARTER_HOUR_MIGRATION,
  CALLS_VERSION_INDEX_MIGRATION,
} from './calls/migration.ts';
import { WORKSPACE_BOTS_MIGRATION } from './workspace/botsMigration.ts';
import { WORKSPACE_MIGRATION } from './workspace/migration.ts';
import { PUBLISH_MIGRATION } from './workspace/publishMigration.ts';

const MIGRATIONS: readonly string[] = [
  // 1: callbots and their versions, lines, teams, fallback bots, calls and their events.
  `
  CREATE TABLE callbots (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE TABLE callbot_versions (
    callbot_id text NOT NULL REFERENCES callbots (id),
    version integer NOT NULL,
    flow jsonb NOT NULL,
    fingerprint text NOT NULL,
    note text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    PRIMARY KEY (callbot_id, version)
  );
  CREATE TABLE lines (
    number text PRIMARY KEY,
    callbot_id text NOT NULL,
    version integer NOT NULL,
    assigned_at timestamptz NOT NULL,
    FOREIGN KEY (callbot_id, version) REFERENCES callbot_versions (callbot_id, version)
  );
  CREATE TABLE teams (
    id text PRIMARY KEY,
    target text NOT NULL,
    agents_available integer NOT NULL DEFAULT 0,
    is_default boolean NOT NULL DEFAULT false
  );
  CREATE UNIQUE INDEX teams_one_default ON teams (is_default) WHERE is_default;
  CREATE TABLE bots (
    id text PRIMARY KEY,
    target text NOT NULL
  );
  CREATE TABLE calls (
    sid text PRIMARY KEY,
    line text NOT NULL,
    caller text NOT NULL,
    callbot_id text,
    version integer,
    default_team text,
    status text NOT NULL,
    step integer NOT NULL,
    session jsonb NOT NULL,
    listen jsonb,
    last_twiml text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE TABLE call_events (
    sid text NOT NULL REFERENCES calls (sid) ON DELETE CASCADE,
    seq integer NOT NULL,
    step integer NOT NULL,
    at timestamptz NOT NULL,
    line jsonb NOT NULL,
    PRIMARY KEY (sid, seq)
  );
  `,
  // 2: what keeps calls right through faults and out-of-order callbacks: the call's direction,
  // an end the provider reported while the call waited for something else (applied after it),
  // whether it waits for a transfer's outcome, the rest of an answer split in parts (TwiML has
  // a size limit), and an index for the sweep of calls nobody finished.
  `
  ALTER TABLE calls ADD COLUMN direction text NOT NULL DEFAULT 'inbound';
  ALTER TABLE calls ADD COLUMN pending_end text;
  ALTER TABLE calls ADD COLUMN awaiting_transfer boolean NOT NULL DEFAULT false;
  ALTER TABLE calls ADD COLUMN more_twiml jsonb;
  CREATE INDEX calls_open ON calls (updated_at) WHERE status = 'in_progress';
  `,
  // 3: accounts (issue 14): users, workspaces and their members with a role, sessions, invitations,
  // per-user per-workspace API tokens and failed logins (throttling shared by every instance).
  // Secrets (session ids, invitation and API tokens) are kept as SHA-256 hashes, passwords as scrypt.
  `
  CREATE TABLE users (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    password_hash text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE TABLE workspaces (
    id text PRIMARY KEY,
    name text NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE TABLE members (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('viewer', 'trainer', 'editor', 'owner')),
    joined_at timestamptz NOT NULL,
    PRIMARY KEY (workspace_id, user_id)
  );
  CREATE INDEX members_user ON members (user_id);
  CREATE TABLE sessions (
    id_hash text PRIMARY KEY,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX sessions_user ON sessions (user_id);
  CREATE TABLE invitations (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    role text NOT NULL CHECK (role IN ('viewer', 'trainer', 'editor', 'owner')),
    created_by text NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    used_by text REFERENCES users (id)
  );
  CREATE TABLE api_tokens (
    id text PRIMARY KEY,
    token_hash text NOT NULL UNIQUE,
    user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name text NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz
  );
  CREATE TABLE login_failures (
    key text NOT NULL,
    at timestamptz NOT NULL
  );
  CREATE INDEX login_failures_key ON login_failures (key, at);
  `,
  // 4: the workspace's flows, versions, test cases, records and settings (issue 14).
  WORKSPACE_MIGRATION,
  // 5: which workspace a call belongs to (null for lines set up through the server-wide API) and
  // its channel: 'line' (a phone line), 'whatsapp' or 'sip'.
  `
  ALTER TABLE calls ADD COLUMN workspace_id text;
  ALTER TABLE calls ADD COLUMN channel text NOT NULL DEFAULT 'line';
  `,
  // 6: the calls page (issue 16): a call's end figures, the list's indexes, analytics counters,
  // call-record settings and the redaction of caller speech (server/src/calls/migration.ts).
  CALLS_MIGRATION,
  // 7: the calls list's index by callbot and version (server/src/calls/migration.ts).
  CALLS_VERSION_INDEX_MIGRATION,
  // 8: a workspace's published versions, the live one of each flow, the teams' routing.
  PUBLISH_MIGRATION,
  // 9: the provider: credentials, provider events, number orders, permission origins, outbound calls.
  PROVIDER_MIGRATION,
  // 10: the workspace's bots, which fallback-bot nodes pick (issue 14).
  WORKSPACE_BOTS_MIGRATION,
  // 11: the sandbox provider's orders and id counter, resumed on restart (server/src/provider/sandboxStore.ts).
  SANDBOX_MIGRATION,
  // 12: the analytics counters per quarter hour, exact in half-hour zones (server/src/calls/migration.ts).
  CALLS_QUARTER_HOUR_MIGRATION,
  // 13: the WhatsApp numbers the sandbox provider verified, kept across restarts (server/src/provider/sandboxStore.ts).
  SANDBOX_VERIFIED_MIGRATION,
];

/** The schema version this code expects. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** A number no other application's advisory lock is likely to use. */
const LOCK_ID = 7_210_414;

/**
 * Brings the database up to `SCHEMA_VERSION`; refuses a database made by a
 * newer server rather than touching it.
 */
export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > SCHEMA_VERSION) {
      throw new Error(
        `The database is at schema version ${current}, newer than this server's ${SCHEMA_VERSION}: upgrade the server.`,
      );
    }
    for (let version = current + 1; version <= SCHEMA_VERSION; version++) {
      for (const statement of statements(MIGRATIONS[version - 1]!)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
    }
  });
}

/**
 * A migration's statements, one by one (both drivers take one statement per
 * query): split at semicolons, except inside `$$`-quoted function bodies.
 */
function statements(migration: string): string[] {
  const done: string[] = [];
  let current = '';
  migration.split('$$').forEach((part, i) => {
    if (i % 2 === 1) {
      current += `$$${part}$$`;
      return;
    }
    const [first, ...rest] = part.split(';');
    current += first;
    for (const next of rest) {
      done.push(current);
      current = next;
    }
  });
  done.push(current);
  return done.map((s) => s.trim()).filter((s) => s !== '');
}
