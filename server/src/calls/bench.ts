/**
 * `npm run bench:calls --workspace @callbot/server [-- --database-url URL --calls 1000000 --runs 40]`:
 * the calls page at scale (a benchmark script that prints figures; not a
 * test). It makes a fresh database `callbot_calls_bench` on the PostgreSQL
 * server of `--database-url` (default: the throwaway one on port 55470,
 * see server/README.md), loads `--calls` recorded calls with their trace
 * lines and analytics counters, then times what the calls page asks:
 *
 * - the list's first page with filters (callbot, outcome, channel, a month),
 * - one call (its row, its trace lines and its timeline),
 * - a month's analytics of a callbot (all versions, and one version),
 *
 * each `--runs` times with varied parameters, and prints p50/p95/max, then
 * the storage per call.
 *
 * The calls are realistic shapes: six paths through the reception example
 * (sales answered, a wrong key then support with nobody there and its
 * fallback bot, no input until the menu gives up, the caller hanging up at
 * the menu, closed hours, a spoken choice), their trace lines written by the
 * runtime itself (`simulateCall`), spread over `--days` days with more calls
 * in business hours, three workspaces (one with 80 % of the calls), three
 * callbots with three versions each, five lines, channels and directions
 * mixed. The load runs in PostgreSQL (`generate_series`, chunk by chunk), so
 * it takes minutes. The counters are made from the same per-call figures
 * as `finish.ts` makes when a call ends (`summarizeTrace`, `nodeCounters`),
 * per path, multiplied by the calls of each path and quarter hour.
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { callListQuerySchema, type CallListParams } from '@callbot/shared';
import {
  createCallSession,
  DEFAULT_WORDS_PER_MINUTE,
  examples,
  scriptSchema,
  simulateCall,
  timelineOf,
  VirtualClock,
  type ScriptInput,
  type TraceLine,
} from '@callbot/runtime';
import { openPostgres } from '../db.ts';
import { createStore } from '../store.ts';
import { nodeCounters, slotOf, summarizeTrace } from './finish.ts';
import { createCallsStore } from './store.ts';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:55470/postgres' },
    calls: { type: 'string', default: '1000000' },
    days: { type: 'string', default: '90' },
    runs: { type: 'string', default: '40' },
    chunk: { type: 'string', default: '100000' },
  },
});
const CALLS = Number(args.calls);
const DAYS = Number(args.days);
const RUNS = Number(args.runs);
const CHUNK = Number(args.chunk);
const DATABASE = 'callbot_calls_bench';
const say = (line: string) => process.stdout.write(`${line}\n`);
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;

// ------------------------------------------------------------------ the paths

const flow = examples.reception;
const open = '2026-11-24T10:00:00-03:00';
const call = {
  channel: 'line',
  direction: 'inbound',
  from: '+5511999990000',
  to: '+551130000000',
} as const;
/** [share in %, script]: the calls' paths and how common each is. */
const PATHS: [number, ScriptInput][] = [
  [
    35,
    {
      call,
      startAt: open,
      agents: { vendas: 1 },
      steps: [{ when: 'listening', delay: 1500, event: { type: 'dtmf', digit: '1' } }],
    },
  ],
  [
    20,
    {
      call,
      startAt: open,
      steps: [
        { when: 'listening', delay: 2000, event: { type: 'dtmf', digit: '7' } },
        { when: 'listening', delay: 1500, event: { type: 'dtmf', digit: '2' } },
      ],
    },
  ],
  [10, { call, startAt: open, steps: [] }],
  [
    20,
    {
      call,
      startAt: open,
      steps: [{ when: 'listening', delay: 2500, event: { type: 'call.ended', by: 'caller' } }],
    },
  ],
  [10, { call, startAt: '2026-11-29T10:00:00-03:00', steps: [] }],
  [
    5,
    {
      call,
      startAt: open,
      agents: { vendas: 1 },
      steps: [
        {
          when: 'listening',
          delay: 2500,
          event: { type: 'speech', text: 'quero falar com vendas' },
        },
      ],
    },
  ],
];

interface Path {
  id: number;
  share: number;
  lines: TraceLine[];
  status: string;
  durationMs: number;
}
const paths: Path[] = PATHS.map(([share, script], id) => {
  const result = simulateCall(flow, scriptSchema.parse(script));
  return {
    id,
    share,
    lines: result.lines,
    status: result.outcome ?? 'abandoned',
    durationMs: result.durationMs,
  };
});
/** A session as a call in progress stores it (its size is what a row carries). */
const session = (() => {
  const s = createCallSession(flow, { clock: new VirtualClock(Date.parse(open)) });
  s.send({ type: 'call.started', ...call, at: open });
  return JSON.stringify(s.persist());
})();

