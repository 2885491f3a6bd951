import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  DEFAULT_MAX_WAIT_SECONDS,
  publishedVersionDocSchema,
  SESSION_COOKIE,
  type FlowDocument,
  type Role,
} from '@callbot/shared';
import { examples } from '@callbot/runtime';
import { createAccountStore } from '../accounts.ts';
import { openPglite, type Database } from '../db.ts';
import { createServer, type CallbotServer } from '../server.ts';
import { twilioSignature } from '../signature.ts';
import { manualScheduler } from '../provider/sandbox.ts';
import { createProviderService, type ProviderService } from '../provider/service.ts';
import { createStore, type Store } from '../store.ts';
import { createHub, inProcessBus } from './events.ts';
import { createPublishStore } from './publishStore.ts';
import { createWorkspaceStore } from './store.ts';

const AUTH = 'auth-token';
/** 12:00:00Z is 09:00:00 in São Paulo: the reception example's Monday hours open then. */
const MONDAY_0900 = Date.parse('2026-12-07T12:00:00Z');
let clock = MONDAY_0900;
let db: Database;
let store: Store;
let server: CallbotServer;
let provider: ProviderService;
/** The workspace's own provider auth token, which signs its provider webhooks. */
const PROVIDER_AUTH = 'e'.repeat(32);
let origin: string;
const ws = { A: '', B: '' };
const sessions = new Map<string, { secret: string; csrfToken: string }>();

const NUMBER = '+551130001000';
const OTHER_NUMBER = '+551130002000';

