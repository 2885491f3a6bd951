/**
 * Everything the server keeps: published callbots and their versions, which
 * callbot version answers each line, teams, fallback bots, and calls with
 * their event log. One interface, the same SQL on PGlite and PostgreSQL.
 */
import type { FlowDocument } from '@callbot/shared';
import type { PersistedCall, TraceLine } from '@callbot/runtime';
import type { Database } from './db.ts';
import { migrate } from './schema.ts';
import { jsonText } from './text.ts';

/** The answer to any request of a call that is over. */
export const HANGUP_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>';

export interface CallbotSummary {
  id: string;
  name: string;
  createdAt: string;
  latestVersion: number;
  versions: number;
}

export interface VersionSummary {
  callbot: string;
  version: number;
  /** The compiled machine's fingerprint: two versions with the same one behave the same. */
  fingerprint: string;
  note: string;
  createdAt: string;
}

export interface VersionRecord extends VersionSummary {
  flow: FlowDocument;
}

export interface LineAssignment {
  /** E.164, e.g. `+551130000000`. */
  number: string;
  callbot: string;
  version: number;
  assignedAt: string;
}

export interface Team {
  id: string;
  /** Where a transfer dials: a queue name, a number in E.164, or a `sip:` address. */
  target: string;
  /** Agents who can take a call now (R16): with none, a transfer takes its "no agents" branch. */
  agentsAvailable: number;
  /** The team the default callbot transfers to (R9); at most one. */
  isDefault: boolean;
}

export interface Bot {
  id: string;
  /** Where a fallback-bot handoff goes: a `sip:` address (dialled) or an `https:` TwiML URL (redirected to). */
  target: string;
}

/**
 * Which flow a call runs: a published version, or the default callbot (R9)
 * for a team; of a workspace (its published versions, teams and settings)
 * or, without `workspace`, of the server-wide publish API.
 */
export type CallFlowRef =
  | { callbot: string; version: number; workspace?: string }
  | { defaultTeam: string; workspace?: string };

/** A call of a workspace. */
export type WorkspaceFlowRef = CallFlowRef & { workspace: string };

/** What a call came in on: a phone line, WhatsApp (`whatsapp:` addresses) or SIP. */
export type Channel = 'line' | 'whatsapp' | 'sip';

/** Who ended a call, as the provider reported it. */
export type EndedBy = 'caller' | 'network';

export interface CallRecord {
  sid: string;
  /** The business's number (the callbot's line), whichever way the call goes. */
  line: string;
  /** The other party: who called in, or who an outbound call rang. */
  caller: string;
  direction: 'inbound' | 'outbound';
  channel: Channel;
  flow: CallFlowRef;
  /** `in_progress`, or the call's outcome once it ended. */
  status: string;
  /** Bumped by each request that changed the call; the next request must find the same value. */
  step: number;
  session: PersistedCall;
  /** How the call listens now (the last `listen` command while it is on), or null. */
  listen: ListenState | null;
  /** The TwiML answered to the request that made `step`, sent again to a repeat of it. */
  lastTwiml: string;
  /** The rest of that answer when it was split in parts (`/voice/continue`), else empty. */
  moreTwiml: string[];
  /** Whether the call waits for a transfer's outcome (`/voice/dial-result`). */
  awaitingTransfer: boolean;
  /**
   * The end the provider reported while the call waited for a transfer's
   * outcome: applied after that outcome, so an answered transfer is not lost.
   */
  pendingEnd: EndedBy | null;
  createdAt: string;
  updatedAt: string;
}

export interface CallEventRecord {
  seq: number;
  step: number;
  at: string;
  line: TraceLine;
}

export type AssignResult =
  | { ok: true; assignment: LineAssignment; replaced: LineAssignment | null }
  | { ok: false; code: 'version.notFound' }
  | { ok: false; code: 'R3.lineHasCallbot'; current: LineAssignment };

/** A `listen` command that turned listening on. */
export interface ListenState {
  modes: ('dtmf' | 'speech')[];
  noInputMs?: number;
}

export interface CallUpdate {
  session: PersistedCall;
  listen: ListenState | null;
  status: string;
  twiml: string;
  /** The answer's later parts, when it is too long for one TwiML document. */
  moreTwiml: string[];
  awaitingTransfer: boolean;
  pendingEnd: EndedBy | null;
  /** Trace lines new since the last step, numbered by their place in the transcript. */
  events: { seq: number; line: TraceLine }[];
}