// ------------------------------------------------------------------ the load

const admin = new pg.Client({ connectionString: args['database-url'] });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${DATABASE}`);
await admin.query(`CREATE DATABASE ${DATABASE}`);
await admin.end();
const url = new URL(args['database-url']);
url.pathname = `/${DATABASE}`;
const db = openPostgres(url.toString(), {
  poolSize: 4,
  bounds: { connectMs: 10_000, statementMs: 3_600_000 },
});
await createStore(db);
say(
  `${elapsed()}: schema made in ${DATABASE}; ${paths.length} paths of ${paths.map((p) => p.lines.length).join('/')} trace lines`,
);

await db.query(`INSERT INTO workspaces (id, name, created_at) VALUES
  ('ws-main', 'Main', now()), ('ws-b', 'B', now()), ('ws-c', 'C', now())`);
await db.query(
  `INSERT INTO ws_settings (workspace_id, data, revision, updated_at, updated_by_id, updated_by_name)
   VALUES ('ws-main', '{"timeZone": "America/Sao_Paulo"}', 1, now(), 'bench', 'bench')`,
);
await db.query(`CREATE TABLE bench_paths (id integer PRIMARY KEY, lo integer, hi integer, status text,
  duration_ms integer, ended_node text, ended_label text, lines jsonb)`);
let cumulative = 0;
for (const p of paths) {
  const summary = summarizeTrace(p.lines);
  await db.query('INSERT INTO bench_paths VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)', [
    p.id,
    cumulative,
    cumulative + p.share,
    p.status,
    p.durationMs,
    summary.endedNode?.id ?? null,
    summary.endedNode?.label ?? null,
    JSON.stringify(p.lines),
  ]);
  cumulative += p.share;
}
/** A pseudo-random number in [0, 1) from a call's number and a salt: the same in every statement. */
await db.query(`CREATE FUNCTION bench_rand(g bigint, salt integer) RETURNS float8 LANGUAGE sql IMMUTABLE AS
  $$ SELECT ((hashint8(g * 64 + salt) & 2147483647)::float8 / 2147483648) $$`);
const started = Date.parse('2026-12-07T00:00:00Z') - DAYS * 86_400_000;
const GEN = `
  SELECT g,
    'CA' || lpad(to_hex(g), 32, '0') AS sid,
    CASE WHEN bench_rand(g, 1) < 0.8 THEN 'ws-main' WHEN bench_rand(g, 1) < 0.9 THEN 'ws-b' ELSE 'ws-c' END AS ws,
    CASE WHEN bench_rand(g, 2) < 0.7 THEN 'recepcao' WHEN bench_rand(g, 2) < 0.9 THEN 'suporte' ELSE 'cobranca' END AS callbot,
    floor(bench_rand(g, 3) * ${DAYS})::integer AS day,
    to_timestamp(${started / 1000}) + floor(bench_rand(g, 3) * ${DAYS}) * interval '1 day'
      + (11 + (bench_rand(g, 4) + bench_rand(g, 5) + bench_rand(g, 6)) / 3 * 14) * interval '1 hour'
      + bench_rand(g, 7) * interval '1 hour' AS created_at,
    CASE WHEN bench_rand(g, 8) < 0.85 THEN 'line' WHEN bench_rand(g, 8) < 0.95 THEN 'whatsapp' ELSE 'sip' END AS channel,
    CASE WHEN bench_rand(g, 9) < 0.9 THEN 'inbound' ELSE 'outbound' END AS direction,
    floor(bench_rand(g, 10) * 100)::integer AS pick,
    floor(bench_rand(g, 11) * 5)::integer AS line_no,
    (bench_rand(g, 12) * 20000)::integer AS jitter
  FROM generate_series($1::bigint, $2::bigint) AS g`;
for (let from = 1; from <= CALLS; from += CHUNK) {
  const to = Math.min(CALLS, from + CHUNK - 1);
  await db.query(
    `INSERT INTO calls (sid, line, caller, callbot_id, version, status, step, session, listen,
       last_twiml, created_at, updated_at, direction, workspace_id, channel, ended_at, duration_ms,
       ended_node, ended_node_label, cost_amount, cost_currency, cost_example, summarized)
     SELECT c.sid, '+5511300000' || lpad(c.line_no::text, 2, '0'), '+55119' || lpad((c.g % 100000000)::text, 8, '0'),
       c.callbot, 1 + (c.day >= ${DAYS - 30})::integer + (c.day >= ${DAYS - 10})::integer,
       p.status, 4, $3::jsonb, NULL, '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>',
       c.created_at, c.created_at + (p.duration_ms + c.jitter) * interval '1 millisecond', c.direction, c.ws, c.channel,
       c.created_at + (p.duration_ms + c.jitter) * interval '1 millisecond', p.duration_ms + c.jitter,
       p.ended_node, p.ended_label,
       CASE WHEN c.channel = 'whatsapp' AND c.direction = 'inbound' THEN 0
         ELSE ceil((p.duration_ms + c.jitter) / 60000.0)::integer
           * CASE WHEN c.channel = 'sip' THEN 8 WHEN c.channel = 'whatsapp' THEN 30 ELSE 15 END END,
       'BRL', true, true
     FROM (${GEN}) c JOIN bench_paths p ON c.pick >= p.lo AND c.pick < p.hi`,
    [from, to, session],
  );
  await db.query(
    `INSERT INTO call_events (sid, seq, step, at, line)
     SELECT c.sid, (e.ord - 1)::integer, 1 + (e.ord * 3 / jsonb_array_length(p.lines))::integer,
       c.created_at + (e.line ->> 't')::integer * interval '1 millisecond', e.line
     FROM (${GEN}) c JOIN bench_paths p ON c.pick >= p.lo AND c.pick < p.hi,
       jsonb_array_elements(p.lines) WITH ORDINALITY AS e (line, ord)`,
    [from, to],
  );
  say(`${elapsed()}: ${to.toLocaleString('en')} calls loaded`);
}

// The counters, as finish.ts adds them call by call: per path, times the calls of each path and slot.
await db.query(
  `INSERT INTO call_stats (workspace_id, callbot_id, version, slot, status, currency, calls, duration_ms, cost_amount)
   SELECT workspace_id, callbot_id, version, ${slotOf('created_at')}, status, cost_currency,
     count(*), sum(duration_ms), sum(cost_amount)
   FROM calls GROUP BY 1, 2, 3, 4, 5, 6`,
);
await db.query(
  `CREATE TABLE bench_counters (path integer, node text, metric text, detail text, count integer)`,
);
for (const p of paths) {
  const summary = summarizeTrace(p.lines);
  const counters = nodeCounters(summary, p.status);
  if (p.status === 'caller_hung_up' && summary.endedNode) {
    counters.push({ node: summary.endedNode.id, metric: 'dropoff', detail: '', count: 1 });
  }
  for (const c of counters) {
    await db.query('INSERT INTO bench_counters VALUES ($1, $2, $3, $4, $5)', [
      p.id,
      c.node,
      c.metric,
      c.detail,
      c.count,
    ]);
  }
}
await db.query(
  `INSERT INTO call_node_stats (workspace_id, callbot_id, version, slot, node, metric, detail, count)
   SELECT k.ws, k.callbot, k.version, k.slot, b.node, b.metric, b.detail, sum(k.calls * b.count)
   FROM (SELECT c.ws, c.callbot, 1 + (c.day >= ${DAYS - 30})::integer + (c.day >= ${DAYS - 10})::integer AS version,
           ${slotOf('c.created_at')} AS slot, p.id AS path, count(*) AS calls
         FROM (${GEN}) c JOIN bench_paths p ON c.pick >= p.lo AND c.pick < p.hi
         GROUP BY 1, 2, 3, 4, 5) k
   JOIN bench_counters b ON b.path = k.path
   GROUP BY 1, 2, 3, 4, 5, 6, 7`,
  [1, CALLS],
);
await db.query('VACUUM ANALYZE');
say(`${elapsed()}: counters made, VACUUM ANALYZE done`);

// ------------------------------------------------------------------ the timings

const calls = createCallsStore(db);
const quantile = (xs: number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
};
async function time(name: string, run: (i: number) => Promise<unknown>) {
  await run(-1); // one warm-up (plans, caches)
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const at = performance.now();
    await run(i);
    ms.push(performance.now() - at);
  }
  const f = (x: number) => x.toFixed(1);
  say(
    `${name}: p50 ${f(quantile(ms, 0.5))} ms, p95 ${f(quantile(ms, 0.95))} ms, max ${f(Math.max(...ms))} ms (${RUNS} runs)`,
  );
  return quantile(ms, 0.95);
}
const month = (i: number) => {
  const end = Date.parse('2026-12-07T00:00:00Z') - (Math.abs(i) % 3) * 20 * 86_400_000;
  return { from: new Date(end - 30 * 86_400_000).toISOString(), to: new Date(end).toISOString() };
};
const FILTERS: Partial<CallListParams>[] = [
  {},
  { callbot: 'recepcao' },
  { callbot: 'recepcao', version: 3 },
  { outcome: 'caller_hung_up' },
  { channel: 'whatsapp' },
  { callbot: 'suporte', outcome: 'handed_off', direction: 'inbound' },
  { line: '+551130000003' },
  { callbot: 'cobranca', channel: 'sip' },
];
let list = 0;
for (const [n, filter] of FILTERS.entries()) {
  const name = Object.entries(filter)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join('&');
  const p95 = await time(
    `calls page, first page, ${name || 'no filter'} (half of the runs within a month)`,
    (i) =>
      calls.list('ws-main', {
        ...callListQuerySchema.parse({}),
        ...filter,
        ...(i % 2 === 0 && month(i + n)),
      }),
  );
  list = Math.max(list, p95);
}
const sortedList = await time('calls page, sorted by duration, one month', (i) =>
  calls.list('ws-main', { ...callListQuerySchema.parse({ sort: 'duration' }), ...month(i) }),
);
const one = await time('one call (row, trace lines, timeline)', async (i) => {
  const g = 1 + ((Math.abs(i) * 7_919_993) % CALLS);
  const sid = `CA${g.toString(16).padStart(32, '0')}`;
  const { rows } = await db.query<{ ws: string }>(
    'SELECT workspace_id AS ws FROM calls WHERE sid = $1',
    [sid],
  );
  const found = await calls.get(rows[0]!.ws, sid);
  return timelineOf(
    found!.events.map((e) => e.line),
    found!.call.durationMs ?? 0,
    DEFAULT_WORDS_PER_MINUTE,
  );
});
const analytics = await time(
  "a month's analytics of a callbot (all versions, then version 2)",
  (i) => {
    const days = ['2026-11-07', '2026-10-18', '2026-09-28'];
    const from = days[Math.abs(i) % 3]!;
    const to = new Date(Date.parse(from) + 29 * 86_400_000).toISOString().slice(0, 10);
    return calls.analytics('ws-main', {
      callbot: 'recepcao',
      version: i % 2 === 0 ? null : 2,
      from,
      to,
      timeZone: 'America/Sao_Paulo',
    });
  },
);
const check = await calls.analytics('ws-main', {
  callbot: 'recepcao',
  version: null,
  from: '2026-09-01',
  to: '2026-12-07',
  timeZone: 'UTC',
});
const { rows: truth } = await db.query<{ n: number }>(
  `SELECT count(*)::integer AS n FROM calls WHERE workspace_id = 'ws-main' AND callbot_id = 'recepcao'
     AND created_at >= '2026-09-01' AND created_at < '2026-12-08'`,
);
say(
  `  (check: the month analytics' counters say ${check.totals.calls} calls for recepcao since 2026-09-01; the calls table ${truth[0]!.n})`,
);