beforeAll(async () => {
  db = await openPglite();
  store = await createStore(db);
  const accounts = createAccountStore(db);
  const now = () => clock;
  const workspaces = createWorkspaceStore(db, now);
  const hub = createHub(inProcessBus(), now);
  provider = createProviderService({
    db,
    workspaces,
    hub,
    now,
    secretKey: randomBytes(32),
    schedule: manualScheduler(),
  });
  server = createServer({
    store,
    accounts,
    token: 'token',
    authToken: AUTH,
    clock: { now },
    log: () => {},
    provider,
    workspace: {
      store: workspaces,
      hub,
      published: createPublishStore(db, now),
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
  await provider.credentials.save(
    ws.A,
    { accountSid: `AC${'a1'.repeat(16)}`, authToken: PROVIDER_AUTH },
    'Otto',
    clock,
  );
  ws.B = (await accounts.createWorkspace(first!.userId, 'Loja B', clock)).id;
  sessions.set('otto', await accounts.createSession(first!.userId, clock));
  const people: [string, string, Role][] = [
    ['ana', 'Ana', 'editor'],
    ['tina', 'Tina', 'trainer'],
  ];
  for (const [key, name, role] of people) {
    const invitation = await accounts.createInvitation({
      workspaceId: ws.A,
      role,
      createdBy: first!.userId,
      at: clock,
    });
    const accepted = await accounts.acceptInvitation(invitation.token, clock, {
      email: `${key}@example.com`,
      name,
      passwordHash: 'unused',
    });
    if (!accepted.ok) throw new Error(accepted.error);
    sessions.set(key, await accounts.createSession(accepted.userId, clock));
  }
}, 60_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function call(user: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const session = sessions.get(user)!;
  const response = await fetch(origin + path.replace('{A}', ws.A).replace('{B}', ws.B), {
    method,
    headers: {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      ...(method !== 'GET' && { [CSRF_HEADER]: session.csrfToken }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

/** A webhook as the provider sends it, signed (by default with the server-wide auth token). */
async function webhook(path: string, fields: Record<string, string>, secret = AUTH) {
  const url = origin + path;
  const params = Object.entries(fields);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(secret, url, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

let sids = 0;
const incoming = (to: string, from = '+5511987650000') =>
  webhook('/voice/incoming', { CallSid: `CA${++sids}`, To: to, From: from, Direction: 'inbound' });

const team = (id: string, isDefault = false) => ({ id, name: id, agents: 2, isDefault });

/** The reception example as a flow of workspace A, marked as a callbot. */
async function saveReception(id = 'recepcao') {
  const saved = await call('ana', 'PUT', `/api/workspaces/{A}/flows/${id}`, {
    baseRevision: 0,
    doc: examples.reception,
    callbot: true,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(201);
}

describe('publishing under a workspace', () => {
  it('refuses a flow naming a team the workspace does not have, in the check’s words', async () => {
    await saveReception();
    const refused = await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/publish', {
      doc: examples.reception,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('unknown_reference');
    expect(refused.body.message).toMatch(/is not one of the workspace[’']s (teams|bots)/);
    expect(refused.body.diagnostics).toContainEqual(
      expect.objectContaining({
        code: 'transfer.unknownTeam',
        message: 'The team “vendas” is not one of the workspace’s teams: publishing is refused.',
      }),
    );
    expect(refused.body.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'fallbackBot.unknownBot', params: { bot: 'bot-vendas' } }),
    );
  });

  it('refuses a flow with errors, with the validation’s words, and publishes nothing', async () => {
    const broken: FlowDocument = {
      ...examples.reception,
      nodes: examples.reception.nodes.map((n) =>
        n.kind === 'transfer' ? { ...n, data: { ...n.data, team: '' } } : n,
      ),
    };
    const refused = await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/publish', {
      doc: broken,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('invalid_flow');
    expect(refused.body.message).toMatch(/This transfer has no team/);
    const list = await call('ana', 'GET', '/api/workspaces/{A}/flows/recepcao/published');
    expect(list.body).toMatchObject({ versions: [], live: null });
  });

  it('numbers versions, keeps who/when/note, makes the newest live, and rolls back', async () => {
    for (const id of ['recepcao', 'vendas', 'suporte']) {
      expect(
        (await call('ana', 'PUT', `/api/workspaces/{A}/teams/${id}`, team(id, id === 'recepcao')))
          .status,
      ).toBe(200);
    }
    for (const name of ['bot-fora-do-horario', 'bot-vendas', 'bot-suporte']) {
      const bot = await call('ana', 'PUT', `/api/workspaces/{A}/bots/${name}`, { id: name, name });
      expect(bot.status).toBe(200);
    }
    const first = await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/publish', {
      doc: examples.reception,
      note: 'first',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.version).toMatchObject({
      flowId: 'recepcao',
      version: 1,
      note: 'first',
      publishedBy: { name: 'Ana' },
      publishedAt: new Date(clock).toISOString(),
    });
    const second = await call('otto', 'POST', '/api/workspaces/{A}/flows/recepcao/publish', {
      doc: examples.reception,
    });
    expect(second.body.version).toMatchObject({ version: 2, publishedBy: { name: 'Otto' } });
    // One version's document, as the calls page draws a call on the version it ran.
    const one = await call('tina', 'GET', '/api/workspaces/{A}/flows/recepcao/published/1');
    expect(one.status).toBe(200);
    expect(publishedVersionDocSchema.parse(one.body)).toMatchObject({
      version: 1,
      note: 'first',
      publishedBy: { name: 'Ana' },
      publishedAt: new Date(clock).toISOString(),
      doc: examples.reception,
    });
    for (const missing of ['9', '0', 'abc']) {
      const none = await call(
        'tina',
        'GET',
        `/api/workspaces/{A}/flows/recepcao/published/${missing}`,
      );
      expect(none.status, missing).toBe(404);
      expect(none.body.message).toMatch(`no published version ${missing}`);
    }
    const elsewhere = await call('otto', 'GET', '/api/workspaces/{B}/flows/recepcao/published/1');
    expect(elsewhere.status).toBe(404);
    let list = await call('tina', 'GET', '/api/workspaces/{A}/flows/recepcao/published');
    expect(list.body.live).toBe(2);
    expect((list.body.versions as { version: number }[]).map((v) => v.version)).toEqual([2, 1]);

    const back = await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/rollback', {});
    expect(back.body).toMatchObject({ live: { version: 1, note: 'first' } });
    list = await call('tina', 'GET', '/api/workspaces/{A}/flows/recepcao/published');
    expect(list.body.live).toBe(1);
    const none = await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/rollback', {});
    expect(none.status).toBe(409);
    expect(none.body.error).toBe('no_earlier_version');
    // Forward again to a named version.
    expect(
      (await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/rollback', { version: 2 }))
        .body,
    ).toMatchObject({ live: { version: 2 } });
  });

  it('is the editor’s: a trainer is refused, and another workspace never sees the flow', async () => {
    const trainer = await call('tina', 'POST', '/api/workspaces/{A}/flows/recepcao/publish', {
      doc: examples.reception,
    });
    expect(trainer.status).toBe(403);
    const elsewhere = await call('otto', 'GET', '/api/workspaces/{B}/flows/recepcao/published');
    expect(elsewhere.status).toBe(404);
  });
});

describe('the voice webhooks answer from the workspace', () => {
  it('R9: a line with nothing configured gets the default callbot; with a callbot, its live version, followed at once', async () => {
    const line = {
      id: 'fixa',
      kind: 'purchased',
      country: 'BR',
      number: NUMBER,
      status: 'active',
      requestedAt: clock,
      orderId: 'ORD1',
      createdAt: clock,
    };
    const put = await call('ana', 'PUT', '/api/workspaces/{A}/lines/fixa', line);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // No callbot on the line yet: the workspace's default callbot gives the call to the default team (R9).
    const before = await incoming(NUMBER);
    expect(before.body).toContain('Vou transferir sua ligação para um atendente');
    expect(before.body).toContain('<Enqueue');
    expect(before.body).toContain('>recepcao</Enqueue>');

    const assigned = await call('ana', 'PUT', '/api/workspaces/{A}/lines/fixa/callbot', {
      callbotId: 'recepcao',
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    const answered = await incoming(NUMBER);
    expect(answered.status).toBe(200);
    expect(answered.body).toContain('Você ligou para a Loja Exemplo');
    expect(answered.body).toContain('Para vendas, digite 1');

    const changed: FlowDocument = {
      ...examples.reception,
      nodes: examples.reception.nodes.map((n) =>
        n.kind === 'greeting' ? { ...n, data: { ...n.data, text: 'Bem-vindo à versão três.' } } : n,
      ),
    };
    const third = await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/publish', {
      doc: changed,
    });
    expect(third.body.version).toMatchObject({ version: 3 });
    expect((await incoming(NUMBER)).body).toContain('Bem-vindo à versão três.');
    await call('ana', 'POST', '/api/workspaces/{A}/flows/recepcao/rollback', {});
    expect((await incoming(NUMBER)).body).toContain('Você ligou para a Loja Exemplo');
  });

  it('records the workspace and the channel of the call, and runs its next steps on that version', async () => {
    const sid = `CA${++sids}`;
    await webhook('/voice/incoming', { CallSid: sid, To: NUMBER, From: '+5511987650000' });
    const record = await store.getCall(sid);
    expect(record).toMatchObject({
      channel: 'line',
      flow: { workspace: ws.A, callbot: 'recepcao', version: 2 },
    });
    // Key 1: sales, whose team has agents (its routing says so): the call is put through.
    await call('ana', 'PUT', '/api/workspaces/{A}/teams/vendas/routing', {
      agentsAvailable: 3,
      target: '+551130009999',
    });
    const next = await webhook('/voice/gather?step=1', { CallSid: sid, Digits: '1' });
    expect(next.body).toContain('<Number>+551130009999</Number>');
  });

  it('takes the no-agents path when the team’s routing says nobody is available', async () => {
    await call('ana', 'PUT', '/api/workspaces/{A}/teams/suporte/routing', { agentsAvailable: 0 });
    const sid = `CA${++sids}`;
    await webhook('/voice/incoming', { CallSid: sid, To: NUMBER, From: '+5511987650000' });
    const next = await webhook('/voice/gather?step=1', { CallSid: sid, Digits: '2' });
    // No bot "bot-suporte" in the workspace: the handoff hangs up.
    expect(next.body).not.toContain('<Enqueue');
    expect(next.body).toContain('<Hangup/>');
    const tooLong = await call('ana', 'PUT', '/api/workspaces/{A}/teams/suporte/routing', {
      agentsAvailable: 1,
      target: 'q'.repeat(65),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.message).toMatch(/^The routing: target: a queue's name has at most 64/);
    const unknown = await call('ana', 'PUT', '/api/workspaces/{A}/teams/nobody/routing', {
      agentsAvailable: 1,
    });
    expect(unknown.status).toBe(404);
    const routing = await call('tina', 'GET', '/api/workspaces/{A}/routing');
    expect(routing.body.teams).toContainEqual({
      teamId: 'suporte',
      target: 'suporte',
      agentsAvailable: 0,
      set: true,
    });
  });

  it('R1, R6 (issue 15 #3): a WhatsApp call is answered by its line’s callbot, one callbot for the number’s two lines', async () => {
    const sip = {
      id: 'pabx',
      kind: 'sip',
      label: 'PABX',
      host: 'pbx.example.com',
      port: 5060,
      transport: 'udp',
      username: 'u',
      password: 'p',
      number: OTHER_NUMBER,
      createdAt: clock,
    };
    const whatsapp = {
      id: 'zap',
      kind: 'whatsapp',
      number: OTHER_NUMBER,
      displayName: 'Loja',
      business: true,
      calling: true,
      callsEnabled: false,
      voiceLineId: 'pabx',
      createdAt: clock,
    };
    const putSip = await call('ana', 'PUT', '/api/workspaces/{A}/lines/pabx', sip);
    expect(putSip.status, JSON.stringify(putSip.body)).toBe(200);
    const put = await call('ana', 'PUT', '/api/workspaces/{A}/lines/zap', whatsapp);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await call('ana', 'PUT', '/api/workspaces/{A}/lines/zap/callbot', { callbotId: 'recepcao' });

    // Calls not enabled on the WhatsApp line: refused, nothing recorded.
    const refusedSid = `CA${++sids}`;
    const refused = await webhook('/voice/incoming', {
      CallSid: refusedSid,
      To: `whatsapp:${OTHER_NUMBER}`,
      From: 'whatsapp:+5511987650000',
    });
    expect(refused.body).toContain('<Reject');
    expect(await store.getCall(refusedSid)).toBeNull();

    await call('ana', 'PUT', '/api/workspaces/{A}/lines/zap', {
      ...whatsapp,
      callbotId: 'recepcao',
      callsEnabled: true,
    });
    const sid = `CA${++sids}`;
    const answered = await webhook('/voice/incoming', {
      CallSid: sid,
      To: `whatsapp:${OTHER_NUMBER}`,
      From: 'whatsapp:+5511987650000',
    });
    expect(answered.body).toContain('Você ligou para a Loja Exemplo');
    expect(await store.getCall(sid)).toMatchObject({
      channel: 'whatsapp',
      line: OTHER_NUMBER,
      caller: '+5511987650000',
      flow: { workspace: ws.A, callbot: 'recepcao' },
    });
    // A business-initiated WhatsApp call, answered: the provider fetches its TwiML, the callbot answers.
    const outSid = `CA${++sids}`;
    const outbound = await webhook(`/voice/whatsapp/outbound?ws=${ws.A}&line=zap`, {
      CallSid: outSid,
      From: `whatsapp:${OTHER_NUMBER}`,
      To: 'whatsapp:+5511987650001',
      Direction: 'outbound-api',
    });
    expect(outbound.body).toContain('Você ligou para a Loja Exemplo');
    expect(await store.getCall(outSid)).toMatchObject({
      channel: 'whatsapp',
      direction: 'outbound',
      line: OTHER_NUMBER,
      caller: '+5511987650001',
    });
    expect((await store.getCall(outSid))?.status).toBe('in_progress');
    // Its status callback goes to the workspace's provider webhook, which closes the voice record too.
    const ended = await webhook(
      `/provider/${ws.A}/webhooks/calls`,
      { CallSid: outSid, CallStatus: 'completed', CallDuration: '42' },
      PROVIDER_AUTH,
    );
    expect(ended.status, ended.body).toBe(200);
    expect((await store.getCall(outSid))?.status).toBe('caller_hung_up');
    // A call the provider reports that never reached the callbot gets no voice record.
    const unanswered = await webhook(
      `/provider/${ws.A}/webhooks/calls`,
      { CallSid: 'CA-never-answered', CallStatus: 'no-answer' },
      PROVIDER_AUTH,
    );
    expect(unanswered.status, unanswered.body).toBe(200);
    expect(await store.getCall('CA-never-answered')).toBeNull();
    // The same number's voice line (SIP, no callbot of its own) answers with the same callbot.
    const voice = await incoming(OTHER_NUMBER);
    expect(voice.body).toContain('Você ligou para a Loja Exemplo');
  });

  it('one schedule moment (issue 15 #9): read when the request for the step arrived, 08:59:58 closed, 09:00:00 open', async () => {
    clock = MONDAY_0900 - 2000;
    try {
      const closed = await incoming(NUMBER);
      expect(closed.body).toContain('Estamos fechados agora');
      expect(closed.body).not.toContain('Para vendas, digite 1');
    } finally {
      clock = MONDAY_0900;
    }
    const open = await incoming(NUMBER);
    expect(open.body).toContain('Para vendas, digite 1');
    expect(open.body).not.toContain('Estamos fechados agora');
  });

  it('hands a fallback-bot node’s call to the workspace bot of that name, at its target; hangs up while it has none', async () => {
    const closedCall = () => {
      clock = MONDAY_0900 - 60_000;
      return incoming(NUMBER).finally(() => {
        clock = MONDAY_0900;
      });
    };
    // The reception flow hands a call out of hours to "bot-fora-do-horario", a bot with no target yet.
    const untargeted = await closedCall();
    expect(untargeted.body).toContain('Estamos fechados agora');
    expect(untargeted.body).toContain('<Hangup/>');
    expect(untargeted.body).not.toContain('<Redirect');

    const target = 'https://bots.example.com/noite';
    const put = await call('ana', 'PUT', '/api/workspaces/{A}/bots/bot-fora-do-horario', {
      id: 'bot-fora-do-horario',
      name: 'bot-fora-do-horario',
      target,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const handedOff = await closedCall();
    expect(handedOff.body).toContain('Estamos fechados agora');
    expect(handedOff.body).toContain(`<Redirect method="POST">${target}</Redirect>`);

    const refused = await call('ana', 'PUT', '/api/workspaces/{A}/bots/bot-fora-do-horario', {
      id: 'bot-fora-do-horario',
      name: 'bot-fora-do-horario',
      target: 'javascript:alert(1)',
    });
    expect(refused.status).toBe(422);
    expect(JSON.stringify(refused.body)).toMatch(
      /a bot target is a sip: address or an http\(s\) URL/,
    );
  });

  it('R16: a queue plays its wait, leaves at the transfer’s longest wait, and takes the no-agents path', async () => {
    await call('ana', 'PUT', '/api/workspaces/{A}/teams/vendas/routing', {
      agentsAvailable: 2,
      target: 'fila-vendas',
    });
    await call('ana', 'PUT', '/api/workspaces/{A}/bots/bot-vendas', {
      id: 'bot-vendas',
      name: 'bot-vendas',
      target: 'sip:vendas@bots.example.com',
    });
    const transfer = examples.reception.nodes.find((n) => n.id === 't-vendas');
    const longest =
      (transfer?.kind === 'transfer' && transfer.data.maxWaitSeconds) || DEFAULT_MAX_WAIT_SECONDS;
    const sid = `CA${++sids}`;
    await webhook('/voice/incoming', { CallSid: sid, To: NUMBER, From: '+5511987650000' });
    const queued = await webhook('/voice/gather?step=1', { CallSid: sid, Digits: '1' });
    expect(queued.body).toContain('waitUrl="/voice/queue-wait?step=2"');
    expect(queued.body).toContain('>fila-vendas</Enqueue>');

    const waiting = await webhook('/voice/queue-wait?step=2', {
      CallSid: sid,
      QueueTime: String(longest - 1),
    });
    expect(waiting.status).toBe(200);
    expect(waiting.body).not.toContain('<Leave/>');
    expect(waiting.body).toMatch(/<Play>|<Say/);
    const over = await webhook('/voice/queue-wait?step=2', {
      CallSid: sid,
      QueueTime: String(longest),
    });
    expect(over.body).toContain('<Leave/>');
    // Unsigned, the wait document is refused like any webhook.
    const unsigned = await fetch(`${origin}/voice/queue-wait?step=2`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ CallSid: sid, QueueTime: '1' }).toString(),
    });
    expect(unsigned.status).toBe(403);

    // The <Enqueue> action hears QueueResult=leave: the no-agents path, to the bot of sales.
    const left = await webhook('/voice/dial-result?step=2', { CallSid: sid, QueueResult: 'leave' });
    expect(left.body).toContain('<Sip>sip:vendas@bots.example.com</Sip>');
    const lines = (await store.callEvents(sid)).map((e) => e.line);
    expect(lines).toContainEqual(
      expect.objectContaining({ kind: 'transfer', team: 'vendas', outcome: 'no_agents' }),
    );
    // The call moved on: a late wait request leaves the queue.
    const late = await webhook('/voice/queue-wait?step=2', { CallSid: sid, QueueTime: '5' });
    expect(late.body).toContain('<Leave/>');
  });

  it('leaves a number no workspace has to the server-wide tables (the default callbot there)', async () => {
    const answered = await incoming('+551130003000');
    expect(answered.status).toBe(200);
    expect(answered.body).toContain('Olá! Vou transferir sua ligação para um atendente.');
  });
});
