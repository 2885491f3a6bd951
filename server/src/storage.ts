/**
 * `npm run storage --workspace @callbot/server [-- --calls 300 --database-url URL]`:
 * measures what one recorded call costs on disk (a benchmark script that
 * prints figures; not a test). It plays `--calls` calls of the reception
 * example through a server in this process (each: the menu, a wrong key, the
 * menu again, 1, nobody answers, the fallback bot, the end: 5 webhooks and
 * about 20 trace lines), then says where the bytes went: the `calls` row
 * (with its session, TwiML and listening state), its trace lines in
 * `call_events`, the indexes, and, for PGlite, the data folder as a whole
 * (after a CHECKPOINT). On PostgreSQL it uses the database of
 * `--database-url` (its own tables, with what is there already).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { examples } from '@callbot/runtime';
import { openPglite, openPostgres, type Database } from './db.ts';
import { createServer } from './server.ts';
import { createStore } from './store.ts';
import { createAccountStore } from './accounts.ts';
import { postWebhook } from './webhookClient.ts';

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '300' },
    'database-url': { type: 'string' },
  },
});
const calls = Number(args.calls);
const databaseUrl = args['database-url'];
const TOKEN = 'storage-api-token';
const AUTH = 'storage-auth-token';
const LINE = '+551130000000';
const dir = mkdtempSync(path.join(tmpdir(), 'callbot-storage-'));

const folderBytes = () =>
  Number(execFileSync('du', ['-sb', dir], { encoding: 'utf8' }).split('\t')[0]);

async function sizes(db: Database): Promise<Record<string, number>> {
  const { rows } = await db.query<Record<string, number>>(
    `SELECT pg_total_relation_size('calls')::bigint AS calls_total,
       pg_relation_size('calls')::bigint AS calls_heap,
       pg_total_relation_size('call_events')::bigint AS events_total,
       pg_relation_size('call_events')::bigint AS events_heap,
       pg_database_size(current_database())::bigint AS database,
       (SELECT count(*) FROM calls)::bigint AS call_rows,
       (SELECT count(*) FROM call_events)::bigint AS event_rows`,
  );
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)]));
}

const db = databaseUrl ? openPostgres(databaseUrl) : await openPglite(path.join(dir, 'data'));
const store = await createStore(db);
if (!databaseUrl) await db.query('CHECKPOINT');
const before: Record<string, number> = {
  ...(await sizes(db)),
  folder: databaseUrl ? 0 : folderBytes(),
};
const server = createServer({
  store,
  accounts: createAccountStore(db),
  token: TOKEN,
  authToken: AUTH,
  clock: { now: () => Date.parse('2026-11-24T10:00:00-03:00') },
  log: () => {},
});
const origin = await server.listen(0);
const api = (method: string, route: string, body: unknown) =>
  fetch(origin + route, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<{ version: number }>);
const { version } = await api('POST', '/api/callbots/recepcao/versions', {
  flow: examples.reception,
});
await api('PUT', `/api/lines/${LINE}`, { callbot: 'recepcao', version, replace: true });
await api('PUT', '/api/teams/vendas', { target: 'vendas', agentsAvailable: 1 });
await api('PUT', '/api/bots/bot-vendas', { target: 'sip:bot-vendas@bots.example.com' });
const run = Date.now().toString(36);
const hook = (route: string, fields: Record<string, string>) =>
  postWebhook(origin, route, fields, { authToken: AUTH });
for (let i = 0; i < calls; i++) {
  const CallSid = `CAstorage${run}n${i}`;
  await hook('/voice/incoming', {
    CallSid,
    From: '+5511999990000',
    To: LINE,
    Direction: 'inbound',
  });
  await hook('/voice/gather?step=1', { CallSid, Digits: '7' });
  await hook('/voice/gather?step=2', { CallSid, Digits: '1' });
  await hook('/voice/dial-result?step=3', { CallSid, DialCallStatus: 'no-answer' });
  await hook('/voice/status', { CallSid, CallStatus: 'completed' });
}
if (!databaseUrl) await db.query('CHECKPOINT');
const after: Record<string, number> = {
  ...(await sizes(db)),
  folder: databaseUrl ? 0 : folderBytes(),
};
const { rows: columns } = await db.query<Record<string, number>>(
  `SELECT avg(pg_column_size(session))::integer AS session, avg(pg_column_size(last_twiml))::integer AS last_twiml,
     avg(pg_column_size(listen))::integer AS listen FROM calls WHERE sid LIKE $1`,
  [`CAstorage${run}%`],
);
const { rows: lines } = await db.query<Record<string, number>>(
  'SELECT avg(pg_column_size(line))::integer AS line FROM call_events WHERE sid LIKE $1',
  [`CAstorage${run}%`],
);
await server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const per = (key: string) => Math.round((after[key]! - before[key]!) / calls);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const eventsPerCall = (after.event_rows! - before.event_rows!) / calls;
const say = (line: string) => process.stdout.write(`${line}\n`);
say(
  `${calls} calls on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${eventsPerCall.toFixed(1)} trace lines each`,
);
say(
  `per call: calls table ${kb(per('calls_total'))} (heap ${kb(per('calls_heap'))}), call_events ${kb(per('events_total'))} (heap ${kb(per('events_heap'))})`,
);
say(
  `  columns (average, as stored): session ${columns[0]!.session} B, last_twiml ${columns[0]!.last_twiml} B, listen ${columns[0]!.listen ?? 0} B; a trace line ${lines[0]!.line} B`,
);
say(
  `  database ${kb(per('database'))}${databaseUrl ? '' : `, data folder ${kb(per('folder'))} (after CHECKPOINT: tables, indexes, WAL)`}`,
);
say(
  JSON.stringify({
    calls,
    database: databaseUrl ? 'postgresql' : 'pglite',
    bytesPerCall: databaseUrl ? per('database') : per('folder'),
    tablesPerCall: per('calls_total') + per('events_total'),
  }),
);
