/**
 * Two server instances (separate processes) share one PostgreSQL database;
 * calls are driven through both in turn; one instance is killed (SIGKILL)
 * while it serves requests; the calls go on through the other, and each
 * call's record holds every step exactly once and its expected outcome.
 *
 * PostgreSQL: `CALLBOT_TEST_DATABASE_URL` when set; otherwise the test makes
 * its own cluster (Debian's `postgresql`: initdb and pg_ctl, as the
 * `postgres` user when run as root) in a temporary folder on a free port, and
 * removes it after. It skips, saying why, only when PostgreSQL cannot be
 * started at all; with `CALLBOT_REQUIRE_POSTGRES=1` (set by `.ci/run`,
 * which installs PostgreSQL) it fails instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import type { CallEventRecord } from './store.ts';
import { databaseOf, testCluster, type Cluster } from './testing/postgres.ts';
import { postWebhook, type WebhookReply } from './webhookClient.ts';

const API_TOKEN = 'fault-api-token';
const AUTH_TOKEN = 'fault-auth-token';
const CALLS = 24;
const RUN = Date.now().toString(36);
const LINE = `+55113${String(Date.now() % 1_000_000).padStart(6, '0')}`;
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));

interface Instance {
  process: ChildProcess;
  origin: string;
}

/** `npm run server`'s entry point in its own process, on a free port. */
async function startInstance(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      CALLBOT_API_TOKEN: API_TOKEN,
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  const origin = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const url = /callbot server on (http:\/\/\S+)/.exec(said)?.[1];
      if (url) resolve(url);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}): ${said}`)));
  });
  return { process: child, origin };
}

async function api(origin: string, method: string, route: string, body?: unknown) {
  const response = await fetch(origin + route, {
    method,
    headers: {
      authorization: `Bearer ${API_TOKEN}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** The reception example without its opening hours: the menu answers at any time of day. */
function alwaysOpenReception() {
  const flow = structuredClone(examples.reception);
  const closedPath = new Set(['horario', 'fechado', 'bot-fora']);
  flow.nodes = flow.nodes
    .filter((n) => !closedPath.has(n.id))
    .map((n) => (n.id === 'greeting' ? { ...n, connections: { next: 'menu' } } : n));
  return flow;
}

const cluster = await testCluster('fault.test.ts');
const skip = 'skip' in cluster ? cluster.skip : null;

afterAll(() => {
  if (!('skip' in cluster)) cluster.stop();
});

/** A database of its own on the cluster (dropped by the returned function), or the cluster's. */
function ownDatabase(name: string) {
  if ('skip' in cluster) throw new Error('no cluster');
  return databaseOf(cluster, name);
}

