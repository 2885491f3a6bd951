/**
 * Accounts on the database: users, workspaces and their members, sessions,
 * invitations, API tokens and failed logins. The same SQL on PGlite and
 * PostgreSQL; changes that must not race (the first account, the last owner,
 * an invitation's single use) run in one transaction that locks what it
 * reads. Secrets arrive here in clear and are stored as SHA-256 hashes.
 */
import { randomUUID } from 'node:crypto';
import {
  sameName,
  type Member,
  type Role,
  type User,
  type WorkspaceSummary,
  type InvitationSummary,
} from '@callbot/shared';
import type { Database, SqlClient } from './db.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** How long things last. */
export const SESSION_TTL_MS = 14 * 24 * 3600_000;
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
/** A session's last-seen time is written at most this often. */
const SEEN_EVERY_MS = 60_000;

/** A lock id for the first account (other than the schema's). */
const SETUP_LOCK_ID = 7_210_415;
/** Serialises one person's token creations in one workspace (names are unique there). */
const TOKEN_LOCK_ID = 7_210_416;

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
const ts = (ms: number): string => new Date(ms).toISOString();
const ms = (value: unknown): number =>
  value instanceof Date ? value.getTime() : new Date(String(value)).getTime();

const toUser = (r: Record<string, unknown>): User => ({
  id: r.id as string,
  email: r.email as string,
  name: r.name as string,
});

export interface SessionRecord {
  user: User;
  csrfToken: string;
}

export interface TokenCaller {
  user: User;
  workspaceId: string;
  role: Role;
}

export type MembershipChange = 'ok' | 'not_found' | 'last_owner';

export type AcceptResult =
  | { ok: true; userId: string }
  | { ok: false; error: 'not_found' | 'already_member' | 'email_taken' };

export interface AccountStore {
  hasUsers(): Promise<boolean>;
  /**
   * The first account and its workspace, in one transaction that takes a
   * lock first: of many attempts at once exactly one creates it; the others
   * (and any later one) get null.
   */
  setup(input: {
    email: string;
    name: string;
    passwordHash: string;
    workspaceName: string;
    at: number;
  }): Promise<{ userId: string; workspaceId: string } | null>;
  findUserByEmail(email: string): Promise<(User & { passwordHash: string }) | null>;

  /** A new session: the secret for the cookie and its CSRF token. */
  createSession(userId: string, at: number): Promise<{ secret: string; csrfToken: string }>;
  /** The session's user, or null when unknown or expired. */
  session(secret: string, at: number): Promise<SessionRecord | null>;
  deleteSession(secret: string): Promise<void>;
  /** The token's user, workspace and role now; null when unknown, revoked, or no longer a member. */
  tokenCaller(secret: string, at: number): Promise<TokenCaller | null>;

  workspacesOf(userId: string): Promise<WorkspaceSummary[]>;
  /** The user's role in the workspace with its name, or null when not a member (or no such workspace). */
  membership(workspaceId: string, userId: string): Promise<WorkspaceSummary | null>;
  createWorkspace(userId: string, name: string, at: number): Promise<WorkspaceSummary>;
  renameWorkspace(workspaceId: string, name: string): Promise<void>;

  members(workspaceId: string): Promise<Member[]>;
  setRole(workspaceId: string, userId: string, role: Role): Promise<MembershipChange>;
  /** Removes a member and revokes their tokens in that workspace. */
  removeMember(workspaceId: string, userId: string, at: number): Promise<MembershipChange>;

  invitations(workspaceId: string, at: number): Promise<InvitationSummary[]>;
  createInvitation(input: {
    workspaceId: string;
    role: Role;
    createdBy: string;
    at: number;
  }): Promise<{ id: string; token: string; expiresAt: string }>;
  deleteInvitation(workspaceId: string, id: string): Promise<boolean>;
  /** An invitation still open, or null (unknown, used or expired). */
  previewInvitation(
    token: string,
    at: number,
  ): Promise<{ workspaceName: string; role: Role; expiresAt: string } | null>;
  /** Uses the invitation, once: the signed-in `userId` joins, or the new account is made. */
  acceptInvitation(
    token: string,
    at: number,
    who: { userId: string } | { email: string; name: string; passwordHash: string },
  ): Promise<AcceptResult>;