const { rows: sizes } = await db.query<Record<string, string>>(
  `SELECT (SELECT count(*) FROM calls) AS calls, (SELECT count(*) FROM call_events) AS events,
     pg_relation_size('calls') AS calls_heap, pg_total_relation_size('calls') AS calls_total,
     pg_indexes_size('calls') AS calls_indexes,
     pg_total_relation_size('call_events') AS events_total,
     pg_total_relation_size('call_stats') + pg_total_relation_size('call_node_stats') AS counters,
     pg_database_size(current_database()) AS database`,
);
const s = Object.fromEntries(Object.entries(sizes[0]!).map(([k, v]) => [k, Number(v)]));
const per = (bytes: number) => `${(bytes / s.calls! / 1024).toFixed(2)} KB`;
say(
  `storage: ${s.calls!.toLocaleString('en')} calls, ${s.events!.toLocaleString('en')} trace lines`,
);
say(
  `  per call: calls ${per(s.calls_total!)} (heap ${per(s.calls_heap!)}, indexes ${per(s.calls_indexes!)}), call_events ${per(s.events_total!)}, counters ${per(s.counters!)}; database ${per(s.database!)}`,
);
say(
  JSON.stringify({
    calls: s.calls,
    p95ms: { list, sortedList, one, analytics },
    bytesPerCall: Math.round(s.database! / s.calls!),
  }),
);
await db.close();
