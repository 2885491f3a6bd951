/**
 * What keeps calls alive and records right, on one server over PGlite in
 * memory: a store that fails or stalls (the database down), load shedding,
 * out-of-order callbacks, races on lines and teams, bad input, long answers,
 * and the TwiML Twilio plays as drawn. The same faults on a real PostgreSQL
 * (stopped, stalled) are in fault.test.ts.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, FlowDocument, FlowNode } from '@callbot/shared';
import { examples } from '@callbot/runtime';
import { openPglite } from './db.ts';
import { createServer, type CallbotServer } from './server.ts';
import { createStore, type Store } from './store.ts';
import { createAccountStore } from './accounts.ts';
import { postWebhook } from './webhookClient.ts';

const TOKEN = 'resilience-api-token';
const AUTH_TOKEN = 'resilience-auth-token';
const SHARED_KEY = 'resilience-shared-key';
const LINE = '+551130000000';
const CUSTOMER = '+5511999990000';

/** A Tuesday at 10:00 in São Paulo. */
const now = Date.parse('2026-11-24T10:00:00-03:00');
const clock = { now: () => now };

let store: Store;
let server: CallbotServer;
let origin: string;
let sequence = 0;

/** How the store behaves: as it is, refusing every call (down), or never answering (stalled). */
let mode: 'up' | 'down' | 'stall' = 'up';
/**
 * The overload signal the server reads: its event loop's lateness and a
 * monotonic clock, in ms, moved by hand (new calls start at most 1,000 a
 * second of it, so each test starts few).
 */
const overload = { lag: 0, now: 0 };
let stalled: (() => void)[] = [];

/** The store, through a switch that makes it fail or stall as a database does. */
function faulty(inner: Store): Store {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function' || key === 'close') return value;
      return (...args: unknown[]) => {
        const run = () => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        if (mode === 'down') {
          return Promise.reject(
            Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
              code: 'ECONNREFUSED',
            }),
          );
        }
        if (mode === 'stall') return new Promise((resolve) => stalled.push(() => resolve(run())));
        return run();
      };
    },
  });
}

function release() {
  mode = 'up';
  const waiting = stalled;
  stalled = [];
  for (const go of waiting) go();
}