  listTokens(
    workspaceId: string,
    userId: string,
  ): Promise<{ id: string; name: string; createdAt: string; lastUsedAt: string | null }[]>;
  /**
   * A new token of the user in the workspace; refused (`existing`) when one of their tokens
   * there that is not revoked has the same name (`sameName`): they could not be told apart.
   */
  createToken(
    workspaceId: string,
    userId: string,
    name: string,
    at: number,
  ): Promise<
    | { ok: true; id: string; name: string; createdAt: string; token: string }
    | { ok: false; existing: { id: string; name: string } }
  >;
  /** Revokes a token of the workspace: the caller's own, or anyone's when `anyUser`. */
  revokeToken(
    workspaceId: string,
    id: string,
    by: { userId: string; anyUser: boolean },
    at: number,
  ): Promise<boolean>;

  /** Failed logins per key since `since`: how many, and the oldest one's time. */
  failures(keys: string[], since: number): Promise<Map<string, { count: number; oldest: number }>>;
  recordFailure(keys: string[], at: number, forgetBefore: number): Promise<void>;
  clearFailures(key: string): Promise<void>;
}

/**
 * The account store on a migrated database (see `createStore`, which migrates).
 *
 * @example
 * const db = await openPglite();
 * await createStore(db);
 * const accounts = createAccountStore(db);
 */
