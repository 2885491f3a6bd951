/**
 * The calls API end to end on one server: real calls of the reception
 * example driven through the signed webhooks, then the list (filters,
 * sorts, pages), one call by role, the CSVs, the analytics against a count
 * of the recorded events, live calls, the redaction of caller speech and the
 * retention job. PGlite by default; CALLBOT_TEST_DATABASE_URL runs it on a
 * PostgreSQL server (an empty database).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  callAnalyticsSchema,
  callDetailSchema,
  callListSchema,
  CSRF_HEADER,
  liveCallsSchema,
  SESSION_COOKIE,
  type CallAnalytics,
  type CallDetail,
  type CallList,
  type LiveCalls,
  type Role,
} from '@callbot/shared';
import { examples, scriptSchema, simulateCall, timelineOf, type TraceLine } from '@callbot/runtime';
import { createAccountStore, type AccountStore } from '../accounts.ts';
import { openPglite, openPostgres, type Database } from '../db.ts';
import { createServer, type CallbotServer } from '../server.ts';
import { createStore } from '../store.ts';
import { postWebhook } from '../webhookClient.ts';
import { createHub, inProcessBus } from '../workspace/events.ts';
import { createWorkspaceStore } from '../workspace/store.ts';
import { RETENTION_LOCK, runCallJobs } from './jobs.ts';
import { createLiveCallsHub, type LiveCallsHub } from './live.ts';
import { createCallsStore } from './store.ts';

const TOKEN = 'server-token';
const AUTH = 'auth-token';
const LINE = '+551130000000';
/** A Tuesday at 10:00 in São Paulo: the reception example is open. */
const DAY = Date.parse('2026-11-24T10:00:00-03:00');
const DAY_MS = 86_400_000;
let clock = DAY;
let db: Database;
let server: CallbotServer;
let origin: string;
let live: LiveCallsHub;
const ws = { A: '', B: '' };
const sessions = new Map<string, { secret: string; csrfToken: string }>();
const userIds = new Map<string, string>();
let accounts: AccountStore;
/** New sessions for everyone at the clock's time (the tests move it months on). */
async function renewSessions() {
  for (const [key, id] of userIds) sessions.set(key, await accounts.createSession(id, clock));
}

