/**
 * The calls page's reads and the workspace's call-record settings: the list
 * (filters, keyset pages read in index order), one call with its trace,
 * analytics from the counters (`finish.ts`), the calls in progress. Every
 * read is by workspace first, so a workspace never sees another's calls.
 */
import {
  callSettingsSchema,
  defaultCallSettings,
  type CallAnalytics,
  type CallListParams,
  type CallRow,
  type CallSettings,
  type CallRecordStatus,
  type LiveCall,
  type NodeAnalytics,
} from '@callbot/shared';
import type { TraceLine } from '@callbot/runtime';
import type { Database } from '../db.ts';

export interface CallEvent {
  seq: number;
  at: string;
  line: TraceLine;
}

export interface AnalyticsParams {
  callbot: string;
  version: number | null;
  /** `YYYY-MM-DD`, inclusive, in `timeZone`. */
  from: string;
  to: string;
  timeZone: string;
}

export interface CallsStore {
  /** One page of the list; `nextCursor` reads the next. Throws `CursorError` for a cursor not made here. */
  list(
    ws: string,
    params: CallListParams,
  ): Promise<{ calls: CallRow[]; nextCursor: string | null }>;
  /** One call and its trace lines, or null when the workspace has no such call. */
  get(ws: string, sid: string): Promise<{ call: CallRow; events: CallEvent[] } | null>;
  analytics(ws: string, params: AnalyticsParams): Promise<CallAnalytics>;
  /** The calls in progress now, oldest first (at most 1,000). */
  live(ws: string): Promise<LiveCall[]>;
  settings(ws: string): Promise<CallSettings>;
  putSettings(ws: string, settings: CallSettings, at: number): Promise<CallSettings>;
  /** The workspace's time zone (its settings), UTC without one. */
  timeZone(ws: string): Promise<string>;
}

/** A cursor that was not made by this server (or for another sort). */
export class CursorError extends Error {}

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

const ROW_COLUMNS = `sid, created_at, ended_at, duration_ms, status, callbot_id, version, line, caller,
  channel, direction, ended_node, ended_node_label, cost_amount, cost_currency, cost_example`;

function toRow(r: Record<string, unknown>): CallRow {
  return {
    sid: r.sid as string,
    startedAt: iso(r.created_at),
    endedAt: r.ended_at === null ? null : iso(r.ended_at),
    durationMs: r.duration_ms as number | null,
    status: r.status as CallRecordStatus,
    callbot: r.callbot_id as string | null,
    version: r.version as number | null,
    line: r.line as string,
    caller: r.caller as string,
    channel: r.channel as CallRow['channel'],
    direction: r.direction as CallRow['direction'],
    endedNode:
      r.ended_node === null
        ? null
        : { id: r.ended_node as string, label: (r.ended_node_label as string | null) ?? '' },
    cost:
      r.cost_amount === null
        ? null
        : {
            amount: r.cost_amount as number,
            currency: r.cost_currency as string,
            example: r.cost_example === true,
          },
  };
}

/** Each sort: the expression the page is ordered by (an index's, after the workspace) and its type. */
const SORTS = {
  startedAt: { expr: 'created_at', cast: 'timestamptz' },
  duration: { expr: 'coalesce(duration_ms, -1)', cast: 'integer' },
  cost: { expr: 'coalesce(cost_amount, -1)', cast: 'integer' },
} as const;

/** What a sort value looks like as PostgreSQL writes it (a cursor's is checked before it is cast). */
const SORT_VALUE = {
  time: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/,
  number: /^-?\d{1,9}$/,
};

/** A cursor: the sort, the last row's sort value (as text) and sid, as base64url JSON. */
const encodeCursor = (sort: string, value: string, sid: string) =>
  Buffer.from(JSON.stringify([sort, value, sid])).toString('base64url');

function decodeCursor(cursor: string, sort: string): [string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new CursorError('cursor: not a cursor this server made.');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== sort ||
    typeof parsed[1] !== 'string' ||
    !SORT_VALUE[sort === 'startedAt' ? 'time' : 'number'].test(parsed[1]) ||
    typeof parsed[2] !== 'string'
  ) {
    throw new CursorError('cursor: not a cursor of this sort; start from the first page.');
  }
  return [parsed[1], parsed[2]];
}

