/**
 * `npm run bench:api --workspace @callbot/server`: a benchmark of the
 * workspace API (it prints figures; it is not a test).
 *
 * It starts a server in a child process (so this script's own work does not
 * delay the server's answers), on loopback, with PGlite in a fresh
 * temporary folder, one workspace and `--editors` editors (default 50),
 * each signed in with a session. Each editor has a flow open (the reception
 * example, 13 nodes) and saves it every second (`PUT .../flows/:id` on top
 * of its revision, with the CSRF token), for `--seconds` seconds (default
 * 30); the editors' saves are spread evenly over each second. Every answer
 * must be a 200 with the next revision; anything else is an error.
 *
 * Then it opens a 200-node flow as the designer does: `GET .../flows/:id`
 * on loopback, the JSON read and the document checked through `loadFlow`,
 * `--opens` times (default 5), and prints the first and the slowest.
 *
 * Prints figures, then as the last line one JSON object:
 * `{"saves", "errors", "p50Ms", "p99Ms", "maxMs", "serverP50Ms", "serverP99Ms",
 * "serverCpuMsPerSave", "openFirstMs", "openMaxMs", "load"}`: the saves' times as
 * this script saw them, as the server saw them (arrival to the end of the
 * answer), and the server process's CPU time per save.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createFlow,
  CSRF_HEADER,
  loadFlow,
  SESSION_COOKIE,
  type FlowDocument,
  type FlowNode,
} from '@callbot/shared';
import { examples } from '@callbot/runtime';

const { values: args } = parseArgs({
  options: {
    editors: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '30' },
    opens: { type: 'string', default: '5' },
    serve: { type: 'boolean', default: false },
  },
});

const positive = (name: string, value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`--${name} must be a whole number of at least 1 (got "${value}").\n`);
    process.exit(2);
  }
  return n;
};

interface Setup {
  url: string;
  ws: string;
  sessions: { secret: string; csrfToken: string }[];
}

/** What the server process says of itself since the last time it was asked. */
interface ServerStats {
  cpuMs: number;
  served: number;
  servedP50Ms: number;
  servedP99Ms: number;
}

/** A flow of `count` nodes: a greeting, messages one after another, and a hang-up. */
export function longFlow(count: number): FlowDocument {
  const doc = createFlow('Fluxo longo');
  const nodes: FlowNode[] = [];
  const layout: Record<string, { x: number; y: number }> = {};
  for (let i = 0; i < count; i++) {
    const id = `n${i}`;
    const next = `n${i + 1}`;
    nodes.push(
      i === 0
        ? {
            id,
            kind: 'greeting',
            data: { text: 'Olá! Você ligou para a Loja Exemplo.' },
            connections: { next },
          }
        : i === count - 1
          ? { id, kind: 'hangup', data: { text: 'Obrigado pela ligação.' }, connections: {} }
          : {
              id,
              kind: 'message',
              data: { text: `Mensagem ${i}: o horário de atendimento é de segunda a sexta.` },
              connections: { next },
            },
    );
    layout[id] = { x: (i % 10) * 240, y: Math.floor(i / 10) * 150 };
  }
  return { ...doc, nodes, layout: { nodes: layout } };
}

