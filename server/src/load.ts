/**
 * `npm run load --workspace @callbot/server`: a load benchmark of the
 * server's voice webhooks (it reports figures; it is not a test).
 *
 * Without `--url` it starts a server in a child process (so that this
 * script's own work does not delay the server's answers), on loopback, with
 * PGlite in a fresh temporary folder and a clock that starts on a Tuesday at
 * 10:00 in São Paulo (the reception example is open, so every call reaches
 * its menu). It publishes the reception example, points a line at it, sets
 * its teams and fallback bots, then plays `--calls` simulated calls.
 *
 * What it models: calls arrive one after another at `--rate` calls per
 * second (default 100, evenly spaced), at most `--concurrency` of them in
 * progress at once (default 1,000; a new arrival waits while the limit is
 * reached), as a provider sends a number's calls. Each call is a caller who
 * listens for `--think` ms (default 5,000: the menu takes about that long to
 * say) between the server's answer and their next action. With the defaults
 * the 1,000 calls are all in progress together before the first ends. `--rate 100000 --concurrency 200` is 200 calls at once, kept
 * up until `--calls` have been played: a saturation test. A call is one of
 * three scripts, in turn:
 *   - presses 1 (vendas, answered: `<Enqueue>`), the queue bridges, hangs up;
 *   - presses 2 (suporte has no agent: the fallback bot over SIP), hangs up;
 *   - presses 7 (no match: the menu again), then 1, nobody answers (the
 *     fallback bot over SIP), hangs up.
 * Each request is signed as the provider signs it, and each answer is
 * checked: the status, and TwiML of the expected shape (the menu's
 * `<Gather>` with the next step, the `<Enqueue>`, the `<Dial><Sip>`, the
 * `<Hangup/>`); anything else counts as an error and the first few are
 * printed.
 *
 * `--max-lag-ms` is the servers' `maxLagMs` (default 25): how late their
 * event loop may run before they hold new calls (a large value leaves only
 * the bound on requests in flight, to compare).
 *
 * With `--database-url` the server runs on that PostgreSQL instead, and
 * `--instances n` starts n of them on it (one after the other: the first
 * migrates), each request of a call going to the next instance in turn (a
 * balancer with no stickiness).
 *
 * A held answer (the server shed the request, or its database was slow: a
 * `<Pause>` and a `<Redirect>`) is followed as the provider does: after the
 * pause, the redirect's URL with the call's own fields; each try is a
 * request in the figures. A request with no answer in 15 s (the provider's
 * timeout) is given up and counted.
 *
 * With `--url` it targets a running server instead (`--token` or
 * CALLBOT_API_TOKEN, `--auth-token` or TWILIO_AUTH_TOKEN); that server's
 * clock must be within the reception example's opening hours. It changes
 * that server: a new version of `recepcao`, the line +551130000000 pointed
 * at it (replacing its callbot), the teams vendas, suporte and recepcao (the
 * default) and the reception's fallback bots: use a server for testing.
 *
 * Prints figures, then as the last line one JSON object:
 * `{"calls", "errors", "p50Ms", "p99Ms", "inProgressP99Ms", "newCallsP99Ms",
 * "held", "overflowed", "timeouts", "over15s", "requestsPerSec", "serverSideP99Ms"}`
 * (`overflowed`: new calls held until their retries ran out and given to
 * the default team, as the server does past capacity; latencies of single
 * webhook requests: over every request, over the requests of calls already
 * in progress, and over `/voice/incoming` and its retries).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import http from 'node:http';
import { twilioSignature } from './signature.ts';
import type { AccountStore } from './accounts.ts';
import type { Database } from './db.ts';
import { examples } from '@callbot/runtime';

const LINE = '+551130000000';
const CALLBOT = 'recepcao';
/** A Tuesday at 10:00 in São Paulo: the reception example is open. */
const OPEN_AT = Date.parse('2026-11-24T10:00:00-03:00');

const { values: args } = parseArgs({
  options: {
    calls: { type: 'string', default: '1000' },
    concurrency: { type: 'string', default: '1000' },
    rate: { type: 'string', default: '100' },
    think: { type: 'string', default: '5000' },
    url: { type: 'string' },
    token: { type: 'string' },
    'auth-token': { type: 'string' },
    'database-url': { type: 'string' },
    'max-lag-ms': { type: 'string', default: '25' },
    instances: { type: 'string', default: '1' },
    serve: { type: 'boolean', default: false },
    workspace: { type: 'boolean', default: false },
  },
});