/** The list's WHERE clause and parameters (`$1` is the workspace). */
function filtersOf(ws: string, p: CallListParams): { where: string[]; params: unknown[] } {
  const where = ['workspace_id = $1'];
  const params: unknown[] = [ws];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (p.callbot !== undefined) add((n) => `callbot_id = ${n}`, p.callbot);
  if (p.version !== undefined) add((n) => `version = ${n}`, p.version);
  if (p.line !== undefined) add((n) => `line = ${n}`, p.line);
  if (p.channel !== undefined) add((n) => `channel = ${n}`, p.channel);
  if (p.direction !== undefined) add((n) => `direction = ${n}`, p.direction);
  if (p.outcome !== undefined) add((n) => `status = ${n}`, p.outcome);
  if (p.from !== undefined) add((n) => `created_at >= ${n}`, new Date(p.from).toISOString());
  if (p.to !== undefined) add((n) => `created_at < ${n}`, new Date(p.to).toISOString());
  return { where, params };
}

/**
 * The calls store on an open (migrated) database.
 *
 * @example
 * const calls = createCallsStore(db);
 * const page = await calls.list('ws1', callListQuerySchema.parse({ outcome: 'caller_hung_up' }));
 */
export function createCallsStore(db: Database): CallsStore {
  return {
    async list(ws, p) {
      const sort = SORTS[p.sort];
      const { where, params } = filtersOf(ws, p);
      const direction = p.order === 'asc' ? '>' : '<';
      if (p.cursor !== undefined) {
        const [value, sid] = decodeCursor(p.cursor, p.sort);
        params.push(value, sid);
        where.push(
          `(${sort.expr}, sid) ${direction} ($${params.length - 1}::${sort.cast}, $${params.length})`,
        );
      }
      params.push(p.limit + 1);
      const order = p.order === 'asc' ? 'ASC' : 'DESC';
      const { rows } = await db.query(
        // The sort value as PostgreSQL writes it: a start time keeps its microseconds in the cursor.
        `SELECT ${ROW_COLUMNS}, (${sort.expr})::text AS sort_value FROM calls
         WHERE ${where.join(' AND ')}
         ORDER BY ${sort.expr} ${order}, sid ${order} LIMIT $${params.length}`,
        params,
      );
      const page = rows.slice(0, p.limit);
      const last = page.at(-1);
      return {
        calls: page.map(toRow),
        nextCursor:
          rows.length > p.limit && last
            ? encodeCursor(p.sort, last.sort_value as string, last.sid as string)
            : null,
      };
    },

    async get(ws, sid) {
      const { rows } = await db.query(
        `SELECT ${ROW_COLUMNS},
           (SELECT coalesce(json_agg(json_build_object('seq', e.seq, 'at', e.at, 'line', e.line)
              ORDER BY e.seq), '[]') FROM call_events e WHERE e.sid = c.sid) AS events
         FROM calls c WHERE workspace_id = $1 AND sid = $2`,
        [ws, sid],
      );
      const row = rows[0];
      if (!row) return null;
      const events = json<{ seq: number; at: string; line: TraceLine }[]>(row.events).map((e) => ({
        seq: e.seq,
        at: iso(e.at),
        line: e.line,
      }));
      return { call: toRow(row), events };
    },

    async analytics(ws, a) {
      const versioned = a.version !== null;
      const scope = `workspace_id = $1 AND callbot_id = $2 AND ${
        versioned ? 'version = $5' : '$5::integer IS NULL'
      } AND slot >= ($3::date)::timestamp AT TIME ZONE $6
        AND slot < ($4::date + 1)::timestamp AT TIME ZONE $6`;
      const params = [ws, a.callbot, a.from, a.to, a.version, a.timeZone];
      const [stats, nodes] = await Promise.all([
        db.query(
          `SELECT to_char(slot AT TIME ZONE $6, 'YYYY-MM-DD') AS day,
             extract(hour FROM slot AT TIME ZONE $6)::integer AS local_hour, status, currency,
             sum(calls)::integer AS calls, sum(duration_ms)::float8 AS duration_ms,
             sum(cost_amount)::float8 AS cost
           FROM call_stats WHERE ${scope}
           GROUP BY 1, 2, 3, 4`,
          params,
        ),
        db.query(
          `SELECT node, metric, detail, sum(count)::integer AS count
           FROM call_node_stats WHERE ${scope}
           GROUP BY node, metric, detail`,
          params,
        ),
      ]);
      const bump = (counts: Record<string, number>, key: string, by: number) => {
        counts[key] = (counts[key] ?? 0) + by;
      };
      const outcomes: Record<string, number> = {};
      const cost: Record<string, number> = {};
      const byHour = Array.from({ length: 24 }, (_, hour) => ({
        hour,
        outcomes: {},
      }));
      const days = new Map<string, Record<string, number>>();
      let calls = 0;
      let durationMs = 0;
      for (const r of stats.rows) {
        const status = r.status as string;
        const n = r.calls as number;
        calls += n;
        durationMs += r.duration_ms as number;
        if (r.currency !== '') bump(cost, r.currency as string, r.cost as number);
        bump(outcomes, status, n);
        bump(byHour[r.local_hour as number]!.outcomes, status, n);
        const day = days.get(r.day as string) ?? {};
        days.set(r.day as string, day);
        bump(day, status, n);
      }
      const perNode = new Map<string, NodeAnalytics>();
      for (const r of nodes.rows) {
        const id = r.node as string;
        let f = perNode.get(id);
        if (!f) {
          f = {
            node: id,
            calls: 0,
            visits: 0,
            outputs: {},
            noInput: 0,
            noMatch: 0,
            ended: {},
            droppedOff: 0,
          };
          perNode.set(id, f);
        }
        const count = r.count as number;
        switch (r.metric) {
          case 'calls':
            f.calls += count;
            break;
          case 'visits':
            f.visits += count;
            break;
          case 'out':
            bump(f.outputs, r.detail as string, count);
            break;
          case 'noinput':
            f.noInput += count;
            break;
          case 'nomatch':
            f.noMatch += count;
            break;
          case 'ended':
            bump(f.ended, r.detail as string, count);
            break;
          case 'dropoff':
            f.droppedOff += count;
            break;
        }
      }
      return {
        callbot: a.callbot,
        version: a.version,
        from: a.from,
        to: a.to,
        timeZone: a.timeZone,
        totals: { calls, durationMs, cost },
        outcomes,
        nodes: [...perNode.values()].sort((x, y) => x.node.localeCompare(y.node)),
        byHour,
        byDay: [...days]
          .sort(([x], [y]) => x.localeCompare(y))
          .map(([day, counts]) => ({ day, outcomes: counts })),
      };
    },

    async live(ws) {
      const { rows } = await db.query(
        `SELECT sid, created_at, callbot_id, version, line, channel, direction,
           session ->> 'node' AS node,
           CASE WHEN awaiting_transfer THEN 'queued' WHEN listen IS NOT NULL THEN 'listening'
             ELSE 'speaking' END AS state
         FROM calls WHERE workspace_id = $1 AND status = 'in_progress'
         ORDER BY created_at, sid LIMIT 1000`,
        [ws],
      );
      return rows.map((r) => ({
        sid: r.sid as string,
        startedAt: iso(r.created_at),
        callbot: r.callbot_id as string | null,
        version: r.version as number | null,
        line: r.line as string,
        channel: r.channel as LiveCall['channel'],
        direction: r.direction as LiveCall['direction'],
        node: (r.node as string | null) ?? null,
        state: r.state as LiveCall['state'],
      }));
    },

    async settings(ws) {
      const { rows } = await db.query(
        'SELECT retention_days, speech, viewers_see_transcripts FROM call_settings WHERE workspace_id = $1',
        [ws],
      );
      const row = rows[0];
      if (!row) return { ...defaultCallSettings };
      return callSettingsSchema.parse({
        retentionDays: row.retention_days,
        speech: row.speech,
        viewersSeeTranscripts: row.viewers_see_transcripts,
      });
    },

    async putSettings(ws, s, at) {
      await db.query(
        `INSERT INTO call_settings (workspace_id, retention_days, speech, viewers_see_transcripts, updated_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (workspace_id) DO UPDATE SET retention_days = EXCLUDED.retention_days,
           speech = EXCLUDED.speech, viewers_see_transcripts = EXCLUDED.viewers_see_transcripts,
           updated_at = EXCLUDED.updated_at`,
        [ws, s.retentionDays, s.speech, s.viewersSeeTranscripts, new Date(at).toISOString()],
      );
      return { ...s };
    },

    async timeZone(ws) {
      const { rows } = await db.query(
        "SELECT data ->> 'timeZone' AS tz FROM ws_settings WHERE workspace_id = $1",
        [ws],
      );
      return (rows[0]?.tz as string | null | undefined) ?? 'UTC';
    },
  };
}