/** The child process: the server, its workspace and editors; what the parent needs is sent to it. */
async function serve(editors: number): Promise<void> {
  const { createAccountStore, createServer, createStore, openPglite } = await import('../index.ts');
  const { createWorkspaceStore } = await import('./store.ts');
  const { createHub, inProcessBus } = await import('./events.ts');
  const dir = mkdtempSync(path.join(tmpdir(), 'callbot-bench-api-'));
  const db = await openPglite(dir);
  const store = await createStore(db);
  const accounts = createAccountStore(db);
  const now = () => Date.now();
  const workspace = createWorkspaceStore(db, now);
  const server = createServer({
    store,
    accounts,
    token: 'bench-token',
    authToken: 'bench-auth',
    clock: { now },
    log: (line) => process.stderr.write(`${line}\n`),
    workspace: { store: workspace, hub: createHub(inProcessBus(), now) },
  });
  const owner = await accounts.setup({
    email: 'owner@example.com',
    name: 'Owner',
    passwordHash: 'not used: sessions are made directly',
    workspaceName: 'Bench',
    at: now(),
  });
  if (!owner) throw new Error('the fresh database already has an account');
  const sessions = [];
  for (let i = 0; i < editors; i++) {
    const invitation = await accounts.createInvitation({
      workspaceId: owner.workspaceId,
      role: 'editor',
      createdBy: owner.userId,
      at: now(),
    });
    const joined = await accounts.acceptInvitation(invitation.token, now(), {
      email: `editor${i}@example.com`,
      name: `Editor ${i}`,
      passwordHash: 'not used',
    });
    if (!joined.ok) throw new Error(`editor ${i} could not join: ${joined.error}`);
    sessions.push(await accounts.createSession(joined.userId, now()));
  }
  // Each request's time as the server sees it (arrival to the end of its answer), without this
  // script's own delays, and the server's CPU time: what a save costs, whatever the machine's load.
  const served: number[] = [];
  server.http.on('request', (_req: unknown, res: NodeJS.EventEmitter) => {
    const t0 = performance.now();
    res.once('finish', () => served.push(performance.now() - t0));
  });
  const url = await server.listen(0, '127.0.0.1');
  process.send!({ url, ws: owner.workspaceId, sessions } satisfies Setup);
  process.on('message', () => {
    served.sort((a, b) => a - b);
    const { user, system } = process.cpuUsage();
    process.send!({
      cpuMs: (user + system) / 1000,
      served: served.length,
      servedP50Ms: percentile(served, 50),
      servedP99Ms: percentile(served, 99),
    } satisfies ServerStats);
    served.length = 0;
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const editors = positive('editors', args.editors);
  const seconds = positive('seconds', args.seconds);
  const opens = positive('opens', args.opens);
  const child = fork(fileURLToPath(import.meta.url), ['--serve', '--editors', String(editors)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const setup = await new Promise<Setup>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Setup));
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  const base = `${setup.url}/api/workspaces/${setup.ws}`;
  const headers = (i: number) => ({
    cookie: `${SESSION_COOKIE}=${setup.sessions[i]!.secret}`,
    [CSRF_HEADER]: setup.sessions[i]!.csrfToken,
    'content-type': 'application/json',
  });

  const latencies: number[] = [];
  const problems: string[] = [];
  let errors = 0;
  // The document's JSON once: the script's own work stays small beside the server's.
  const docJson = JSON.stringify(examples.reception);

  async function save(i: number, revision: number): Promise<number> {
    const started = performance.now();
    const response = await fetch(`${base}/flows/bench-${i}`, {
      method: 'PUT',
      headers: headers(i),
      body: `{"baseRevision":${revision},"doc":${docJson}}`,
    });
    const answer = (await response.json()) as { revision?: number };
    latencies.push(performance.now() - started);
    if (response.status !== (revision === 0 ? 201 : 200) || answer.revision !== revision + 1) {
      errors++;
      if (problems.length < 5) problems.push(`${response.status} ${JSON.stringify(answer)}`);
      return answer.revision ?? revision;
    }
    return revision + 1;
  }

  const stats = () =>
    new Promise<ServerStats>((resolve) => {
      child.once('message', (m) => resolve(m as ServerStats));
      child.send('stats');
    });

  // Each editor opens (creates) their flow, then saves it every second, spread over the second.
  const revisions = await Promise.all(Array.from({ length: editors }, (_, i) => save(i, 0)));
  latencies.length = 0;
  const before = await stats();
  const start = performance.now() + 100;
  await Promise.all(
    revisions.map(async (first, i) => {
      let revision = first;
      for (let tick = 0; tick < seconds; tick++) {
        const due = start + tick * 1000 + (i * 1000) / editors;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        revision = await save(i, revision);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const after = await stats();
  const cpuPerSave = (after.cpuMs - before.cpuMs) / Math.max(1, after.served);

  // Opening a 200-node flow from the server as the designer does.
  const big = longFlow(200);
  const created = await fetch(`${base}/flows/long`, {
    method: 'PUT',
    headers: headers(0),
    body: JSON.stringify({ baseRevision: 0, doc: big }),
  });
  if (created.status !== 201)
    throw new Error(`the 200-node flow was refused: ${await created.text()}`);
  const openTimes: number[] = [];
  for (let i = 0; i < opens; i++) {
    const started = performance.now();
    const response = await fetch(`${base}/flows/long`, { headers: headers(i % editors) });
    const body = (await response.json()) as { doc: unknown };
    const loaded = loadFlow(body.doc);
    openTimes.push(performance.now() - started);
    if (!loaded.ok || loaded.doc.nodes.length !== 200)
      throw new Error('the 200-node flow did not read back');
  }

  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  const result = {
    saves: latencies.length,
    errors,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(latencies.at(-1) ?? 0),
    serverP50Ms: round(after.servedP50Ms),
    serverP99Ms: round(after.servedP99Ms),
    serverCpuMsPerSave: round(cpuPerSave),
    openFirstMs: round(openTimes[0]!),
    openMaxMs: round(Math.max(...openTimes)),
    load,
  };
  process.stdout.write(
    [
      `workspace API: ${editors} editors saving a 13-node flow every second for ${seconds} s, one server on PGlite (child process, loopback)`,
      `saves: ${result.saves}, errors: ${errors}; p50 ${result.p50Ms} ms, p90 ${round(percentile(latencies, 90))} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms`,
      `as the server saw them: p50 ${result.serverP50Ms} ms, p99 ${result.serverP99Ms} ms; the server's CPU per save ${result.serverCpuMsPerSave} ms (${Math.round(cpuPerSave * editors) / 10} % of a core at ${editors} saves a second)`,
      ...problems.map((p) => `  error: ${p}`),
      `opening a 200-node flow (GET + JSON + loadFlow), ${opens} times: first ${result.openFirstMs} ms, slowest ${result.openMaxMs} ms`,
      `load average (1, 5, 15 min) at the end: ${load.join(', ')}`,
      JSON.stringify(result),
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}

if (args.serve) await serve(positive('editors', args.editors));
else await main();
