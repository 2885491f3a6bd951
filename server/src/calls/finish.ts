/**
 * What a call came to, worked out once when it ends: from its trace lines
 * (about twenty), never again from them afterwards. `summarizeTrace` is the
 * pure part (the node it ended at, each node's visits, outputs taken,
 * no-inputs and no-matches); `finishCall` writes it: the call's end figures
 * on its row (ended at, duration, node, cost by the workspace's price table in
 * the customer's country, `pricingCountry`, at the volume tier of the month's
 * calls before it, R21)
 * and the workspace's counters, in one transaction, once (`summarized`).
 *
 * It runs right after the request that ended the call (`store.ts` calls it),
 * and the scheduled job (`jobs.ts`) finishes any call that ended otherwise
 * (the sweep of calls nobody finished) or whose finishing failed.
 */
import {
  estimateCallCost,
  examplePriceTable,
  priceTableSchema,
  pricingCountry,
  type BillingChannel,
  type CallDirection,
  type PriceTable,
} from '@callbot/shared';
import type { TraceLine } from '@callbot/runtime';
import type { Database, SqlClient } from '../db.ts';
import { DEFAULT_SETTINGS } from '../workspace/store.ts';
import { readMonthToDate } from '../workspace/usage.ts';

export interface NodeFigures {
  /** 1 when the call entered the node (calls are counted once per node). */
  calls: number;
  visits: number;
  /** Times each output was taken, by port. */
  outputs: Map<string, number>;
  noInput: number;
  noMatch: number;
}

export interface TraceSummary {
  /** The node the call was at when its trace ends, with its label then. */
  endedNode: { id: string; label: string } | null;
  /** The call's own duration, from its `end` line (null without one). */
  durationMs: number | null;
  nodes: Map<string, NodeFigures>;
}

/** Splits a `via` (`node:port`) at its first colon (a node id has none; a port may: `option:sales`). */
function viaOf(via: string): { node: string; port: string } | null {
  const at = via.indexOf(':');
  return at <= 0 ? null : { node: via.slice(0, at), port: via.slice(at + 1) };
}

/**
 * A call's figures from its trace lines, in order.
 *
 * @example
 * summarizeTrace(lines).endedNode // { id: 'menu', label: 'Main menu' }
 */
export function summarizeTrace(lines: readonly TraceLine[]): TraceSummary {
  const nodes = new Map<string, NodeFigures>();
  const figures = (id: string) => {
    let found = nodes.get(id);
    if (!found) {
      found = { calls: 1, visits: 0, outputs: new Map(), noInput: 0, noMatch: 0 };
      nodes.set(id, found);
    }
    return found;
  };
  let at: { id: string; label: string } | null = null;
  let durationMs: number | null = null;
  for (const line of lines) {
    switch (line.kind) {
      case 'node': {
        figures(line.id).visits++;
        const via = line.via === undefined ? null : viaOf(line.via);
        if (via) {
          const from = figures(via.node).outputs;
          from.set(via.port, (from.get(via.port) ?? 0) + 1);
        }
        at = { id: line.id, label: line.label };
        break;
      }
      case 'noinput':
        if (at) figures(at.id).noInput++;
        break;
      case 'input':
        if (at && !line.accepted && line.reason === 'no_match') figures(at.id).noMatch++;
        break;
      case 'end':
        durationMs = line.durationMs;
        break;
      default:
        break;
    }
  }
  return { endedNode: at, durationMs, nodes };
}

/** The rows of `call_node_stats` one call adds: node, metric, detail, count. */
export function nodeCounters(
  summary: TraceSummary,
  status: string,
): { node: string; metric: string; detail: string; count: number }[] {
  const rows: { node: string; metric: string; detail: string; count: number }[] = [];
  for (const [node, f] of summary.nodes) {
    rows.push({ node, metric: 'calls', detail: '', count: f.calls });
    if (f.visits > 0) rows.push({ node, metric: 'visits', detail: '', count: f.visits });
    for (const [port, count] of f.outputs) rows.push({ node, metric: 'out', detail: port, count });
    if (f.noInput > 0) rows.push({ node, metric: 'noinput', detail: '', count: f.noInput });
    if (f.noMatch > 0) rows.push({ node, metric: 'nomatch', detail: '', count: f.noMatch });
  }
  if (summary.endedNode) {
    rows.push({ node: summary.endedNode.id, metric: 'ended', detail: status, count: 1 });
  }
  return rows;
}

const CHANNELS: ReadonlySet<string> = new Set(['line', 'whatsapp', 'sip']);

/** The workspace's price table, or the product's example figures without a valid one. */
function priceTableOf(raw: unknown): PriceTable {
  const parsed = priceTableSchema.safeParse(raw);
  return parsed.success ? parsed.data : examplePriceTable;
}

/**
 * The counters' slot of a call: the quarter hour of UTC it started in. Every
 * time zone's offset is a whole number of quarter hours, so a slot is inside
 * one hour and one day of any zone (Asia/Kolkata's +5:30 too), and analytics
 * group slots by the hour and day of the zone asked for, exactly.
 */
export const slotOf = (startColumn: string) =>
  `date_bin('15 minutes', ${startColumn}, timestamptz '2000-01-01 00:00:00+00')`;

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

/**
 * Finishes one ended call: its end figures and the counters, once. False
 * when there was nothing to do (in progress, or finished already).
 */