describe.skipIf(skip !== null)('two instances on one PostgreSQL, one killed mid-call', () => {
  const instances: Instance[] = [];
  let databaseUrl = '';

  const database = `callbot_fault_${RUN}`;
  let created = false;
  const admin = async (statement: string) => {
    if ('skip' in cluster) return;
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    if ('skip' in cluster) return;
    // A database of its own (the migrations run on an empty one, and a database given in
    // CALLBOT_TEST_DATABASE_URL is left to server.test.ts), unless the role may not create one.
    try {
      await admin(`CREATE DATABASE ${database}`);
      created = true;
      const url = new URL(cluster.url);
      url.pathname = `/${database}`;
      databaseUrl = url.toString();
    } catch {
      databaseUrl = cluster.url;
    }
    // One at a time first (the migration), then both serve.
    instances.push(await startInstance(databaseUrl));
    instances.push(await startInstance(databaseUrl));
  }, 60_000);

  afterAll(async () => {
    for (const { process: child } of instances) if (child.exitCode === null) child.kill('SIGKILL');
    if (created) await admin(`DROP DATABASE ${database} WITH (FORCE)`);
  });

  it('ends every call whose status callback races its start on the other instance', async () => {
    const [a, b] = instances as [Instance, Instance];
    const { version } = await api(a.origin, 'POST', '/api/callbots/fault-race/versions', {
      flow: alwaysOpenReception(),
    });
    await api(b.origin, 'PUT', `/api/lines/${encodeURIComponent(LINE)}`, {
      callbot: 'fault-race',
      version,
      replace: true,
    });
    const sids = Array.from({ length: 30 }, (_, i) => `CArace${RUN}n${i}`);
    const fields = { From: '+5511999990000', To: LINE, Direction: 'inbound' };
    const replies = await Promise.all(
      sids.flatMap((CallSid, i) => {
        const [first, second] = i % 2 === 0 ? [a, b] : [b, a];
        return [
          postWebhook(
            first.origin,
            '/voice/incoming',
            { CallSid, ...fields },
            { authToken: AUTH_TOKEN },
          ),
          postWebhook(
            second.origin,
            '/voice/status',
            { CallSid, CallStatus: 'completed', ...fields },
            { authToken: AUTH_TOKEN },
          ),
        ];
      }),
    );
    for (const reply of replies) expect([200, 204]).toContain(reply.status);
    for (const sid of sids) {
      const record = (await api(a.origin, 'GET', `/api/calls/${sid}`)) as { status: string };
      expect(record.status, sid).toBe('caller_hung_up');
    }
  }, 60_000);

  it('gives a line to exactly one of two callbots put on it at once through both instances (R3)', async () => {
    const [a, b] = instances as [Instance, Instance];
    const flow = alwaysOpenReception();
    await api(a.origin, 'POST', '/api/callbots/r3-a/versions', { flow });
    await api(a.origin, 'POST', '/api/callbots/r3-b/versions', { flow });
    const put = async (origin: string, line: string, callbot: string) => {
      const response = await fetch(`${origin}/api/lines/${encodeURIComponent(line)}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ callbot, version: 1 }),
      });
      return response.status;
    };
    for (let round = 0; round < 8; round++) {
      const line = `+55119${RUN.length}${String(Date.now() % 100_000).padStart(5, '0')}${round}`;
      const statuses = await Promise.all([
        put(a.origin, line, 'r3-a'),
        put(b.origin, line, 'r3-b'),
      ]);
      expect(statuses.sort(), line).toEqual([200, 409]);
    }
    const teams = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        fetch(`${(i % 2 === 0 ? a : b).origin}/api/teams/default-${i}`, {
          method: 'PUT',
          headers: { authorization: `Bearer ${API_TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ target: `fila-${i}`, agentsAvailable: 1, isDefault: true }),
        }),
      ),
    );
    for (const response of teams) expect([200, 409]).toContain(response.status);
  }, 60_000);

  it('loses and repeats no step of any call', async () => {
    const [a, b] = instances as [Instance, Instance];
    const { version } = await api(a.origin, 'POST', '/api/callbots/fault-reception/versions', {
      flow: alwaysOpenReception(),
      note: 'fault test',
    });
    await api(b.origin, 'PUT', `/api/lines/${encodeURIComponent(LINE)}`, {
      callbot: 'fault-reception',
      version,
      replace: true,
    });
    await api(a.origin, 'PUT', '/api/teams/vendas', { target: 'vendas', agentsAvailable: 3 });

    let aDead = false;
    /** Requests sent to A and not answered yet. */
    let atA = 0;
    /**
     * One request of a call, to `first` (the load balancer's pick), and to the
     * other instance when `first` does not answer: what a balancer or the
     * provider's retry does when an instance is gone.
     */
    const send = async (first: Instance, route: string, fields: Record<string, string>) => {
      const order = first === a && !aDead ? [a, b] : [b];
      for (const instance of order) {
        if (instance === a) atA++;
        try {
          return await postWebhook(instance.origin, route, fields, { authToken: AUTH_TOKEN });
        } catch {
          // The connection failed or was cut: try the other instance.
        } finally {
          if (instance === a) atA--;
        }
      }
      throw new Error(`no instance answered ${route}`);
    };
    const sids = Array.from({ length: CALLS }, (_, i) => `CAfault${RUN}n${i}`);
    const pick = (call: number, request: number) => ((call + request) % 2 === 0 ? a : b);
    const expectAll = (replies: WebhookReply[], status: number, shape: RegExp) => {
      for (const reply of replies) {
        expect(reply.status, reply.body).toBe(status);
        expect(reply.body).toMatch(shape);
      }
    };

    // Step 1 and 2 through both instances in turn: the menu, then a key that matches nothing.
    const from = { From: '+5511999990000', To: LINE, Direction: 'inbound' };
    expectAll(
      await Promise.all(
        sids.map((CallSid, i) => send(pick(i, 0), '/voice/incoming', { CallSid, ...from })),
      ),
      200,
      /<Gather [^>]*action="\/voice\/gather\?step=1"/,
    );
    expectAll(
      await Promise.all(
        sids.map((CallSid, i) =>
          send(pick(i, 1), '/voice/gather?step=1', { CallSid, Digits: '7' }),
        ),
      ),
      200,
      /Opção inválida\.<\/Say>.*action="\/voice\/gather\?step=2"/,
    );

    // Step 3, the key for vendas: instance A is killed while it serves its share.
    const third = sids.map((CallSid, i) =>
      send(pick(i, 2), '/voice/gather?step=2', { CallSid, Digits: '1' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
    const cutShort = atA;
    a.process.kill('SIGKILL');
    aDead = true;
    expectAll(await Promise.all(third), 200, /<Enqueue action="\/voice\/dial-result\?step=3"/);

    // Step 4: the queue bridges the caller; then the provider reports the end.
    expectAll(
      await Promise.all(
        sids.map((CallSid, i) =>
          send(pick(i, 3), '/voice/dial-result?step=3', { CallSid, QueueResult: 'bridged' }),
        ),
      ),
      200,
      /<Response><Hangup\/><\/Response>$/,
    );
    expectAll(
      await Promise.all(
        sids.map((CallSid, i) =>
          send(pick(i, 4), '/voice/status', { CallSid, CallStatus: 'completed' }),
        ),
      ),
      204,
      /^$/,
    );
    expect(a.process.signalCode).toBe('SIGKILL');
    // A died with requests of its own under way, not between two batches.
    expect(cutShort).toBeGreaterThan(0);

    const expectedKinds = [
      ['node', 'say', 'node', 'say', 'listen'], // step 1: greeting, menu, listening
      ['input', 'listen', 'say', 'say', 'listen'], // step 2: 7 matches nothing, the menu again
      ['input', 'listen', 'node', 'transfer'], // step 3: 1, the transfer to vendas, queued
      ['transfer', 'end'], // step 4: bridged: the transfer's outcome, the end
    ];
    for (const sid of sids) {
      const record = (await api(b.origin, 'GET', `/api/calls/${sid}`)) as {
        status: string;
        step: number;
        events: CallEventRecord[];
      };
      expect(record.status, sid).toBe('transferred');
      expect(record.step, sid).toBe(4);
      // Every trace line once, in order, none missing; each step's lines written by one request.
      expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i));
      const bySteps = [1, 2, 3, 4].map((step) =>
        record.events.filter((e) => e.step === step).map((e) => e.line.kind),
      );
      expect(bySteps, sid).toEqual(expectedKinds);
      expect(record.events.filter((e) => e.line.kind === 'input').map((e) => e.line)).toEqual([
        expect.objectContaining({ event: { type: 'dtmf', digit: '7' } }),
        expect.objectContaining({ event: { type: 'dtmf', digit: '1' }, accepted: true }),
      ]);
    }
  }, 60_000);
});