export function createAccountStore(db: Database): AccountStore {
  async function addMember(tx: SqlClient, ws: string, user: string, role: Role, at: number) {
    await tx.query(
      'INSERT INTO members (workspace_id, user_id, role, joined_at) VALUES ($1, $2, $3, $4)',
      [ws, user, role, ts(at)],
    );
  }
  async function insertUser(
    tx: SqlClient,
    u: { email: string; name: string; passwordHash: string },
    at: number,
  ): Promise<string> {
    const id = randomUUID();
    await tx.query(
      'INSERT INTO users (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      [id, u.email, u.name, u.passwordHash, ts(at)],
    );
    return id;
  }
  async function insertWorkspace(tx: SqlClient, name: string, at: number): Promise<string> {
    const id = randomUUID();
    await tx.query('INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, $3)', [
      id,
      name,
      ts(at),
    ]);
    return id;
  }

  /** Locks the workspace's members, then checks that the change keeps an owner. */
  async function changeMember(
    ws: string,
    userId: string,
    change: (tx: SqlClient, current: Role) => Promise<Role | null>,
  ): Promise<MembershipChange> {
    return db
      .transaction(async (tx) => {
        // The workspace row is the lock: two owners demoting each other at once take turns.
        const locked = await tx.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [ws]);
        if (locked.rows.length === 0) return 'not_found';
        const { rows } = await tx.query<{ user_id: string; role: Role }>(
          'SELECT user_id, role FROM members WHERE workspace_id = $1',
          [ws],
        );
        const target = rows.find((r) => r.user_id === userId);
        if (!target) return 'not_found';
        const owners = rows.filter((r) => r.role === 'owner').length;
        const next = await change(tx, target.role);
        if (target.role === 'owner' && next !== 'owner' && owners <= 1) {
          throw new LastOwner();
        }
        return 'ok';
      })
      .catch((error: unknown) => {
        if (error instanceof LastOwner) return 'last_owner';
        throw error;
      });
  }

  return {
    async hasUsers() {
      const { rows } = await db.query('SELECT 1 FROM users LIMIT 1');
      return rows.length > 0;
    },

    setup(input) {
      return db.transaction(async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [SETUP_LOCK_ID]);
        const { rows } = await tx.query('SELECT 1 FROM users LIMIT 1');
        if (rows.length > 0) return null;
        const userId = await insertUser(tx, input, input.at);
        const workspaceId = await insertWorkspace(tx, input.workspaceName, input.at);
        await addMember(tx, workspaceId, userId, 'owner', input.at);
        return { userId, workspaceId };
      });
    },

    async findUserByEmail(email) {
      const { rows } = await db.query(
        'SELECT id, email, name, password_hash FROM users WHERE email = $1',
        [email],
      );
      const r = rows[0];
      return r ? { ...toUser(r), passwordHash: r.password_hash as string } : null;
    },

    async createSession(userId, at) {
      const secret = newSecret();
      const csrfToken = newSecret();
      // The user's expired sessions go as a new one comes: the table keeps what can still be used.
      await db.query('DELETE FROM sessions WHERE user_id = $1 AND expires_at <= $2', [
        userId,
        ts(at),
      ]);
      await db.query(
        `INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)`,
        [hashSecret(secret), userId, csrfToken, ts(at), ts(at + SESSION_TTL_MS)],
      );
      return { secret, csrfToken };
    },

    async session(secret, at) {
      const hash = hashSecret(secret);
      const { rows } = await db.query(
        `SELECT u.id, u.email, u.name, s.csrf_token, s.last_seen_at FROM sessions s
         JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1 AND s.expires_at > $2`,
        [hash, ts(at)],
      );
      const r = rows[0];
      if (!r) return null;
      if (at - ms(r.last_seen_at) >= SEEN_EVERY_MS) {
        await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [hash, ts(at)]);
      }
      return { user: toUser(r), csrfToken: r.csrf_token as string };
    },

    async deleteSession(secret) {
      await db.query('DELETE FROM sessions WHERE id_hash = $1', [hashSecret(secret)]);
    },

    async tokenCaller(secret, at) {
      const hash = hashSecret(secret);
      // Joined with the membership: a member removed (or demoted) is seen at once.
      const { rows } = await db.query(
        `SELECT u.id, u.email, u.name, t.workspace_id, m.role, t.last_used_at FROM api_tokens t
         JOIN users u ON u.id = t.user_id
         JOIN members m ON m.workspace_id = t.workspace_id AND m.user_id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
        [hash],
      );
      const r = rows[0];
      if (!r) return null;
      if (r.last_used_at === null || at - ms(r.last_used_at) >= SEEN_EVERY_MS) {
        await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1', [
          hash,
          ts(at),
        ]);
      }
      return { user: toUser(r), workspaceId: r.workspace_id as string, role: r.role as Role };
    },

    async workspacesOf(userId) {
      const { rows } = await db.query(
        `SELECT w.id, w.name, m.role FROM members m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.user_id = $1 ORDER BY lower(w.name), w.id`,
        [userId],
      );
      return rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        role: r.role as Role,
      }));
    },

    async membership(workspaceId, userId) {
      const { rows } = await db.query(
        `SELECT w.id, w.name, m.role FROM members m JOIN workspaces w ON w.id = m.workspace_id
         WHERE m.workspace_id = $1 AND m.user_id = $2`,
        [workspaceId, userId],
      );
      const r = rows[0];
      return r ? { id: r.id as string, name: r.name as string, role: r.role as Role } : null;
    },

    createWorkspace(userId, name, at) {
      return db.transaction(async (tx) => {
        const id = await insertWorkspace(tx, name, at);
        await addMember(tx, id, userId, 'owner', at);
        return { id, name, role: 'owner' as const };
      });
    },

    async renameWorkspace(workspaceId, name) {
      await db.query('UPDATE workspaces SET name = $2 WHERE id = $1', [workspaceId, name]);
    },

    async members(workspaceId) {
      const { rows } = await db.query(
        `SELECT u.id, u.email, u.name, m.role FROM members m JOIN users u ON u.id = m.user_id
         WHERE m.workspace_id = $1 ORDER BY lower(u.name), u.id`,
        [workspaceId],
      );
      return rows.map((r) => ({
        userId: r.id as string,
        email: r.email as string,
        name: r.name as string,
        role: r.role as Role,
      }));
    },

    setRole(workspaceId, userId, role) {
      return changeMember(workspaceId, userId, async (tx) => {
        await tx.query('UPDATE members SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [
          workspaceId,
          userId,
          role,
        ]);
        return role;
      });
    },

    removeMember(workspaceId, userId, at) {
      return changeMember(workspaceId, userId, async (tx) => {
        await tx.query('DELETE FROM members WHERE workspace_id = $1 AND user_id = $2', [
          workspaceId,
          userId,
        ]);
        await tx.query(
          `UPDATE api_tokens SET revoked_at = $3
           WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL`,
          [workspaceId, userId, ts(at)],
        );
        return null;
      });
    },

    async invitations(workspaceId, at) {
      const { rows } = await db.query(
        `SELECT i.id, i.role, i.created_at, i.expires_at, u.name FROM invitations i
         JOIN users u ON u.id = i.created_by
         WHERE i.workspace_id = $1 AND i.used_at IS NULL AND i.expires_at > $2
         ORDER BY i.created_at, i.id`,
        [workspaceId, ts(at)],
      );
      return rows.map((r) => ({
        id: r.id as string,
        role: r.role as Role,
        createdAt: iso(r.created_at),
        expiresAt: iso(r.expires_at),
        createdBy: r.name as string,
      }));
    },

    async createInvitation({ workspaceId, role, createdBy, at }) {
      const id = randomUUID();
      const token = newSecret();
      const expiresAt = ts(at + INVITATION_TTL_MS);
      await db.query(
        `INSERT INTO invitations (id, token_hash, workspace_id, role, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [id, hashSecret(token), workspaceId, role, createdBy, ts(at), expiresAt],
      );
      return { id, token, expiresAt };
    },

    async deleteInvitation(workspaceId, id) {
      const { count } = await db.query(
        'DELETE FROM invitations WHERE workspace_id = $1 AND id = $2 AND used_at IS NULL',
        [workspaceId, id],
      );
      return count > 0;
    },

    async previewInvitation(token, at) {
      const { rows } = await db.query(
        `SELECT w.name, i.role, i.expires_at FROM invitations i JOIN workspaces w ON w.id = i.workspace_id
         WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2`,
        [hashSecret(token), ts(at)],
      );
      const r = rows[0];
      return r
        ? { workspaceName: r.name as string, role: r.role as Role, expiresAt: iso(r.expires_at) }
        : null;
    },

    acceptInvitation(token, at, who) {
      return db.transaction(async (tx): Promise<AcceptResult> => {
        // Locked: two accepts of one link at once take turns, and the second finds it used.
        const { rows } = await tx.query<{ id: string; workspace_id: string; role: Role }>(
          `SELECT id, workspace_id, role FROM invitations
           WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 FOR UPDATE`,
          [hashSecret(token), ts(at)],
        );
        const invitation = rows[0];
        if (!invitation) return { ok: false, error: 'not_found' };
        let userId: string;
        if ('userId' in who) {
          userId = who.userId;
          const member = await tx.query(
            'SELECT 1 FROM members WHERE workspace_id = $1 AND user_id = $2',
            [invitation.workspace_id, userId],
          );
          if (member.rows.length > 0) return { ok: false, error: 'already_member' };
        } else {
          const taken = await tx.query('SELECT 1 FROM users WHERE email = $1', [who.email]);
          if (taken.rows.length > 0) return { ok: false, error: 'email_taken' };
          userId = await insertUser(tx, who, at);
        }
        await addMember(tx, invitation.workspace_id, userId, invitation.role, at);
        await tx.query('UPDATE invitations SET used_at = $2, used_by = $3 WHERE id = $1', [
          invitation.id,
          ts(at),
          userId,
        ]);
        return { ok: true, userId };
      });
    },

    async listTokens(workspaceId, userId) {
      const { rows } = await db.query(
        `SELECT id, name, created_at, last_used_at FROM api_tokens
         WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL ORDER BY created_at, id`,
        [workspaceId, userId],
      );
      return rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        createdAt: iso(r.created_at),
        lastUsedAt: r.last_used_at === null ? null : iso(r.last_used_at),
      }));
    },

    createToken(workspaceId, userId, name, at) {
      return db.transaction(async (tx) => {
        // Locked: two creations of one name at once take turns, and the second finds the first.
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          TOKEN_LOCK_ID,
          `${workspaceId}\n${userId}`,
        ]);
        const { rows } = await tx.query<{ id: string; name: string }>(
          `SELECT id, name FROM api_tokens
           WHERE workspace_id = $1 AND user_id = $2 AND revoked_at IS NULL ORDER BY created_at, id`,
          [workspaceId, userId],
        );
        const existing = rows.find((r) => sameName(r.name, name));
        if (existing) return { ok: false, existing: { id: existing.id, name: existing.name } };
        const id = randomUUID();
        const token = newSecret();
        await tx.query(
          `INSERT INTO api_tokens (id, token_hash, user_id, workspace_id, name, created_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, hashSecret(token), userId, workspaceId, name, ts(at)],
        );
        return { ok: true, id, name, createdAt: ts(at), token };
      });
    },

    async revokeToken(workspaceId, id, by, at) {
      const { count } = await db.query(
        `UPDATE api_tokens SET revoked_at = $4
         WHERE workspace_id = $1 AND id = $2 AND revoked_at IS NULL AND ($3::text IS NULL OR user_id = $3)`,
        [workspaceId, id, by.anyUser ? null : by.userId, ts(at)],
      );
      return count > 0;
    },

    async failures(keys, since) {
      const { rows } = await db.query(
        `SELECT key, count(*)::int AS count, min(at) AS oldest FROM login_failures
         WHERE key = ANY($1::text[]) AND at > $2 GROUP BY key`,
        [keys, ts(since)],
      );
      return new Map(
        rows.map((r) => [r.key as string, { count: r.count as number, oldest: ms(r.oldest) }]),
      );
    },

    async recordFailure(keys, at, forgetBefore) {
      await db.transaction(async (tx) => {
        for (const key of keys) {
          await tx.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, ts(at)]);
        }
        // The table keeps only what throttling still looks at.
        await tx.query('DELETE FROM login_failures WHERE key = ANY($1::text[]) AND at <= $2', [
          keys,
          ts(forgetBefore),
        ]);
      });
    },

    async clearFailures(key) {
      await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
    },
  };
}

class LastOwner extends Error {}