export async function finishCall(db: Database, sid: string): Promise<boolean> {
  return db.transaction((tx) => finishIn(tx, sid));
}

async function finishIn(tx: SqlClient, sid: string): Promise<boolean> {
  const { rows } = await tx.query(
    `SELECT c.workspace_id, c.callbot_id, c.version, c.status, c.channel, c.direction,
       c.line, c.caller, c.created_at, c.updated_at, s.data -> 'priceTable' AS price_table,
       s.data ->> 'country' AS country, s.data ->> 'timeZone' AS time_zone,
       ${slotOf('c.created_at')} AS slot,
       (SELECT coalesce(json_agg(e.line ORDER BY e.seq), '[]') FROM call_events e WHERE e.sid = c.sid) AS lines
     FROM calls c LEFT JOIN ws_settings s ON s.workspace_id = c.workspace_id
     WHERE c.sid = $1 AND NOT c.summarized AND c.status <> 'in_progress'
     FOR UPDATE OF c`,
    [sid],
  );
  const call = rows[0];
  if (!call) return false;
  const lines = json<TraceLine[]>(call.lines);
  const summary = summarizeTrace(lines);
  const status = call.status as string;
  const started = new Date(call.created_at as string | Date).getTime();
  const ended = new Date(call.updated_at as string | Date).getTime();
  const durationMs = Math.max(0, Math.round(summary.durationMs ?? ended - started));
  const channel = CHANNELS.has(call.channel as string) ? (call.channel as BillingChannel) : 'line';
  const table = priceTableOf(call.price_table);
  const direction = call.direction as CallDirection;
  // `line` is the business's number, `caller` the customer's, whoever called.
  const line = call.line as string;
  const customer = call.caller as string;
  const country = pricingCountry(
    table,
    direction === 'inbound'
      ? { direction, from: customer, to: line }
      : { direction, from: line, to: customer },
    (call.country as string | null) ?? undefined,
  );
  // A call that never ran (its end came first) cost nothing the callbot caused; a
  // country the table has no prices for gives no price rather than another country's.
  const priced = status !== 'ended_before_start' && Object.hasOwn(table.countries, country);
  // R21: volume tiers go by the month's calls before this one, counted as the usage route counts.
  const byVolume = priced && table.countries[country]?.[channel][direction].model === 'volume';
  const monthToDate =
    byVolume && call.workspace_id !== null
      ? await readMonthToDate(
          tx,
          call.workspace_id as string,
          { channel, direction, country },
          started,
          (call.time_zone as string | null) ?? DEFAULT_SETTINGS.timeZone,
          sid,
        )
      : undefined;
  const cost = priced
    ? estimateCallCost(table, { country, channel, direction, durationMs, monthToDate })
    : null;
  await tx.query(
    `UPDATE calls SET summarized = true, ended_at = updated_at, duration_ms = $2, ended_node = $3,
       ended_node_label = $4, cost_amount = $5, cost_currency = $6, cost_example = $7
     WHERE sid = $1`,
    [
      sid,
      durationMs,
      summary.endedNode?.id ?? null,
      summary.endedNode?.label ?? null,
      cost?.amount ?? null,
      cost?.currency ?? null,
      cost?.example ?? null,
    ],
  );
  if (call.workspace_id === null || call.callbot_id === null) return true;
  const key = [call.workspace_id, call.callbot_id, call.version, call.slot];
  await tx.query(
    `INSERT INTO call_stats (workspace_id, callbot_id, version, slot, status, currency, calls,
       duration_ms, cost_amount)
     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)
     ON CONFLICT (workspace_id, callbot_id, version, slot, status, currency) DO UPDATE
     SET calls = call_stats.calls + 1, duration_ms = call_stats.duration_ms + EXCLUDED.duration_ms,
       cost_amount = call_stats.cost_amount + EXCLUDED.cost_amount`,
    [...key, status, cost?.currency ?? '', durationMs, cost?.amount ?? 0],
  );
  const counters = nodeCounters(summary, status);
  if (status === 'caller_hung_up' && summary.endedNode) {
    counters.push({ node: summary.endedNode.id, metric: 'dropoff', detail: '', count: 1 });
  }
  if (counters.length > 0) {
    await tx.query(
      `INSERT INTO call_node_stats (workspace_id, callbot_id, version, slot, node, metric, detail, count)
       SELECT $1, $2, $3, $4, n.node, n.metric, n.detail, n.count
       FROM unnest($5::text[], $6::text[], $7::text[], $8::integer[]) AS n (node, metric, detail, count)
       ON CONFLICT (workspace_id, callbot_id, version, slot, node, metric, detail) DO UPDATE
       SET count = call_node_stats.count + EXCLUDED.count`,
      [
        ...key,
        counters.map((c) => c.node),
        counters.map((c) => c.metric),
        counters.map((c) => c.detail),
        counters.map((c) => c.count),
      ],
    );
  }
  return true;
}

/**
 * Finishes up to `limit` ended calls not finished yet (oldest first):
 * those the sweep closed, or whose finishing failed. Returns how many.
 */
export async function finishPending(db: Database, limit = 500): Promise<number> {
  const { rows } = await db.query<{ sid: string }>(
    `SELECT sid FROM calls WHERE NOT summarized AND status <> 'in_progress'
     ORDER BY updated_at LIMIT $1`,
    [limit],
  );
  let done = 0;
  for (const { sid } of rows) if (await finishCall(db, sid)) done++;
  return done;
}