async function api(method: string, path: string, body?: unknown, auth = `Bearer ${TOKEN}`) {
  const response = await fetch(origin + path, {
    method,
    headers: {
      authorization: auth,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as {
      error?: string;
      diagnostics?: Diagnostic[];
      status?: string;
      step?: number;
      line?: string;
      caller?: string;
      direction?: string;
      isDefault?: boolean;
    } | null,
  };
}

const hook = (path: string, params: Record<string, string>) =>
  postWebhook(origin, path, params, { authToken: AUTH_TOKEN });

const nextSid = () => `CAres${(++sequence).toString().padStart(6, '0')}`;

async function start(to = LINE, extra: Record<string, string> = {}) {
  const CallSid = nextSid();
  const reply = await hook('/voice/incoming', {
    CallSid,
    From: CUSTOMER,
    To: to,
    Direction: 'inbound',
    ...extra,
  });
  return { CallSid, reply };
}

/** The reception example without its opening hours, changed by `change`. */
function reception(change: (doc: FlowDocument) => void = () => {}): FlowDocument {
  const flow = structuredClone(examples.reception);
  const closedPath = new Set(['horario', 'fechado', 'bot-fora']);
  flow.nodes = flow.nodes
    .filter((n) => !closedPath.has(n.id))
    .map((n) => (n.id === 'greeting' ? { ...n, connections: { next: 'menu' } } : n));
  change(flow);
  return flow;
}
const node = (doc: FlowDocument, id: string) => doc.nodes.find((n) => n.id === id)!;

async function publishOn(line: string, callbot: string, flow: FlowDocument) {
  const published = await api('POST', `/api/callbots/${callbot}/versions`, { flow });
  expect(published.status, JSON.stringify(published.body)).toBe(201);
  const version = (published.body as unknown as { version: number }).version;
  const assigned = await api('PUT', `/api/lines/${line}`, { callbot, version, replace: true });
  expect(assigned.status).toBe(200);
}

beforeAll(async () => {
  const db = await openPglite();
  store = await createStore(db);
  server = createServer({
    store: faulty(store),
    accounts: createAccountStore(db),
    token: TOKEN,
    authToken: AUTH_TOKEN,
    sharedKeySecret: SHARED_KEY,
    clock,
    log: () => {},
    // Long enough that no request of a loaded machine's PGlite reaches it: only a stalled store
    // does (one test waits for it once).
    deadlineMs: 4000,
    maxInFlight: 4,
    overload: { lagMs: () => overload.lag, now: () => overload.now },
    maxRetries: 3,
    pauseSeconds: 1,
  });
  origin = await server.listen(0);
  await publishOn(LINE, 'recepcao', reception());
  await api('PUT', '/api/teams/vendas', { target: 'vendas', agentsAvailable: 2 });
  await api('PUT', '/api/teams/recepcao', {
    target: 'sip:recepcao@pbx.example.com',
    agentsAvailable: 1,
    isDefault: true,
  });
}, 60_000);

afterAll(async () => {
  release();
  await server?.close();
  await store?.close();
});

describe('the database down or stalled', () => {
  it('holds the caller with TwiML (never a 500), says so on /health and /ready, and goes on after', async () => {
    const { CallSid } = await start();
    mode = 'down';
    const held = await hook('/voice/gather?step=1', { CallSid, Digits: '1' });
    expect(held.status).toBe(200);
    expect(held.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Say language="pt-BR">Um momento, por favor.</Say><Pause length="1"/>' +
        '<Redirect method="POST">/voice/gather?step=1&amp;retry=1&amp;Digits=1</Redirect></Response>',
    );
    const newCall = await start();
    expect(newCall.reply.body).toContain('/voice/incoming?retry=1</Redirect>');
    expect((await hook('/voice/status', { CallSid, CallStatus: 'completed' })).status).toBe(503);
    const health = await fetch(`${origin}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: false, database: { state: 'down' } });
    expect((await fetch(`${origin}/ready`)).status).toBe(503);
    expect((await api('GET', '/api/teams')).status).toBe(503);

    // Back up: the retry (a <Redirect>, whose body has no Digits) applies the key it carried.
    release();
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past /health's one-second cache
    const retried = await hook('/voice/gather?step=1&retry=1&Digits=1', { CallSid });
    expect(retried.body).toContain('<Enqueue action="/voice/dial-result?step=2"');
    expect(await (await fetch(`${origin}/health`)).json()).toMatchObject({
      ok: true,
      database: { state: 'up' },
    });
    expect((await fetch(`${origin}/ready`)).status).toBe(200);
    const started = await hook('/voice/incoming?retry=1', {
      CallSid: newCall.CallSid,
      From: CUSTOMER,
      To: LINE,
      Direction: 'inbound',
    });
    expect(started.body).toContain('Para vendas, digite 1.');
  });

  it('answers a stalled request within its deadline with a hold, and the retry finds the step applied', async () => {
    const { CallSid } = await start();
    mode = 'stall';
    const held = await hook('/voice/gather?step=1', { CallSid, Digits: '1' });
    expect(held.body).toContain(
      '<Redirect method="POST">/voice/gather?step=1&amp;retry=1&amp;Digits=1',
    );
    // The stalled request completes once the database answers; its retry gets the same answer.
    release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const retried = await hook('/voice/gather?step=1&retry=1&Digits=1', { CallSid });
    expect(retried.body).toContain('<Enqueue action="/voice/dial-result?step=2"');
    const record = await api('GET', `/api/calls/${CallSid}`);
    expect(record.body?.step).toBe(2);
  });

  it('gives the call to the default team once the retries are used up', async () => {
    const { CallSid } = await start();
    mode = 'down';
    const last = await hook('/voice/gather?step=1&retry=3&Digits=1', { CallSid });
    release();
    expect(last.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Dial><Sip>sip:recepcao@pbx.example.com</Sip></Dial><Hangup/></Response>',
    );
  });
});

describe('load shedding', () => {
  it('past the bound, answers at once with a retry without the database: new calls first', async () => {
    const calls = await Promise.all([start(), start()]);
    mode = 'stall';
    // Two requests of calls in progress take half the bound (4): new calls are shed now.
    const busy = calls.map(({ CallSid }) => hook('/voice/gather?step=1', { CallSid, Digits: '7' }));
    // Until both are being served (waiting on the stalled store).
    while (stalled.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    const shed = await start();
    expect(shed.reply.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="1"/>' +
        '<Redirect method="POST">/voice/incoming?retry=1</Redirect></Response>',
    );
    expect(await (await fetch(`${origin}/health`)).json()).toMatchObject({
      webhooks: { inFlight: 2, maxInFlight: 4 },
    });
    release();
    for (const reply of await Promise.all(busy)) expect(reply.body).toContain('Opção inválida.');
  });

  it('while its event loop runs late under traffic, holds new calls and serves calls in progress', async () => {
    const inProgress = await start();
    overload.lag = 200;
    // Three seconds of traffic (a request each 20 ms) with the loop late: the rate at which new
    // calls start falls to about one a second.
    for (let request = 0; request < 150; request++) {
      overload.now += 20;
      const reply = await hook('/voice/gather?step=1', { CallSid: nextSid(), Digits: '1' });
      expect(reply.status).toBe(404);
    }
    const first = await start();
    expect(first.reply.body).toContain('Para vendas, digite 1.');
    const held = await start();
    expect(held.reply.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="1"/>' +
        '<Redirect method="POST">/voice/incoming?retry=1</Redirect></Response>',
    );
    const served = await hook('/voice/gather?step=1', { CallSid: inProgress.CallSid, Digits: '1' });
    expect(served.body).toContain('<Enqueue action="/voice/dial-result?step=2"');
    expect(await (await fetch(`${origin}/health`)).json()).toMatchObject({
      webhooks: { sheddingNewCalls: true, newCallsPerSecond: 1 },
    });
    expect((await fetch(`${origin}/ready`)).status).toBe(503);

    // On time again: within two seconds the held call gets in.
    overload.lag = 0;
    for (let window = 0; window < 20; window++) {
      overload.now += 100;
      await hook('/voice/gather?step=1', { CallSid: nextSid(), Digits: '1' });
    }
    const retried = await hook('/voice/incoming?retry=1', {
      CallSid: held.CallSid,
      From: CUSTOMER,
      To: LINE,
      Direction: 'inbound',
    });
    expect(retried.body).toContain('Para vendas, digite 1.');
    // No new call held for a second; then ten quiet seconds, for the next tests' calls.
    overload.now += 1000;
    expect((await fetch(`${origin}/ready`)).status).toBe(200);
    overload.now += 10_000;
  });
});

describe('callbacks out of order', () => {
  it('ends a call whose status callback overtook its start, when the start comes', async () => {
    const CallSid = nextSid();
    const early = await hook('/voice/status', {
      CallSid,
      CallStatus: 'completed',
      From: CUSTOMER,
      To: LINE,
    });
    expect(early.status).toBe(204);
    const started = await hook('/voice/incoming', {
      CallSid,
      From: CUSTOMER,
      To: LINE,
      Direction: 'inbound',
    });
    expect(started.body).toContain('<Hangup/>');
    const record = await api('GET', `/api/calls/${CallSid}`);
    expect(record.body).toMatchObject({ status: 'caller_hung_up', step: 1 });
  });

  it("keeps an answered transfer when the caller's end is reported before the transfer's outcome", async () => {
    const { CallSid } = await start();
    const transfer = await hook('/voice/gather?step=1', { CallSid, Digits: '1' });
    expect(transfer.body).toContain('<Enqueue action="/voice/dial-result?step=2"');
    expect((await hook('/voice/status', { CallSid, CallStatus: 'completed' })).status).toBe(204);
    expect((await api('GET', `/api/calls/${CallSid}`)).body?.status).toBe('in_progress');
    const bridged = await hook('/voice/dial-result?step=2', { CallSid, QueueResult: 'bridged' });
    expect(bridged.status).toBe(200);
    expect((await api('GET', `/api/calls/${CallSid}`)).body).toMatchObject({
      status: 'transferred',
      step: 3,
    });
  });

  it('closes calls nobody finished with the sweep, and a late request then hangs up', async () => {
    const { CallSid } = await start();
    expect(await store.sweep(now - 1000)).toBe(0);
    expect(await store.sweep(now + 1)).toBeGreaterThan(0);
    expect((await api('GET', `/api/calls/${CallSid}`)).body?.status).toBe('abandoned');
    const late = await hook('/voice/gather?step=1', { CallSid, Digits: '1' });
    expect(late.body).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>');
  });
});

describe('races on the publish API', () => {
  it('gives a line to exactly one of two callbots put on it at once (R3)', async () => {
    await publishOn('+551130000090', 'outro', reception());
    await api('DELETE', '/api/lines/+551130000090');
    for (let round = 0; round < 5; round++) {
      const line = `+5511300001${String(round).padStart(2, '0')}`;
      const replies = await Promise.all([
        api('PUT', `/api/lines/${line}`, { callbot: 'recepcao', version: 1 }),
        api('PUT', `/api/lines/${line}`, { callbot: 'outro', version: 1 }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(replies.find((r) => r.status === 409)?.body?.error).toBe('R3.lineHasCallbot');
    }
  });

  it('takes concurrent default-team changes in turn: no 500, one default', async () => {
    const replies = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api('PUT', `/api/teams/equipe-${i}`, {
          target: `fila-${i}`,
          agentsAvailable: 1,
          isDefault: true,
        }),
      ),
    );
    for (const reply of replies) expect([200, 409]).toContain(reply.status);
    const teams = (await api('GET', '/api/teams')).body as unknown as {
      teams: { isDefault: boolean }[];
    };
    expect(teams.teams.filter((t) => t.isDefault)).toHaveLength(1);
    await api('PUT', '/api/teams/recepcao', {
      target: 'sip:recepcao@pbx.example.com',
      agentsAvailable: 1,
      isDefault: true,
    });
  });
});

describe('calls the provider places and fields it sends', () => {
  it('routes an outbound call by the business number (From) and records its direction', async () => {
    const CallSid = nextSid();
    const reply = await hook('/voice/incoming', {
      CallSid,
      From: LINE,
      To: CUSTOMER,
      Direction: 'outbound-api',
    });
    expect(reply.body).toContain('Para vendas, digite 1.');
    expect((await api('GET', `/api/calls/${CallSid}`)).body).toMatchObject({
      line: LINE,
      caller: CUSTOMER,
      direction: 'outbound',
    });
  });

  it('cleans a NUL or a lone surrogate from From and SpeechResult, and the call goes on', async () => {
    const { CallSid, reply } = await start(LINE, { From: '+5511999990000\u0000' });
    expect(reply.status).toBe(200);
    const spoken = await hook('/voice/gather?step=1', {
      CallSid,
      SpeechResult: 'quero \uD83D\u0000 vendas',
    });
    expect(spoken.status).toBe(200);
    expect(spoken.body).toContain('<Enqueue');
    expect((await api('GET', `/api/calls/${CallSid}`)).body?.caller).toBe('+5511999990000');
  });

  it('accepts a webhook signed with the SharedKey (HMAC-SHA256), and refuses it signed otherwise', async () => {
    const CallSid = nextSid();
    const params = { CallSid, Direction: 'inbound', From: CUSTOMER, To: LINE };
    const url = `${origin}/voice/incoming`;
    const data =
      url +
      Object.keys(params)
        .sort()
        .map((k) => k + params[k as keyof typeof params])
        .join('');
    const send = (signature: string) =>
      fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
          'x-twilio-webhooks-signature-settings': 'key=webhooks_sharedkey_1,algorithm=HMAC_SHA256',
        },
        body: new URLSearchParams(params).toString(),
      });
    const forged = await send(createHmac('sha256', AUTH_TOKEN).update(data).digest('base64'));
    expect(forged.status).toBe(403);
    const signed = await send(createHmac('sha256', SHARED_KEY).update(data).digest('base64'));
    expect(signed.status).toBe(200);
  });

  it('takes the bearer scheme in any case (RFC 7235), and keeps connections alive past a balancer', async () => {
    expect((await api('GET', '/api/teams', undefined, `bearer ${TOKEN}`)).status).toBe(200);
    expect((await api('GET', '/api/teams', undefined, `BEARER ${TOKEN}`)).status).toBe(200);
    expect((await api('GET', '/api/teams', undefined, `Basic ${TOKEN}`)).status).toBe(401);
    expect(server.http.keepAliveTimeout).toBe(65_000);
    expect(server.http.headersTimeout).toBeGreaterThan(server.http.keepAliveTimeout);
  });
});

describe('flows Twilio plays as drawn', () => {
  it('refuses a flow with a NUL or a lone surrogate in its text, naming the field', async () => {
    const flow = reception((doc) => {
      (node(doc, 'tchau').data as { text: string }).text = 'Tchau\u0000';
    });
    const refused = await api('POST', '/api/callbots/sujo/versions', { flow });
    expect(refused.status).toBe(422);
    expect(refused.body?.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'text.invalidCharacter', path: 'nodes[7].data.text' }),
    );
  });

  it('refuses queue names over 64 characters, in a flow and as a team target', async () => {
    const long = 'q'.repeat(65);
    const flow = reception((doc) => {
      (node(doc, 't-vendas').data as { team: string }).team = long;
    });
    const refused = await api('POST', '/api/callbots/fila-longa/versions', { flow });
    expect(refused.status).toBe(422);
    expect(refused.body?.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'twilio.queueNameTooLong', nodeId: 't-vendas' }),
    );
    expect(
      (await api('PUT', '/api/teams/longa', { target: long, agentsAvailable: 1 })).status,
    ).toBe(400);
    expect(
      (await api('PUT', '/api/teams/curta', { target: 'q'.repeat(64), agentsAvailable: 1 })).status,
    ).toBe(200);
  });

  it("lets a caller choose a menu's # option", async () => {
    const line = '+551130000091';
    await publishOn(
      line,
      'cerquilha',
      reception((doc) => {
        const menu = node(doc, 'menu') as Extract<FlowNode, { kind: 'menu' }>;
        menu.data.options = menu.data.options.map((o) => (o.key === '1' ? { ...o, key: '#' } : o));
      }),
    );
    const { CallSid, reply } = await start(line);
    expect(reply.body).toContain('numDigits="1" finishOnKey=""');
    const chosen = await hook('/voice/gather?step=1', { CallSid, Digits: '#' });
    expect(chosen.body).toContain('<Enqueue action="/voice/dial-result?step=2"');
  });

  it('splits a long chain of messages across <Redirect>s, every part under 64 KB', async () => {
    const line = '+551130000092';
    const text = 'Uma mensagem muito longa. '.repeat(70); // 1,820 characters (a message has 2,000 at most)
    await publishOn(
      line,
      'longa',
      reception((doc) => {
        const chain: FlowNode[] = Array.from({ length: 45 }, (_, i) => ({
          id: `m${i}`,
          kind: 'message',
          data: { text: `${i}: ${text}` },
          connections: { next: i < 44 ? `m${i + 1}` : 'menu' },
        }));
        node(doc, 'greeting').connections = { next: 'm0' };
        doc.nodes.push(...chain);
      }),
    );
    const { CallSid, reply } = await start(line);
    let body = reply.body;
    const parts = [body];
    for (let part = 1; !body.includes('<Gather'); part++) {
      expect(body).toContain(
        `<Redirect method="POST">/voice/continue?step=1&amp;part=${part}</Redirect>`,
      );
      body = (await hook(`/voice/continue?step=1&part=${part}`, { CallSid })).body;
      parts.push(body);
    }
    // About 84 KB of prompts: what a single document held before, and Twilio refused.
    expect(parts.length).toBe(2);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThan(64 * 1024);
    const said = parts.join('').match(/<Say[^>]*>(\d+): /g) ?? [];
    expect(said.map((s) => Number(/>(\d+)/.exec(s)![1]))).toEqual(
      Array.from({ length: 45 }, (_, i) => i),
    );
    // The menu comes last, and a key goes on from the step its Gather names.
    const chosen = await hook('/voice/gather?step=1', { CallSid, Digits: '1' });
    expect(chosen.body).toContain('<Enqueue');
  });
});