const canStop = !('skip' in cluster) && cluster.down !== undefined;

describe.skipIf(!canStop)('PostgreSQL stopped, then stalled, under calls in progress', () => {
  let instance: Instance;
  let drop = async () => {};
  const c = cluster as Cluster;

  beforeAll(async () => {
    const own = await ownDatabase(`callbot_outage_${RUN}`);
    drop = own.drop;
    // Bounds well under the provider's 15 s, short for the test.
    instance = await startInstance(own.url, {
      CALLBOT_WEBHOOK_DEADLINE_MS: '3000',
      CALLBOT_DB_CONNECT_TIMEOUT_MS: '500',
      CALLBOT_DB_STATEMENT_TIMEOUT_MS: '1000',
    });
  }, 60_000);

  afterAll(async () => {
    c.thaw?.();
    if (instance?.process.exitCode === null) instance.process.kill('SIGKILL');
    await drop();
  });

  const ready = async () => {
    for (let i = 0; i < 300; i++) {
      const response = await fetch(`${instance.origin}/ready`).catch(() => null);
      if (response?.status === 200) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('the server did not become ready');
  };
  const hook = (route: string, fields: Record<string, string>) =>
    postWebhook(instance.origin, route, fields, { authToken: AUTH_TOKEN });
  /** The URL a held answer sends the provider to next. */
  const retryOf = (body: string) =>
    /<Redirect method="POST">([^<]+retry=[^<]+)<\/Redirect>/
      .exec(body)?.[1]
      ?.replace(/&amp;/g, '&');

  it('holds every caller while it is down or stalled, reports it, and every call goes on after', async () => {
    const { version } = await api(instance.origin, 'POST', '/api/callbots/outage/versions', {
      flow: alwaysOpenReception(),
    });
    await api(instance.origin, 'PUT', `/api/lines/${encodeURIComponent(LINE)}`, {
      callbot: 'outage',
      version,
      replace: true,
    });
    const sids = Array.from({ length: 12 }, (_, i) => `CAoutage${RUN}n${i}`);
    for (const CallSid of sids) {
      const reply = await hook('/voice/incoming', {
        CallSid,
        From: '+5511999990000',
        To: LINE,
        Direction: 'inbound',
      });
      expect(reply.body).toContain('action="/voice/gather?step=1"');
    }

    // Down: every webhook is answered with TwiML that keeps the caller, none with a 500.
    c.down!();
    const held = await Promise.all(
      sids.map((CallSid) => hook('/voice/gather?step=1', { CallSid, Digits: '7' })),
    );
    for (const reply of held) {
      expect(reply.status).toBe(200);
      expect(retryOf(reply.body)).toBe('/voice/gather?step=1&retry=1&Digits=7');
    }
    const late = await hook('/voice/status', { CallSid: sids[0]!, CallStatus: 'ringing' });
    expect(late.status).not.toBe(500);
    const health = (await (await fetch(`${instance.origin}/health`)).json()) as {
      database: { state: string };
    };
    expect(health.database.state).toBe('down');
    expect((await fetch(`${instance.origin}/ready`)).status).toBe(503);

    // Back: the provider follows the held answers, and each call goes on where it was.
    c.up!();
    await ready();
    for (const [i, CallSid] of sids.entries()) {
      const reply = await hook(retryOf(held[i]!.body)!, { CallSid });
      expect(reply.body, CallSid).toMatch(/Opção inválida.*action="\/voice\/gather\?step=2"/);
    }

    // Stalled: nothing answers at all; each request is answered within its deadline.
    c.freeze!();
    const stalled = await Promise.all(
      sids.map((CallSid) => hook('/voice/gather?step=2', { CallSid, Digits: '7' })),
    );
    c.thaw!();
    for (const reply of stalled) {
      expect(reply.status).toBe(200);
      expect(retryOf(reply.body)).toBe('/voice/gather?step=2&retry=1&Digits=7');
    }
    await ready();
    for (const [i, CallSid] of sids.entries()) {
      const reply = await hook(retryOf(stalled[i]!.body)!, { CallSid });
      expect(reply.body, CallSid).toMatch(/Opção inválida.*action="\/voice\/gather\?step=3"/);
    }
    for (const CallSid of sids) {
      const record = (await api(instance.origin, 'GET', `/api/calls/${CallSid}`)) as {
        step: number;
        events: CallEventRecord[];
      };
      expect(record.step).toBe(3);
      expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i));
    }
  }, 120_000);
});