beforeAll(async () => {
  const url = process.env.CALLBOT_TEST_DATABASE_URL;
  db = url ? openPostgres(url) : await openPglite();
  const store = await createStore(db);
  accounts = createAccountStore(db);
  const calls = createCallsStore(db);
  // Live calls are read when the test says (`live.refresh()`), never by a timer.
  live = createLiveCallsHub((w) => calls.live(w), { now: () => clock, every: () => () => {} });
  server = createServer({
    store,
    accounts,
    token: TOKEN,
    authToken: AUTH,
    clock: { now: () => clock },
    log: () => {},
    workspace: {
      store: createWorkspaceStore(db, () => clock),
      hub: createHub(inProcessBus(), () => clock),
      calls: { store: calls, live },
      // Open streams check their member often here, so a removal is seen soon.
      memberCheckMs: 20,
    },
  });
  origin = await server.listen(0);
  const first = await accounts.setup({
    email: 'otto@example.com',
    name: 'Otto',
    passwordHash: 'unused',
    workspaceName: 'Loja A',
    at: clock,
  });
  ws.A = first!.workspaceId;
  ws.B = (await accounts.createWorkspace(first!.userId, 'Loja B', clock)).id;
  userIds.set('otto', first!.userId);
  const people: [string, Role, string][] = [
    ['tina', 'trainer', ws.A],
    ['vera', 'viewer', ws.A],
    ['beto', 'owner', ws.B],
  ];
  for (const [key, role, workspaceId] of people) {
    const invitation = await accounts.createInvitation({
      workspaceId,
      role,
      createdBy: first!.userId,
      at: clock,
    });
    const accepted = await accounts.acceptInvitation(invitation.token, clock, {
      email: `${key}@example.com`,
      name: key,
      passwordHash: 'unused',
    });
    if (!accepted.ok) throw new Error(accepted.error);
    userIds.set(key, accepted.userId);
  }
  await renewSessions();
  const api = async (method: string, route: string, body: unknown) => {
    const response = await fetch(origin + route, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, route).toBeLessThan(300);
    return (await response.json()) as { version: number };
  };
  const { version } = await api('POST', '/api/callbots/recepcao/versions', {
    flow: examples.reception,
  });
  await api('PUT', `/api/lines/${LINE}`, { callbot: 'recepcao', version, replace: true });
  await api('PUT', '/api/teams/vendas', { target: 'vendas', agentsAvailable: 1 });
  await api('PUT', '/api/bots/bot-vendas', { target: 'sip:bot-vendas@bots.example.com' });
}, 120_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

async function get(user: string, path: string) {
  const session = sessions.get(user)!;
  const response = await fetch(origin + path.replace('{A}', ws.A).replace('{B}', ws.B), {
    headers: { cookie: `${SESSION_COOKIE}=${session.secret}` },
  });
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return {
    status: response.status,
    type,
    text,
    body: type.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

async function put(user: string, path: string, body: unknown) {
  const session = sessions.get(user)!;
  const response = await fetch(origin + path.replace('{A}', ws.A), {
    method: 'PUT',
    headers: {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      [CSRF_HEADER]: session.csrfToken,
      'content-type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

type Step =
  { digits: string } | { speech: string } | { dial: 'completed' | 'no-answer' } | { hangup: true };

let made = 0;
/**
 * One call of the reception example through the webhooks, starting at
 * `start`, each step 3 s after the one before. The call is put in `workspace`
 * (as the voice webhooks do for a workspace's own line) right after it starts.
 */
async function call(
  workspace: string,
  steps: Step[],
  { start = DAY, channel = 'line', caller = '+5511999990000' } = {},
) {
  const CallSid = `CA${String(++made).padStart(6, '0')}`;
  clock = start;
  const hook = async (route: string, fields: Record<string, string>) => {
    const reply = await postWebhook(origin, route, { CallSid, ...fields }, { authToken: AUTH });
    expect(reply.status, `${route}: ${reply.body}`).toBeLessThan(300);
  };
  await hook('/voice/incoming', { From: caller, To: LINE, Direction: 'inbound' });
  await db.query('UPDATE calls SET workspace_id = $2, channel = $3 WHERE sid = $1', [
    CallSid,
    workspace,
    channel,
  ]);
  let step = 1;
  for (const s of steps) {
    clock += 3000;
    if ('digits' in s) await hook(`/voice/gather?step=${step}`, { Digits: s.digits });
    else if ('speech' in s) await hook(`/voice/gather?step=${step}`, { SpeechResult: s.speech });
    else if ('dial' in s) await hook(`/voice/dial-result?step=${step}`, { DialCallStatus: s.dial });
    else await hook('/voice/status', { CallStatus: 'completed' });
    step++;
  }
  return CallSid;
}

/** Sales answered; a wrong key then sales with nobody answering (the fallback bot); a hang-up at the menu. */
const SALES: Step[] = [{ digits: '1' }, { dial: 'completed' }, { hangup: true }];
const FALLBACK: Step[] = [
  { digits: '7' },
  { digits: '1' },
  { dial: 'no-answer' },
  { hangup: true },
];
const HUNG_UP: Step[] = [{ hangup: true }];

const sids: Record<string, string[]> = { sales: [], fallback: [], hungUp: [], b: [] };

describe('calls of a workspace', () => {
  it('are recorded as they end, with where they ended and what they cost', async () => {
    for (let i = 0; i < 4; i++)
      sids.sales!.push(await call(ws.A, SALES, { start: DAY + i * 60_000 }));
    for (let i = 0; i < 3; i++) {
      sids.fallback!.push(await call(ws.A, FALLBACK, { start: DAY + DAY_MS + i * 60_000 }));
    }
    for (let i = 0; i < 2; i++) {
      sids.hungUp!.push(
        await call(ws.A, HUNG_UP, { start: DAY + 2 * DAY_MS + i * 60_000, channel: 'whatsapp' }),
      );
    }
    sids.b!.push(await call(ws.B, SALES));

    const answer = await get('vera', `/api/workspaces/{A}/calls?sort=startedAt&order=asc`);
    expect(answer.status).toBe(200);
    const list = callListSchema.parse(answer.body);
    expect(list.calls.map((c) => c.sid)).toEqual([
      ...sids.sales!,
      ...sids.fallback!,
      ...sids.hungUp!,
    ]);
    const [sales, fallback, hungUp] = [list.calls[0]!, list.calls[4]!, list.calls[7]!];
    expect(sales).toMatchObject({ status: 'transferred', endedNode: { id: 't-vendas' } });
    expect(fallback).toMatchObject({ status: 'handed_off', endedNode: { id: 'bot-vendas' } });
    expect(hungUp).toMatchObject({
      status: 'caller_hung_up',
      channel: 'whatsapp',
      endedNode: { id: 'menu', label: 'Menu principal' },
    });
    // A line call of about 6 s is one started minute at the example table's line rate (BRL 0.15).
    expect(sales.durationMs).toBeGreaterThan(0);
    expect(sales.cost).toEqual({ amount: 15, currency: 'BRL', example: true });
    // WhatsApp calls the customer starts are free (R21).
    expect(hungUp.cost).toMatchObject({ amount: 0 });
    expect(list.nextCursor).toBeNull();
  });

  it('are filtered, sorted and paged on the server, each page once', async () => {
    const pick = async (query: string) =>
      callListSchema
        .parse((await get('vera', `/api/workspaces/{A}/calls?${query}`)).body)
        .calls.map((c) => c.sid);
    expect(await pick('outcome=handed_off')).toEqual([...sids.fallback!].reverse());
    expect(await pick('channel=whatsapp')).toEqual([...sids.hungUp!].reverse());
    expect(await pick('callbot=recepcao&version=1&direction=inbound')).toHaveLength(9);
    expect(await pick('callbot=other')).toEqual([]);
    const day2 = new Date(DAY + DAY_MS - 1000).toISOString();
    const day3 = new Date(DAY + 2 * DAY_MS - 1000).toISOString();
    expect(await pick(`from=${day2}&to=${day3}`)).toEqual([...sids.fallback!].reverse());
    // The longest first: the fallback calls (four steps) before the others.
    const byDuration = await pick('sort=duration&order=desc');
    expect(byDuration.slice(0, 3).sort()).toEqual([...sids.fallback!].sort());

    // Pages of two, following the cursor: every call once, in order.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page: CallList = callListSchema.parse(
        (await get('vera', `/api/workspaces/{A}/calls?${query}`)).body,
      );
      expect(page.calls.length).toBeLessThanOrEqual(2);
      seen.push(...page.calls.map((c) => c.sid));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...sids.sales!, ...sids.fallback!, ...sids.hungUp!].reverse());

    // Another workspace's calls are never in the list, nor readable by sid.
    expect(await pick('')).not.toContain(sids.b![0]);
    expect((await get('vera', `/api/workspaces/{A}/calls/${sids.b![0]}`)).status).toBe(404);
  });

  it('refuses a query it does not understand, naming the parameter', async () => {
    const unknown = await get('vera', '/api/workspaces/{A}/calls?colour=red');
    expect(unknown).toMatchObject({ status: 422 });
    expect(unknown.body.message).toMatch(/^colour: /);
    const channel = await get('vera', '/api/workspaces/{A}/calls?channel=fax');
    expect(channel.status).toBe(422);
    expect(channel.body.message).toMatch(/^channel: /);
    const forged = Buffer.from(JSON.stringify(['startedAt', 'not a time', 'CA1'])).toString(
      'base64url',
    );
    for (const value of ['nonsense', forged]) {
      const cursor = await get('vera', `/api/workspaces/{A}/calls?cursor=${value}`);
      expect(cursor.status).toBe(422);
      expect(cursor.body.message).toMatch(/^cursor: /);
    }
  });

  it('shows one call with its timeline; its words to trainers, to viewers only when allowed', async () => {
    const path = `/api/workspaces/{A}/calls/${sids.fallback![0]}`;
    const trainer = callDetailSchema.parse((await get('tina', path)).body);
    expect(trainer.transcript).toBe(true);
    expect(trainer.flow).toEqual({ callbot: 'recepcao', version: 1 });
    const said = trainer.events.filter((e) => e.line.kind === 'say');
    expect(said.some((e) => String(e.line.text).includes('Para vendas'))).toBe(true);
    const refused = trainer.events.find(
      (e) => e.line.kind === 'input' && e.line.accepted === false,
    );
    expect(refused?.line).toMatchObject({
      reason: 'no_match',
      event: { type: 'dtmf', digit: '7' },
    });
    expect(trainer.timeline.nodes.map((n) => n.id)).toEqual([
      'greeting',
      'horario',
      'menu',
      't-vendas',
      'bot-vendas',
    ]);
    expect(trainer.timeline.speaking.length).toBeGreaterThan(0);
    expect(trainer.timeline.listening.length).toBeGreaterThan(0);
    expect(trainer.timeline.inputs.map((i) => [i.label, i.accepted])).toEqual([
      ['7', false],
      ['1', true],
    ]);

    const viewer: CallDetail = callDetailSchema.parse((await get('vera', path)).body);
    expect(viewer.transcript).toBe(false);
    expect(JSON.stringify(viewer.events)).not.toContain('Para vendas');
    expect(viewer.timeline.inputs.map((i) => i.label)).toEqual(['', '']);
    // The path and the timeline's bars are the same picture.
    expect(viewer.timeline.speaking).toEqual(trainer.timeline.speaking);
    expect(viewer.timeline.nodes).toEqual(trainer.timeline.nodes);

    expect((await put('vera', '/api/workspaces/{A}/calls/settings', {})).status).toBe(403);
    expect((await put('tina', '/api/workspaces/{A}/calls/settings', {})).status).toBe(403);
    const allowed = await put('otto', '/api/workspaces/{A}/calls/settings', {
      retentionDays: 365,
      speech: 'store',
      viewersSeeTranscripts: true,
    });
    expect(allowed.status).toBe(200);
    expect(callDetailSchema.parse((await get('vera', path)).body).transcript).toBe(true);
    await put('otto', '/api/workspaces/{A}/calls/settings', {
      retentionDays: 365,
      speech: 'store',
      viewersSeeTranscripts: false,
    });
    const wrong = await put('otto', '/api/workspaces/{A}/calls/settings', {
      retentionDays: 0,
      speech: 'store',
      viewersSeeTranscripts: false,
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toMatch(/^retentionDays: /);
  });

  it('exports the list and one call as CSV', async () => {
    const list = await get('vera', '/api/workspaces/{A}/calls/export.csv?outcome=transferred');
    expect(list.status).toBe(200);
    expect(list.type).toMatch(/^text\/csv/);
    const rows = list.text.trim().split('\r\n');
    expect(rows[0]).toMatch(/^sid,started_at,ended_at,duration_ms,status,/);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual([...sids.sales!].reverse());
    expect(rows[1]).toContain(',transferred,recepcao,1,+551130000000,+5511999990000,line,');

    const events = await get('tina', `/api/workspaces/{A}/calls/${sids.fallback![0]}/events.csv`);
    expect(events.type).toMatch(/^text\/csv/);
    expect(events.text).toContain('Para vendas, digite 1. Para suporte, digite 2.');
    const hidden = await get('vera', `/api/workspaces/{A}/calls/${sids.fallback![0]}/events.csv`);
    expect(hidden.text).not.toContain('Para vendas');
  });

  it('counts per node and output what the recorded events say, from counters kept as calls end', async () => {
    const answer = await get(
      'vera',
      '/api/workspaces/{A}/calls/analytics?callbot=recepcao&version=1&from=2026-11-24&to=2026-11-30&timeZone=America/Sao_Paulo',
    );
    expect(answer.status, answer.text).toBe(200);
    const figures: CallAnalytics = callAnalyticsSchema.parse(answer.body);
    expect(figures.totals.calls).toBe(9);
    expect(figures.outcomes).toEqual({ transferred: 4, handed_off: 3, caller_hung_up: 2 });
    // By day and hour of day in São Paulo: 10:00 each day.
    expect(figures.byDay.map((d) => d.day)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26']);
    expect(figures.byHour[10]!.outcomes).toEqual(figures.outcomes);

    // The same figures counted from the events themselves.
    const { rows } = await db.query<{ line: TraceLine; sid: string }>(
      `SELECT e.sid, e.line FROM call_events e JOIN calls c ON c.sid = e.sid
       WHERE c.workspace_id = $1 ORDER BY e.sid, e.seq`,
      [ws.A],
    );
    const visits = new Map<string, number>();
    const outputs = new Map<string, number>();
    let noMatch = 0;
    for (const { line } of rows) {
      if (line.kind === 'node') {
        visits.set(line.id, (visits.get(line.id) ?? 0) + 1);
        if (line.via) outputs.set(line.via, (outputs.get(line.via) ?? 0) + 1);
      }
      if (line.kind === 'input' && line.reason === 'no_match') noMatch++;
    }
    for (const node of figures.nodes) {
      expect(node.visits, node.node).toBe(visits.get(node.node) ?? 0);
      for (const [port, count] of Object.entries(node.outputs)) {
        expect(count, `${node.node}:${port}`).toBe(outputs.get(`${node.node}:${port}`));
      }
    }
    expect(figures.nodes.map((n) => n.node).sort()).toEqual([...visits.keys()].sort());
    const menu = figures.nodes.find((n) => n.node === 'menu')!;
    expect(menu).toMatchObject({ calls: 9, noMatch, droppedOff: 2, ended: { caller_hung_up: 2 } });
    expect(menu.outputs).toEqual({ 'option:vendas': 7 });

    // Another workspace's calls do not count; a version with no calls has none.
    const other = await get(
      'vera',
      '/api/workspaces/{A}/calls/analytics?callbot=recepcao&version=2&from=2026-11-24&to=2026-11-30',
    );
    expect(callAnalyticsSchema.parse(other.body).totals.calls).toBe(0);
    const refused = await get(
      'vera',
      '/api/workspaces/{A}/calls/analytics?callbot=recepcao&from=2026-11-30&to=2026-11-24',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/^to: /);
  });

  it('shows the calls in progress and how many listen, speak or wait', async () => {
    const received: LiveCalls[] = [];
    const stop = live.subscribe(ws.A, (s) => received.push(liveCallsSchema.parse(s)));
    await live.refresh();
    expect(received.at(-1)?.calls ?? []).toEqual([]);
    const sid = await call(ws.A, [], { start: DAY + 3 * DAY_MS });
    await live.refresh();
    expect(received.at(-1)).toMatchObject({
      calls: [{ sid, node: 'menu', state: 'listening' }],
      counts: { listening: 1, speaking: 0, queued: 0 },
    });
    clock += 3000;
    await postWebhook(
      origin,
      '/voice/gather?step=1',
      { CallSid: sid, Digits: '1' },
      { authToken: AUTH },
    );
    await live.refresh();
    expect(received.at(-1)).toMatchObject({
      calls: [{ sid, node: 't-vendas', state: 'queued' }],
      counts: { queued: 1 },
    });
    const before = received.length;
    await live.refresh();
    expect(received).toHaveLength(before); // nothing moved: nothing sent
    await postWebhook(
      origin,
      '/voice/dial-result?step=2',
      { CallSid: sid, DialCallStatus: 'completed' },
      { authToken: AUTH },
    );
    await live.refresh();
    expect(received.at(-1)?.calls).toEqual([]);
    stop();
    // The stream itself: an event-stream answer for a viewer.
    const session = sessions.get('vera')!;
    const response = await fetch(`${origin}/api/workspaces/${ws.A}/calls/live`, {
      headers: { cookie: `${SESSION_COOKIE}=${session.secret}` },
    });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await response.body?.cancel();
  });
});

describe('a real call and the same call simulated', () => {
  it('draw the same timeline for the same inputs at the same moments', async () => {
    // A wrong key at 9 s, nothing after the menu's second prompt (the provider's no-input at
    // 18 s: listening from 13 s, 5 s of silence), the caller hanging up at 25 s.
    const start = DAY + 7 * DAY_MS;
    const CallSid = await call(ws.A, [], { start });
    const hook = (route: string, fields: Record<string, string>, at: number) => {
      clock = start + at;
      return postWebhook(origin, route, { CallSid, ...fields }, { authToken: AUTH });
    };
    await hook('/voice/gather?step=1', { Digits: '7' }, 9000);
    await hook('/voice/gather?step=2', {}, 18_000);
    await hook('/voice/status', { CallStatus: 'completed' }, 25_000);
    const real = callDetailSchema.parse(
      (await get('tina', `/api/workspaces/{A}/calls/${CallSid}`)).body,
    );

    const simulated = simulateCall(
      examples.reception,
      scriptSchema.parse({
        call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: LINE },
        startAt: new Date(start).toISOString(),
        steps: [
          { at: 9000, event: { type: 'dtmf', digit: '7' } },
          { at: 25_000, event: { type: 'call.ended', by: 'caller' } },
        ],
      }),
    );
    expect(simulated.lines.some((l) => l.kind === 'noinput')).toBe(true);
    expect(real.timeline).toEqual(
      timelineOf(simulated.lines, simulated.durationMs, real.wordsPerMinute),
    );
    expect(real.call).toMatchObject({ status: 'caller_hung_up', durationMs: 25_000 });
  });
});

describe('privacy', () => {
  const speechOf = async (sid: string) => {
    const detail = callDetailSchema.parse(
      (await get('tina', `/api/workspaces/{A}/calls/${sid}`)).body,
    );
    return detail.events.find((e) => e.line.kind === 'input')?.line;
  };
  const said = 'meu cpf é 123.456.789-00 e o e-mail ana@example.com, vendas';

  it('keeps, masks or drops the caller speech as the workspace says, as it is written', async () => {
    const kept = await call(ws.A, [{ speech: said }, { dial: 'completed' }], {
      start: DAY + 4 * DAY_MS,
    });
    expect(await speechOf(kept)).toMatchObject({ event: { type: 'speech', text: said } });

    await put('otto', '/api/workspaces/{A}/calls/settings', {
      retentionDays: 365,
      speech: 'redact',
      viewersSeeTranscripts: false,
    });
    const masked = await call(ws.A, [{ speech: said }, { dial: 'completed' }], {
      start: DAY + 4 * DAY_MS,
    });
    const line = await speechOf(masked);
    expect(line).toMatchObject({ redacted: 'masked', event: { type: 'speech' } });
    const text = String((line?.event as { text: string }).text);
    expect(text).not.toMatch(/[0-9]/);
    expect(text).not.toContain('ana@example.com');
    expect(text).toContain('vendas');

    await put('otto', '/api/workspaces/{A}/calls/settings', {
      retentionDays: 365,
      speech: 'none',
      viewersSeeTranscripts: false,
    });
    const dropped = await call(ws.A, [{ speech: said }, { dial: 'completed' }], {
      start: DAY + 4 * DAY_MS,
    });
    expect(await speechOf(dropped)).toMatchObject({
      redacted: 'not_stored',
      event: { type: 'speech', text: '' },
    });
    // Nothing of what was said is anywhere in the call's stored records.
    const { rows } = await db.query(
      `SELECT 1 FROM call_events WHERE sid = $1 AND line::text LIKE '%123.456%'
       UNION ALL SELECT 1 FROM calls WHERE sid = $1 AND session::text LIKE '%123.456%'`,
      [dropped],
    );
    expect(rows).toEqual([]);
    // The call was still served: the words were heard, then not kept.
    expect(await speechOf(kept)).toMatchObject({ event: { text: said } });
  });

  it('deletes calls older than the retention, and only those, keeping the counters', async () => {
    const now = DAY + 100 * DAY_MS;
    const recent = await call(ws.A, HUNG_UP, { start: now - 5 * DAY_MS });
    const inB = await call(ws.B, HUNG_UP, { start: now - 40 * DAY_MS });
    await renewSessions();
    await put('otto', '/api/workspaces/{A}/calls/settings', {
      retentionDays: 30,
      speech: 'store',
      viewersSeeTranscripts: false,
    });
    const count = async (w: string) =>
      (
        await db.query<{ n: number }>(
          'SELECT count(*)::integer AS n FROM calls WHERE workspace_id = $1',
          [w],
        )
      ).rows[0]!.n;
    const countersBefore = await db.query('SELECT sum(calls)::integer AS n FROM call_stats');
    const beforeA = await count(ws.A);
    expect(beforeA).toBeGreaterThan(10);

    const result = await runCallJobs(db, now, { batch: 4 });
    expect(result.ran).toBe(true);
    expect(result.deleted).toBe(beforeA - 1);
    expect(await count(ws.A)).toBe(1);
    const left = callListSchema.parse((await get('vera', '/api/workspaces/{A}/calls')).body);
    expect(left.calls.map((c) => c.sid)).toEqual([recent]);
    // Their events went with them; workspace B keeps a year, so its 40-day-old call stays.
    const { rows: events } = await db.query(
      'SELECT 1 FROM call_events e LEFT JOIN calls c ON c.sid = e.sid WHERE c.sid IS NULL',
    );
    expect(events).toEqual([]);
    expect(await count(ws.B)).toBe(2);
    expect((await get('beto', `/api/workspaces/{B}/calls/${inB}`)).status).toBe(200);
    const countersAfter = await db.query('SELECT sum(calls)::integer AS n FROM call_stats');
    expect(countersAfter.rows).toEqual(countersBefore.rows);
  });

  it.runIf(process.env.CALLBOT_TEST_DATABASE_URL)(
    'leaves the deleting to the instance that holds the lock (PostgreSQL)',
    async () => {
      // Another instance in the middle of a batch: it holds the job's lock.
      const other = new pg.Client({ connectionString: process.env.CALLBOT_TEST_DATABASE_URL });
      await other.connect();
      await other.query('BEGIN');
      await other.query('SELECT pg_advisory_xact_lock($1)', [RETENTION_LOCK]);
      expect(await runCallJobs(db, DAY + 100 * DAY_MS)).toMatchObject({ ran: false, deleted: 0 });
      await other.query('COMMIT');
      await other.end();
      expect(await runCallJobs(db, DAY + 100 * DAY_MS)).toMatchObject({ ran: true });
    },
  );

  it('finishes a call the sweep closed, once, with the job', async () => {
    const sid = await call(ws.A, [], { start: DAY + 101 * DAY_MS });
    await renewSessions();
    const store = await createStore(db);
    expect(await store.sweep(DAY + 102 * DAY_MS)).toBe(1);
    const first = await runCallJobs(db, DAY + 102 * DAY_MS);
    expect(first.finished).toBe(1);
    expect((await runCallJobs(db, DAY + 102 * DAY_MS)).finished).toBe(0);
    const row = callListSchema
      .parse((await get('vera', '/api/workspaces/{A}/calls?outcome=abandoned')).body)
      .calls.find((c) => c.sid === sid);
    expect(row).toMatchObject({ status: 'abandoned', endedNode: { id: 'menu' } });
  });
  it("deletes the server-wide lines' calls past the server's retention (CALLBOT_CALL_RETENTION_DAYS)", async () => {
    const now = DAY + 150 * DAY_MS;
    const serverWide = async (start: number) => {
      const sid = await call(ws.A, HUNG_UP, { start });
      await db.query('UPDATE calls SET workspace_id = NULL WHERE sid = $1', [sid]);
      return sid;
    };
    const old = await serverWide(now - 40 * DAY_MS);
    const recent = await serverWide(now - 10 * DAY_MS);
    await renewSessions();
    const left = async () =>
      (
        await db.query<{ sid: string }>(
          'SELECT sid FROM calls WHERE workspace_id IS NULL ORDER BY sid',
        )
      ).rows.map((r) => r.sid);
    // The default keeps a year, as a workspace's does.
    await runCallJobs(db, now);
    expect(await left()).toEqual([old, recent]);
    await runCallJobs(db, now, { serverWideDays: 30 });
    expect(await left()).toEqual([recent]);
    const { rows } = await db.query('SELECT 1 FROM call_events WHERE sid = $1', [old]);
    expect(rows).toEqual([]);
  });
});

describe('the live stream', () => {
  it('ends once its viewer is no longer a member', async () => {
    const session = sessions.get('beto')!;
    const response = await fetch(`${origin}/api/workspaces/${ws.B}/calls/live`, {
      headers: { cookie: `${SESSION_COOKIE}=${session.secret}` },
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the stream is open
    await accounts.removeMember(ws.B, userIds.get('beto')!, clock);
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    expect((await get('beto', '/api/workspaces/{B}/calls')).status).toBe(404);
  });
});

describe('the cost of a call', () => {
  const costOf = async (sid: string) => {
    await renewSessions(); // the calls are months after the sessions
    const answer = await get('otto', `/api/workspaces/{B}/calls/${sid}`);
    return callDetailSchema.parse(answer.body).call.cost;
  };

  it("is priced in the customer's country, else the workspace's, else the table's default", async () => {
    // A Mexican caller on a Brazilian line: one started minute at the example's MX line rate.
    const fromMexico = await call(ws.B, SALES, {
      start: DAY + 200 * DAY_MS,
      caller: '+525512345678',
    });
    expect(await costOf(fromMexico)).toEqual({ amount: 60, currency: 'MXN', example: true });
    // A withheld number: the table's default (BR) without a workspace country…
    const withheld = await call(ws.B, SALES, { start: DAY + 200 * DAY_MS, caller: 'anonymous' });
    expect(await costOf(withheld)).toEqual({ amount: 15, currency: 'BRL', example: true });
    // …and the workspace's country once it has one.
    await db.query(
      `INSERT INTO ws_settings (workspace_id, data, revision, updated_at, updated_by_id, updated_by_name)
       VALUES ($1, '{"country":"ES"}', 1, now(), 'test', 'test')
       ON CONFLICT (workspace_id) DO UPDATE SET data = ws_settings.data || '{"country":"ES"}'`,
      [ws.B],
    );
    const inSpain = await call(ws.B, SALES, { start: DAY + 200 * DAY_MS, caller: 'anonymous' });
    expect((await costOf(inSpain))?.currency).toBe('EUR');
    // A country the table has no prices for: no price, rather than another country's.
    const fromGermany = await call(ws.B, SALES, {
      start: DAY + 200 * DAY_MS,
      caller: '+4930901820',
    });
    expect(await costOf(fromGermany)).toBeNull();
  });
});