/** What one webhook request reads: see `Store.callContext`. */
export interface CallContext {
  call: CallRecord | null;
  line: LineAssignment | null;
  teams: Team[];
  bots: Bot[];
}

export interface Store {
  publishVersion(input: {
    callbot: string;
    name: string;
    flow: FlowDocument;
    fingerprint: string;
    note: string;
    at: number;
  }): Promise<VersionSummary>;
  listCallbots(): Promise<CallbotSummary[]>;
  /** Null when there is no such callbot. */
  listVersions(callbot: string): Promise<VersionSummary[] | null>;
  getVersion(callbot: string, version: number): Promise<VersionRecord | null>;

  listLines(): Promise<LineAssignment[]>;
  getLine(number: string): Promise<LineAssignment | null>;
  /**
   * Points a line at a callbot version (R3): another version of the callbot
   * it has is a plain change; another callbot is refused unless `replace`.
   */
  assignLine(
    number: string,
    target: { callbot: string; version: number },
    options: { replace: boolean; at: number },
  ): Promise<AssignResult>;
  /** The assignment removed, or null when the line had none. */
  removeLine(number: string): Promise<LineAssignment | null>;

  listTeams(): Promise<Team[]>;
  /** Creates or replaces a team; making it the default takes that from any other. */
  putTeam(team: Team): Promise<void>;
  deleteTeam(id: string): Promise<boolean>;

  listBots(): Promise<Bot[]>;
  putBot(bot: Bot): Promise<void>;
  deleteBot(id: string): Promise<boolean>;