const positive = (name: string, text: string, min = 1): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    process.stderr.write(`--${name} must be a whole number of at least ${min} (got ${text})\n`);
    process.exit(2);
  }
  return n;
};

/**
 * The child process: a server on PGlite in a temporary folder (or on the
 * PostgreSQL of LOAD_DATABASE_URL), its URL sent to the parent.
 */
async function serve(): Promise<void> {
  const { createAccountStore, createServer, createStore, openPglite, openPostgres } =
    await import('./index.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'callbot-load-'));
  const databaseUrl = process.env.LOAD_DATABASE_URL;
  const db = databaseUrl ? openPostgres(databaseUrl) : await openPglite(dir);
  const store = await createStore(db);
  const started = performance.now();
  const now = () => OPEN_AT + Math.round(performance.now() - started);
  const accounts = createAccountStore(db);
  const server = createServer({
    store,
    accounts,
    token: process.env.LOAD_API_TOKEN!,
    authToken: process.env.LOAD_AUTH_TOKEN!,
    maxLagMs: Number(process.env.LOAD_MAX_LAG_MS),
    clock: { now },
    ...(process.env.LOAD_WORKSPACE && {
      workspace: await workspaceSetUp(db, accounts, now),
    }),
  });
  // Each webhook's time as the server sees it, from its arrival to the end of its answer: what
  // the provider waits for, without this script's own delays (on a busy machine, large).
  const served: number[] = [];
  let received = 0;
  // How long the event loop was held up (a blocking write or fsync stalls every request); the
  // histogram's figures include its 10 ms resolution.
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  server.http.on('request', (req: { url?: string }, res: NodeJS.EventEmitter) => {
    if (!req.url?.startsWith('/voice/')) return;
    received++;
    const t0 = performance.now();
    res.once('finish', () => served.push(performance.now() - t0));
  });
  const url = await server.listen(0, '127.0.0.1');
  process.send!({ url });
  // The parent asks for the server's CPU time (and the times above) once the calls are over.
  process.on('message', () => {
    served.sort((a, b) => a - b);
    process.send!({
      cpuMs: cpuMs(),
      servedP99Ms: percentile(served, 99),
      served: served.length,
      maxLagMs: lag.max / 1e6 - 10,
      received,
    });
    received = 0;
    served.length = 0;
    lag.reset();
  });
  process.on('disconnect', () => {
    void server
      .close()
      .then(() => store.close())
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

/**
 * `--workspace`: the calls are a workspace's (the reception example published under it, its
 * line, teams with their routing and bots), set up through the stores, as an editor would.
 */
async function workspaceSetUp(db: Database, accounts: AccountStore, now: () => number) {
  const { createHub, inProcessBus } = await import('./workspace/events.ts');
  const { createWorkspaceStore } = await import('./workspace/store.ts');
  const { createPublishStore } = await import('./workspace/publishStore.ts');
  const { compileFlow } = await import('@callbot/shared');
  const { machineFingerprint } = await import('@callbot/runtime');
  const workspaceStore = createWorkspaceStore(db, now);
  const published = createPublishStore(db, now);
  const made = await accounts.setup({
    email: 'load@example.com',
    name: 'Load',
    passwordHash: 'unused',
    workspaceName: 'Load',
    at: now(),
  });
  const ws = made!.workspaceId;
  const by = { id: made!.userId, name: 'Load' };
  const routing = [
    ['recepcao', 'recepcao', 1],
    ['vendas', 'vendas', 5],
    ['suporte', '+551140000002', 0],
  ] as const;
  for (const [id, target, agentsAvailable] of routing) {
    await workspaceStore.putRecord(
      ws,
      'teams',
      id,
      { id, name: id, agents: 5, isDefault: id === 'recepcao' },
      by,
    );
    await published.putRouting(ws, id, { target, agentsAvailable });
  }
  const doc = examples.reception;
  await workspaceStore.saveFlow(ws, CALLBOT, { baseRevision: 0, doc, callbot: true }, by);
  await workspaceStore.putRecord(
    ws,
    'lines',
    'line',
    {
      id: 'line',
      kind: 'purchased',
      country: 'BR',
      number: LINE,
      status: 'active',
      requestedAt: now(),
      orderId: 'load',
      createdAt: now(),
    },
    by,
  );
  await workspaceStore.assignLine(ws, 'line', { callbotId: CALLBOT, replace: false }, by);
  const { machine } = compileFlow(doc);
  await published.publish(
    ws,
    CALLBOT,
    { doc, fingerprint: machineFingerprint(machine!), note: 'load script' },
    by,
  );
  const bots = ['bot-vendas', 'bot-suporte', 'bot-fora-do-horario'].map((id) => ({
    id,
    target: `sip:${id}@bots.example.com`,
  }));
  return {
    store: workspaceStore,
    hub: createHub(inProcessBus(), now),
    published,
    bots: () => Promise.resolve(bots),
  };
}

async function startChild(token: string, authToken: string, databaseUrl: string | undefined) {
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    env: {
      ...process.env,
      LOAD_API_TOKEN: token,
      LOAD_AUTH_TOKEN: authToken,
      LOAD_MAX_LAG_MS: String(positive('max-lag-ms', args['max-lag-ms'])),
      ...(databaseUrl && { LOAD_DATABASE_URL: databaseUrl }),
      ...(args.workspace && { LOAD_WORKSPACE: '1' }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, url };
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The server process's CPU time so far, in ms. */
interface ChildStats {
  cpuMs: number;
  servedP99Ms: number;
  served: number;
  maxLagMs: number;
  received: number;
}

function childStats(child: ChildProcess): Promise<ChildStats> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as ChildStats));
    child.send('stats');
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}

async function api(origin: string, token: string, method: string, route: string, body: unknown) {
  const response = await fetch(origin + route, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as Record<string, unknown>;
}

/** Publishes the reception example and sets up what its calls need. */
async function setUp(origin: string, token: string): Promise<void> {
  const flow = examples.reception;
  const published = await api(origin, token, 'POST', `/api/callbots/${CALLBOT}/versions`, {
    flow,
    note: 'load script',
  });
  await api(origin, token, 'PUT', `/api/lines/${encodeURIComponent(LINE)}`, {
    callbot: CALLBOT,
    version: published.version,
    replace: true,
  });
  const teams = [
    ['vendas', { target: 'vendas', agentsAvailable: 5 }],
    ['suporte', { target: '+551140000002', agentsAvailable: 0 }],
    ['recepcao', { target: 'recepcao', agentsAvailable: 1, isDefault: true }],
  ] as const;
  for (const [id, team] of teams) await api(origin, token, 'PUT', `/api/teams/${id}`, team);
  for (const bot of ['bot-vendas', 'bot-suporte', 'bot-fora-do-horario']) {
    await api(origin, token, 'PUT', `/api/bots/${bot}`, { target: `sip:${bot}@bots.example.com` });
  }
}

/** One request of a call and what its answer must be. */
interface Step {
  path: (step: number) => string;
  fields: Record<string, string>;
  status: number;
  /** The answer's TwiML must match this (for the step the call is then at). */
  expect: (step: number) => RegExp | null;
}

const XML = '^<\\?xml version="1\\.0" encoding="UTF-8"\\?><Response>';
const menu = (step: number) =>
  new RegExp(
    `${XML}(<Say language="pt-BR">[^<]+</Say>)+<Gather input="dtmf speech" action="/voice/gather\\?step=${step}" [^>]*/><Redirect method="POST">/voice/gather\\?step=${step}</Redirect></Response>$`,
  );
const queued = (step: number) =>
  new RegExp(
    `${XML}<Enqueue action="/voice/dial-result\\?step=${step}" method="POST" waitUrl="/voice/queue-wait\\?step=${step}" waitUrlMethod="POST">vendas</Enqueue></Response>$`,
  );
const fallbackBot = (bot: string) =>
  new RegExp(`${XML}<Dial><Sip>sip:${bot}@bots\\.example\\.com</Sip></Dial><Hangup/></Response>$`);
const hangup = new RegExp(`${XML}<Hangup/></Response>$`);
/** A new call held until its retries ran out, then given to the default team (recepcao). */
const overflow = new RegExp(`${XML}<Enqueue>recepcao</Enqueue><Hangup/></Response>$`);

const gather = (digits: string, expect: Step['expect']): Step => ({
  path: (step) => `/voice/gather?step=${step}`,
  fields: { Digits: digits },
  status: 200,
  expect,
});
const dialResult = (fields: Record<string, string>, expect: Step['expect']): Step => ({
  path: (step) => `/voice/dial-result?step=${step}`,
  fields,
  status: 200,
  expect,
});
const incoming: Step = {
  path: () => '/voice/incoming',
  fields: { From: '+5511999990000', To: LINE, Direction: 'inbound' },
  status: 200,
  expect: menu,
};
const hungUp: Step = {
  path: () => '/voice/status',
  fields: { CallStatus: 'completed' },
  status: 204,
  expect: () => null,
};

const SCRIPTS: Step[][] = [
  [incoming, gather('1', queued), dialResult({ QueueResult: 'bridged' }, () => hangup), hungUp],
  [incoming, gather('2', () => fallbackBot('bot-suporte')), hungUp],
  [
    incoming,
    gather('7', menu),
    gather('1', queued),
    dialResult({ DialCallStatus: 'no-answer' }, () => fallbackBot('bot-vendas')),
    hungUp,
  ],
];

/** The auth token the webhooks are signed with (set by `main`). */
let signingToken = '';

/** Connections kept open between requests, as the provider keeps them. */
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** One signed webhook over node:http, given up after the provider's 15 s. */
function post(
  origin: string,
  route: string,
  params: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const pairs = Object.entries(params);
  const body = new URLSearchParams(pairs).toString();
  const signature = twilioSignature(signingToken, origin + route, pairs);
  return new Promise((resolve, reject) => {
    const request = http.request(
      origin + route,
      {
        method: 'POST',
        agent,
        timeout: 15_000,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-twilio-signature': signature,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(Object.assign(new Error('no answer in 15 s'), { name: 'TimeoutError' })),
    );
    request.on('error', reject);
    request.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main(): Promise<void> {
  const calls = positive('calls', args.calls);
  const concurrency = positive('concurrency', args.concurrency);
  const rate = positive('rate', args.rate);
  const think = positive('think', args.think, 0);
  const token = args.token ?? process.env.CALLBOT_API_TOKEN ?? 'load-api-token';
  const authToken = args['auth-token'] ?? process.env.TWILIO_AUTH_TOKEN ?? 'load-auth-token';
  signingToken = authToken;

  const instances = positive('instances', args.instances);
  const databaseUrl = args['database-url'];
  if (instances > 1 && !databaseUrl && !args.url) {
    process.stderr.write('--instances above 1 needs --database-url (PGlite serves one process)\n');
    process.exit(2);
  }
  // One after the other: the first migrates the database.
  const children: { child: ChildProcess; url: string }[] = [];
  if (!args.url) {
    for (let i = 0; i < instances; i++)
      children.push(await startChild(token, authToken, databaseUrl));
  }
  const origins = args.url ? [args.url.replace(/\/$/, '')] : children.map((c) => c.url);
  const origin = origins[0]!;
  try {
    if (!args.workspace) await setUp(origin, token);
    const latencies: number[] = [];
    /** Requests of calls already in progress (after `/voice/incoming`), and of new calls. */
    const inProgress: number[] = [];
    const newCalls: number[] = [];
    const errors: string[] = [];
    let held = 0;
    let timeouts = 0;
    /** New calls held until their retries ran out, then given to the default team. */
    let overflowed = 0;
    const runId = `${process.pid}x${Date.now().toString(36)}`;

    /** One request as the provider sends it: timed, and given up after its 15 s timeout. */
    async function send(to: string, route: string, fields: Record<string, string>, isNew: boolean) {
      const t0 = performance.now();
      try {
        return await post(to, route, fields);
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') timeouts++;
        throw error;
      } finally {
        const ms = performance.now() - t0;
        latencies.push(ms);
        (isNew ? newCalls : inProgress).push(ms);
      }
    }

    async function playCall(index: number): Promise<void> {
      const CallSid = `CA${runId}n${index}`;
      const script = SCRIPTS[index % SCRIPTS.length]!;
      let step = 0;
      for (const [i, request] of script.entries()) {
        if (i > 0) await sleep(think);
        // A balancer with no stickiness: each request to the next instance.
        const to = origins[(index + i) % origins.length]!;
        let reply;
        try {
          reply = await send(to, request.path(step), { CallSid, ...request.fields }, i === 0);
          // A held answer (shed, or the database slow): the provider pauses, then follows the
          // <Redirect> with the call's own fields (the input travels in the URL).
          for (let hold = 0; hold < 20; hold++) {
            const retry =
              /<Pause length="(\d+)"\/><Redirect method="POST">([^<]+)<\/Redirect><\/Response>$/.exec(
                reply.body,
              );
            if (!retry) break;
            held++;
            await sleep(Number(retry[1]) * 1000);
            const base = i === 0 ? { CallSid, ...request.fields } : { CallSid };
            reply = await send(to, retry[2]!.replace(/&amp;/g, '&'), base, i === 0);
          }
        } catch (error) {
          errors.push(`${CallSid} ${request.path(step)}: ${(error as Error).message}`);
          return;
        }
        if (i === 0 && overflow.test(reply.body)) {
          overflowed++;
          return;
        }
        step++;
        const shape = request.expect(step);
        if (reply.status !== request.status || (shape && !shape.test(reply.body))) {
          errors.push(`${CallSid} ${request.path(step - 1)}: ${reply.status} ${reply.body}`);
          return;
        }
      }
    }

    const inFlight = new Set<Promise<void>>();
    let peak = 0;
    const started = children[0] ?? null;
    const before = await Promise.all(children.map((c) => childStats(c.child)));
    const clientCpuBefore = cpuMs();
    // This script's own event loop: when it is late, its figures include its own delay.
    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    clientLag.enable();
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) {
      const due = t0 + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      while (inFlight.size >= concurrency) await Promise.race(inFlight);
      const call = playCall(i).finally(() => inFlight.delete(call));
      inFlight.add(call);
      peak = Math.max(peak, inFlight.size);
    }
    await Promise.all(inFlight);
    const seconds = (performance.now() - t0) / 1000;
    clientLag.disable();
    const after = await Promise.all(children.map((c) => childStats(c.child)));
    const serverCpuMs = started && after[0]!.cpuMs - before[0]!.cpuMs;
    const clientCpuMs = cpuMs() - clientCpuBefore;
    // The worst instance's p99, as the server saw its requests.
    const servedP99Ms = Math.max(0, ...after.map((a) => a.servedP99Ms));
    const maxLagMs = Math.max(0, ...after.map((a) => a.maxLagMs));
    const received = after.reduce((n, a) => n + a.received, 0);
    const answered = after.reduce((n, a) => n + a.served, 0);

    for (const list of [latencies, inProgress, newCalls]) list.sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    const result = {
      calls,
      errors: errors.length,
      p50Ms: round(percentile(latencies, 50)),
      p99Ms: round(percentile(latencies, 99)),
      inProgressP99Ms: round(percentile(inProgress, 99)),
      newCallsP99Ms: round(percentile(newCalls, 99)),
      held,
      overflowed,
      timeouts,
      over15s: latencies.filter((ms) => ms >= 15_000).length,
      requestsPerSec: Math.round(latencies.length / seconds),
      serverSideP99Ms: Math.round(servedP99Ms * 10) / 10,
    };
    const say = (line: string) => process.stdout.write(`${line}\n`);
    say(
      `target: ${args.url ?? `${origins.join(', ')} (${instances} child process${instances > 1 ? 'es' : ''}, ${databaseUrl ? 'PostgreSQL' : 'PGlite in a temporary folder'})`}`,
    );
    say(
      `model: ${calls} calls arriving at ${rate}/s, at most ${concurrency} in progress (peak ${peak}), ${think} ms between a caller's requests`,
    );
    say(
      `requests: ${latencies.length} in ${seconds.toFixed(1)} s; p50 ${result.p50Ms} ms, p90 ${round(percentile(latencies, 90))} ms, p99 ${result.p99Ms} ms, max ${round(latencies.at(-1) ?? 0)} ms`,
    );
    say(
      `calls in progress: p99 ${result.inProgressP99Ms} ms; new calls: p99 ${result.newCallsP99Ms} ms; held (shed or slow, then retried) ${held}; new calls given to the default team after their holds ${overflowed}; provider timeouts (15 s) ${timeouts}`,
    );
    if (children.length > 0) {
      say(
        `as the server saw them (arrival to end of answer): p99 ${result.serverSideP99Ms} ms; its event loop held up at most ${Math.round(maxLagMs)} ms; ${received} requests reached it (of ${latencies.length} sent), ${answered} answered; this script's CPU ${Math.round(clientCpuMs)} ms (${((clientCpuMs / 1000 / seconds) * 100).toFixed(0)}% of a core), its event loop late p99 ${round(clientLag.percentile(99) / 1e6 - 10)} ms, at most ${round(clientLag.max / 1e6 - 10)} ms`,
      );
    }
    if (serverCpuMs !== null && instances === 1) {
      say(
        `server CPU: ${Math.round(serverCpuMs)} ms, ${(serverCpuMs / latencies.length).toFixed(2)} ms per request`,
      );
    }
    if (clientLag.percentile(99) / 1e6 - 10 > 20) {
      say(
        'warning: this script ran late (its event loop over 20 ms late at p99): its latencies include its own delay; measure on a quieter machine',
      );
    }
    for (const error of errors.slice(0, 5)) say(`error: ${error}`);
    say(JSON.stringify(result));
  } finally {
    for (const { child } of children) await stopChild(child);
  }
}

if (args.serve) await serve();
else await main();