  /** False when a call with this sid exists already. */
  createCall(call: {
    sid: string;
    line: string;
    caller: string;
    direction: CallRecord['direction'];
    channel: Channel;
    flow: CallFlowRef;
    update: CallUpdate;
    at: number;
  }): Promise<boolean>;
  getCall(sid: string): Promise<CallRecord | null>;
  /**
   * What serving a webhook needs, read in one statement: the call, the
   * assignment of `line` (when given), the teams and the fallback bots.
   */
  callContext(sid: string, line?: string): Promise<CallContext>;
  /**
   * Saves the call as of step `expectedStep + 1`; false, with nothing
   * written, when another request changed it first.
   */
  saveCall(sid: string, expectedStep: number, update: CallUpdate, at: number): Promise<boolean>;
  callEvents(sid: string): Promise<CallEventRecord[]>;
  /**
   * The provider reported the end of a call this store has not seen start (its
   * status callback overtook `/voice/incoming`): a record at step 0 that the
   * call's start will find and end. False when the call exists already.
   */
  recordEarlyEnd(call: {
    sid: string;
    line: string;
    caller: string;
    by: EndedBy;
    at: number;
  }): Promise<boolean>;
  /** Notes an end to apply after the transfer's outcome; false when the call moved on. */
  setPendingEnd(sid: string, step: number, by: EndedBy): Promise<boolean>;
  /**
   * Closes calls still in progress with no request since `before` (the
   * provider's reports were lost): `caller_hung_up`/`error` when an end was
   * pending, else `abandoned`. Returns how many.
   */
  sweep(before: number): Promise<number>;
  /** One round trip to the database: resolves when it answers. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
const timestamp = (ms: number): string => new Date(ms).toISOString();
/** node-postgres gives jsonb parsed; a driver that gives text is parsed here. */
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const toVersion = (r: Record<string, unknown>): VersionSummary => ({
  callbot: r.callbot_id as string,
  version: r.version as number,
  fingerprint: r.fingerprint as string,
  note: r.note as string,
  createdAt: iso(r.created_at),
});

const toLine = (r: Record<string, unknown>): LineAssignment => ({
  number: r.number as string,
  callbot: r.callbot_id as string,
  version: r.version as number,
  assignedAt: iso(r.assigned_at),
});

const toTeam = (r: Record<string, unknown>): Team => ({
  id: r.id as string,
  target: r.target as string,
  agentsAvailable: r.agents_available as number,
  isDefault: r.is_default as boolean,
});

const toCall = (r: Record<string, unknown>): CallRecord => ({
  sid: r.sid as string,
  line: r.line as string,
  caller: r.caller as string,
  direction: r.direction === 'outbound' ? 'outbound' : 'inbound',
  channel: r.channel === 'whatsapp' || r.channel === 'sip' ? r.channel : 'line',
  flow: {
    ...(r.callbot_id === null
      ? { defaultTeam: r.default_team as string }
      : { callbot: r.callbot_id as string, version: r.version as number }),
    ...(typeof r.workspace_id === 'string' && { workspace: r.workspace_id }),
  },
  status: r.status as string,
  step: r.step as number,
  session: json<PersistedCall>(r.session),
  listen: r.listen === null ? null : json<ListenState>(r.listen),
  lastTwiml: r.last_twiml as string,
  moreTwiml:
    r.more_twiml === null || r.more_twiml === undefined ? [] : json<string[]>(r.more_twiml),
  awaitingTransfer: r.awaiting_transfer === true,
  pendingEnd: (r.pending_end as EndedBy | null) ?? null,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/**
 * Appends a step's trace lines in the same statement as the change of the
 * call (`change`, a data-modifying query returning the call's sid), so both
 * happen or neither, in one round trip and without a transaction.
 * Parameters from `$1` on are the events'; the change's own come after.
 */
function withEvents(change: string): string {
  return `WITH changed AS (${change}),
     logged AS (
       INSERT INTO call_events (sid, seq, step, at, line)
       SELECT changed.sid, e.seq, $1, $2, e.line::jsonb
       FROM changed, unnest($3::integer[], $4::text[]) AS e (seq, line)
     )
     SELECT count(*)::integer AS count FROM changed`;
}

const eventParams = (step: number, at: number, events: CallUpdate['events']) => [
  step,
  timestamp(at),
  events.map((e) => e.seq),
  events.map((e) => jsonText(e.line)),
];

/** The session as stored (its trace lines live in call_events). */
const sessionText = (update: CallUpdate) => jsonText(update.session);
const moreText = (update: CallUpdate) =>
  update.moreTwiml.length === 0 ? null : jsonText(update.moreTwiml);

/** PostgreSQL's unique_violation. */
export const isUniqueViolation = (error: unknown) =>
  (error as { code?: unknown } | null)?.code === '23505';

/** Advisory lock keys: a line's assignment and the default team change one at a time. */
const LINE_LOCK = 7_210_415;
const TEAMS_LOCK = 7_210_416;

/**
 * The store on an open database; creates or migrates the schema first.
 *
 * @example
 * const store = await createStore(await openPglite('runtime/.data'));
 */
export async function createStore(db: Database): Promise<Store> {
  await migrate(db);
  return {
    async publishVersion({ callbot, name, flow, fingerprint, note, at }) {
      return db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO callbots (id, name, created_at) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
          [callbot, name, timestamp(at)],
        );
        // The callbot's row is locked by the upsert, so two publishes number their versions in turn.
        const { rows } = await tx.query(
          `INSERT INTO callbot_versions (callbot_id, version, flow, fingerprint, note, created_at)
           SELECT $1, coalesce(max(version), 0) + 1, $2::jsonb, $3, $4, $5
           FROM callbot_versions WHERE callbot_id = $1
           RETURNING callbot_id, version, fingerprint, note, created_at`,
          [callbot, jsonText(flow), fingerprint, note, timestamp(at)],
        );
        return toVersion(rows[0]!);
      });
    },

    async listCallbots() {
      const { rows } = await db.query(
        `SELECT c.id, c.name, c.created_at, max(v.version) AS latest, count(v.version)::integer AS versions
         FROM callbots c JOIN callbot_versions v ON v.callbot_id = c.id
         GROUP BY c.id, c.name, c.created_at ORDER BY c.id`,
      );
      return rows.map((r) => ({
        id: r.id as string,
        name: r.name as string,
        createdAt: iso(r.created_at),
        latestVersion: r.latest as number,
        versions: r.versions as number,
      }));
    },

    async listVersions(callbot) {
      const { rows } = await db.query(
        `SELECT callbot_id, version, fingerprint, note, created_at FROM callbot_versions
         WHERE callbot_id = $1 ORDER BY version`,
        [callbot],
      );
      return rows.length === 0 ? null : rows.map(toVersion);
    },

    async getVersion(callbot, version) {
      const { rows } = await db.query(
        `SELECT callbot_id, version, fingerprint, note, created_at, flow FROM callbot_versions
         WHERE callbot_id = $1 AND version = $2`,
        [callbot, version],
      );
      const row = rows[0];
      return row ? { ...toVersion(row), flow: json<FlowDocument>(row.flow) } : null;
    },

    async listLines() {
      const { rows } = await db.query('SELECT * FROM lines ORDER BY number');
      return rows.map(toLine);
    },

    async getLine(number) {
      const { rows } = await db.query('SELECT * FROM lines WHERE number = $1', [number]);
      return rows[0] ? toLine(rows[0]) : null;
    },

    async assignLine(number, target, { replace, at }) {
      return db.transaction(async (tx): Promise<AssignResult> => {
        // A line with no row yet has nothing to lock FOR UPDATE: two first assignments of it
        // would both pass the R3 check. The line's own advisory lock makes them take turns.
        await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LINE_LOCK, number]);
        const exists = await tx.query(
          'SELECT 1 FROM callbot_versions WHERE callbot_id = $1 AND version = $2',
          [target.callbot, target.version],
        );
        if (exists.rows.length === 0) return { ok: false, code: 'version.notFound' };
        const { rows } = await tx.query('SELECT * FROM lines WHERE number = $1 FOR UPDATE', [
          number,
        ]);
        const current = rows[0] ? toLine(rows[0]) : null;
        if (current && current.callbot !== target.callbot && !replace) {
          return { ok: false, code: 'R3.lineHasCallbot', current };
        }
        const saved = await tx.query(
          `INSERT INTO lines (number, callbot_id, version, assigned_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (number) DO UPDATE
           SET callbot_id = EXCLUDED.callbot_id, version = EXCLUDED.version, assigned_at = EXCLUDED.assigned_at
           RETURNING *`,
          [number, target.callbot, target.version, timestamp(at)],
        );
        return { ok: true, assignment: toLine(saved.rows[0]!), replaced: current };
      });
    },

    async removeLine(number) {
      const { rows } = await db.query('DELETE FROM lines WHERE number = $1 RETURNING *', [number]);
      return rows[0] ? toLine(rows[0]) : null;
    },

    async listTeams() {
      const { rows } = await db.query('SELECT * FROM teams ORDER BY id');
      return rows.map(toTeam);
    },

    async putTeam(team) {
      await db.transaction(async (tx) => {
        // Default-team changes take turns: two at once would both clear the old default and
        // collide on the one-default index.
        await tx.query('SELECT pg_advisory_xact_lock($1)', [TEAMS_LOCK]);
        if (team.isDefault) {
          await tx.query('UPDATE teams SET is_default = false WHERE is_default AND id <> $1', [
            team.id,
          ]);
        }
        await tx.query(
          `INSERT INTO teams (id, target, agents_available, is_default) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET target = EXCLUDED.target,
             agents_available = EXCLUDED.agents_available, is_default = EXCLUDED.is_default`,
          [team.id, team.target, team.agentsAvailable, team.isDefault],
        );
      });
    },

    async deleteTeam(id) {
      return (await db.query('DELETE FROM teams WHERE id = $1', [id])).count > 0;
    },

    async listBots() {
      const { rows } = await db.query('SELECT * FROM bots ORDER BY id');
      return rows.map((r) => ({ id: r.id as string, target: r.target as string }));
    },

    async putBot(bot) {
      await db.query(
        `INSERT INTO bots (id, target) VALUES ($1, $2)
         ON CONFLICT (id) DO UPDATE SET target = EXCLUDED.target`,
        [bot.id, bot.target],
      );
    },

    async deleteBot(id) {
      return (await db.query('DELETE FROM bots WHERE id = $1', [id])).count > 0;
    },

    async createCall({ sid, line, caller, direction, channel, flow, update, at }) {
      const { rows } = await db.query<{ count: number }>(
        withEvents(
          `INSERT INTO calls (sid, line, caller, callbot_id, version, default_team, status, step,
             session, listen, last_twiml, created_at, updated_at, direction, more_twiml,
             awaiting_transfer, pending_end, workspace_id, channel)
           VALUES ($5, $6, $7, $8, $9, $10, $11, 1, $12::jsonb, $13::jsonb, $14, $2, $2, $15,
             $16::jsonb, $17, $18, $19, $20)
           ON CONFLICT (sid) DO NOTHING
           RETURNING sid`,
        ),
        [
          ...eventParams(1, at, update.events),
          sid,
          line,
          caller,
          'callbot' in flow ? flow.callbot : null,
          'callbot' in flow ? flow.version : null,
          'defaultTeam' in flow ? flow.defaultTeam : null,
          update.status,
          sessionText(update),
          update.listen && JSON.stringify(update.listen),
          update.twiml,
          direction,
          moreText(update),
          update.awaitingTransfer,
          update.pendingEnd,
          flow.workspace ?? null,
          channel,
        ],
      );
      return rows[0]?.count === 1;
    },

    async getCall(sid) {
      const { rows } = await db.query('SELECT * FROM calls WHERE sid = $1', [sid]);
      return rows[0] ? toCall(rows[0]) : null;
    },

    async callContext(sid, line) {
      const { rows } = await db.query(
        `SELECT
           (SELECT row_to_json(c) FROM calls c WHERE c.sid = $1) AS call,
           (SELECT row_to_json(l) FROM lines l WHERE l.number = $2) AS line,
           (SELECT coalesce(json_agg(t ORDER BY t.id), '[]') FROM teams t) AS teams,
           (SELECT coalesce(json_agg(b ORDER BY b.id), '[]') FROM bots b) AS bots`,
        [sid, line ?? null],
      );
      const row = rows[0]!;
      const call = json<Record<string, unknown> | null>(row.call);
      const assigned = json<Record<string, unknown> | null>(row.line);
      return {
        call: call && toCall(call),
        line: assigned && toLine(assigned),
        teams: json<Record<string, unknown>[]>(row.teams).map(toTeam),
        bots: json<Bot[]>(row.bots).map(({ id, target }) => ({ id, target })),
      };
    },

    async saveCall(sid, expectedStep, update, at) {
      const { rows } = await db.query<{ count: number }>(
        withEvents(
          `UPDATE calls SET session = $7::jsonb, listen = $8::jsonb, status = $9, last_twiml = $10,
             step = step + 1, updated_at = $2, more_twiml = $11::jsonb, awaiting_transfer = $12,
             pending_end = $13
           WHERE sid = $5 AND step = $6
           RETURNING sid`,
        ),
        [
          ...eventParams(expectedStep + 1, at, update.events),
          sid,
          expectedStep,
          sessionText(update),
          update.listen && JSON.stringify(update.listen),
          update.status,
          update.twiml,
          moreText(update),
          update.awaitingTransfer,
          update.pendingEnd,
        ],
      );
      return rows[0]?.count === 1;
    },

    async recordEarlyEnd({ sid, line, caller, by, at }) {
      const { count } = await db.query(
        `INSERT INTO calls (sid, line, caller, status, step, session, last_twiml, created_at,
           updated_at, pending_end)
         VALUES ($1, $2, $3, 'ended_before_start', 0, '{}'::jsonb, $4, $5, $5, $6)
         ON CONFLICT (sid) DO NOTHING`,
        [sid, line, caller, HANGUP_TWIML, timestamp(at), by],
      );
      return count === 1;
    },

    async setPendingEnd(sid, step, by) {
      const { count } = await db.query(
        'UPDATE calls SET pending_end = $3 WHERE sid = $1 AND step = $2',
        [sid, step, by],
      );
      return count === 1;
    },

    async sweep(before) {
      const { count } = await db.query(
        `UPDATE calls SET status = CASE pending_end WHEN 'caller' THEN 'caller_hung_up'
             WHEN 'network' THEN 'error' ELSE 'abandoned' END,
           awaiting_transfer = false, updated_at = now()
         WHERE status = 'in_progress' AND updated_at < $1`,
        [timestamp(before)],
      );
      return count;
    },

    async ping() {
      await db.query('SELECT 1');
    },

    async callEvents(sid) {
      const { rows } = await db.query(
        'SELECT seq, step, at, line FROM call_events WHERE sid = $1 ORDER BY seq',
        [sid],
      );
      return rows.map((r) => ({
        seq: r.seq as number,
        step: r.step as number,
        at: iso(r.at),
        line: json<TraceLine>(r.line),
      }));
    },

    close: () => db.close(),
  };
}

/**
 * A store that is still opening, usable at once: each call waits for it.
 * The server listens while the database opens (PGlite's start takes a
 * second or more), so a request arriving then waits within its deadline,
 * or is held, instead of finding no one listening.
 *
 * @example
 * const store = deferredStore(openPglite(dir).then(createStore));
 */
export function deferredStore<T extends object = Store>(ready: Promise<T>): T {
  // Its rejection is seen by the first caller; unobserved until then, it must not crash the process.
  ready.catch(() => {});
  return new Proxy({} as T, {
    get(_target, key: string | symbol) {
      return async (...args: unknown[]) => {
        const store = await ready;
        const method = (store as Record<string | symbol, unknown>)[key];
        return (method as (...a: unknown[]) => Promise<unknown>).apply(store, args);
      };
    },
  });
}
