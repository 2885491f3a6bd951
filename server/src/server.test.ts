import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic, FlowDocument } from '@callbot/shared';
import type { AgentAdapter } from '@callbot/runtime';
import { examples } from '@callbot/runtime';
import { createAccountStore, type AccountStore } from './accounts.ts';
import { openPglite, openPostgres } from './db.ts';
import { createServer, type CallbotServer } from './server.ts';
import {
  createStore,
  type CallbotSummary,
  type CallEventRecord,
  type LineAssignment,
  type Store,
  type VersionSummary,
} from './store.ts';
import { postWebhook } from './webhookClient.ts';

const TOKEN = 'test-api-token';
const AUTH_TOKEN = 'test-auth-token';
const RECEPTION_LINE = '+551130000000';
const AI_LINE = '+551130000001';
const FREE_LINE = '+551130000009';
const CALLER = '+5511999990000';

/** A Tuesday at 10:00 in São Paulo: the reception example is open. */
let now = Date.parse('2026-11-24T10:00:00-03:00');
const clock = { now: () => now };

/** A scripted AI agent: greets, echoes, and says goodbye (done) when told "tchau". */
const agent: AgentAdapter = ({ messages }) => {
  const last = messages.at(-1);
  if (!last) return { text: 'Como posso ajudar?' };
  if (last.content.includes('tchau')) return { text: 'Até mais!', done: true };
  return { text: `Você disse: ${last.content} <com & sem "aspas">` };
};

let store: Store;
let accounts: AccountStore;
let server: CallbotServer;
let origin: string;
let sequence = 0;

/** The fields the tests read in the API's JSON answers. */
interface ApiBody {
  error?: string;
  message?: string;
  diagnostics?: Diagnostic[];
  versions?: VersionSummary[];
  callbots?: CallbotSummary[];
  flow?: FlowDocument;
  callbot?: string;
  replaced?: LineAssignment | null;
  removed?: LineAssignment;
}

interface CallView {
  status: string;
  step: number;
  line: string;
  events: CallEventRecord[];
}

async function api<T = ApiBody>(
  method: string,
  path: string,
  body?: unknown,
  token: string | null = TOKEN,
) {
  const response = await fetch(origin + path, {
    method,
    headers: {
      ...(token !== null && { authorization: `Bearer ${token}` }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as T) : null };
}

async function callRecord(sid: string): Promise<CallView> {
  const { status, body } = await api<CallView>('GET', `/api/calls/${sid}`);
  expect(status).toBe(200);
  return body!;
}

const hook = (path: string, params: Record<string, string>, at = origin) =>
  postWebhook(at, path, params, { authToken: AUTH_TOKEN });

/** Starts a call on `to`; returns its sid and first TwiML. */
async function call(to: string) {
  const CallSid = `CA${(++sequence).toString().padStart(32, '0')}`;
  const reply = await hook('/voice/incoming', {
    CallSid,
    From: CALLER,
    To: to,
    Direction: 'inbound',
  });
  expect(reply.status).toBe(200);
  return { CallSid, twiml: reply.body };
}

/** The action URL the TwiML sends the next request to (`<Gather action>` or `<Dial action>`). */
const actionOf = (twiml: string) => /action="([^"]+)"/.exec(twiml)?.[1]?.replace(/&amp;/g, '&');

beforeAll(async () => {
  // CALLBOT_TEST_DATABASE_URL runs the same tests on a PostgreSQL server (an empty database).
  const url = process.env.CALLBOT_TEST_DATABASE_URL;
  const db = url ? openPostgres(url) : await openPglite();
  store = await createStore(db);
  accounts = createAccountStore(db);
  server = createServer({
    store,
    accounts,
    token: TOKEN,
    authToken: AUTH_TOKEN,
    clock,
    agent,
    log: () => {},
  });
  origin = await server.listen(0);
  await api('POST', '/api/callbots/recepcao/versions', { flow: examples.reception, note: 'first' });
  await api('PUT', `/api/lines/${RECEPTION_LINE}`, { callbot: 'recepcao', version: 1 });
  await api('POST', '/api/callbots/assistente/versions', { flow: examples.aiAgent });
  await api('PUT', `/api/lines/${AI_LINE}`, { callbot: 'assistente', version: 1 });
  await api('PUT', '/api/teams/vendas', { target: 'vendas', agentsAvailable: 2 });
  await api('PUT', '/api/teams/suporte', { target: '+551140000002', agentsAvailable: 0 });
  await api('PUT', '/api/teams/recepcao', {
    target: 'sip:recepcao@pbx.example.com',
    agentsAvailable: 0,
    isDefault: true,
  });
  await api('PUT', '/api/bots/bot-vendas', { target: 'sip:bot-vendas@bots.example.com' });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe('publish API', () => {
  it('refuses requests without the bearer token, or with another one', async () => {
    expect((await api('GET', '/api/callbots', undefined, null)).status).toBe(401);
    expect((await api('GET', '/api/callbots', undefined, 'wrong')).status).toBe(401);
    const refused = await api(
      'POST',
      '/api/callbots/x/versions',
      { flow: examples.reception },
      null,
    );
    expect(refused.status).toBe(401);
    expect((await api('GET', '/api/callbots/x/versions')).status).toBe(404);
  });

  it('lets a page of another origin (the designer) call it with its token: CORS', async () => {
    const preflight = await fetch(`${origin}/api/callbots/x/versions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:4173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/PUT/);
    // A refusal is readable by the page too, so that it can say "wrong token".
    const refused = await fetch(`${origin}/api/callbots`, {
      headers: { authorization: 'Bearer no' },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses an invalid flow with its diagnostics, and publishes nothing', async () => {
    const broken = {
      ...examples.reception,
      nodes: examples.reception.nodes.filter((n) => n.id !== 'greeting'),
    };
    const reply = await api('POST', '/api/callbots/quebrado/versions', { flow: broken });
    expect(reply.status).toBe(422);
    expect(reply.body?.error).toBe('invalid_flow');
    expect(reply.body?.diagnostics?.some((d) => d.severity === 'error')).toBe(true);
    const notAFlow = await api('POST', '/api/callbots/quebrado/versions', {
      flow: { __proto__: 1 },
    });
    expect(notAFlow.status).toBe(422);
    expect((await api('GET', '/api/callbots/quebrado/versions')).status).toBe(404);
  });

  it('numbers versions, lists them and gives each back with its flow and fingerprint', async () => {
    const second = await api('POST', '/api/callbots/recepcao/versions', {
      flow: examples.reception,
      note: 'same flow again',
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ callbot: 'recepcao', version: 2, note: 'same flow again' });
    const versions = (await api('GET', '/api/callbots/recepcao/versions')).body?.versions;
    expect(versions?.map((v) => v.version)).toEqual([1, 2]);
    // Same flow logic, same compiled machine.
    expect(versions?.[0]?.fingerprint).toBe(versions?.[1]?.fingerprint);
    const one = await api('GET', '/api/callbots/recepcao/versions/1');
    expect(one.body?.flow?.settings.name).toBe(examples.reception.settings.name);
    const callbots = (await api('GET', '/api/callbots')).body?.callbots;
    expect(callbots).toContainEqual(expect.objectContaining({ id: 'recepcao', latestVersion: 2 }));
  });

  it('gives a line one callbot (R3): another one only replaces it explicitly, and says what it replaced', async () => {
    const line = '+551130000077';
    expect(
      (await api('PUT', `/api/lines/${line}`, { callbot: 'recepcao', version: 1 })).body?.replaced,
    ).toBeNull();
    const refused = await api('PUT', `/api/lines/${line}`, { callbot: 'assistente', version: 1 });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'R3.lineHasCallbot',
      current: { callbot: 'recepcao' },
    });
    expect((await api('GET', `/api/lines/${line}`)).body?.callbot).toBe('recepcao');

    const replaced = await api('PUT', `/api/lines/${line}`, {
      callbot: 'assistente',
      version: 1,
      replace: true,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body?.replaced).toMatchObject({ callbot: 'recepcao', version: 1 });
    expect((await api('GET', `/api/lines/${line}`)).body?.callbot).toBe('assistente');

    expect(
      (await api('PUT', `/api/lines/${line}`, { callbot: 'assistente', version: 9 })).status,
    ).toBe(404);
    expect(
      (await api('PUT', '/api/lines/5511', { callbot: 'assistente', version: 1 })).status,
    ).toBe(400);
    expect((await api('DELETE', `/api/lines/${line}`)).body?.removed?.callbot).toBe('assistente');
    expect((await api('GET', `/api/lines/${line}`)).status).toBe(404);
  });

  it('rolls a line back to the version before, and refuses when there is none', async () => {
    const line = '+551130000078';
    await api('PUT', `/api/lines/${line}`, { callbot: 'recepcao', version: 2 });
    const back = await api('POST', `/api/lines/${line}/rollback`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ line: { version: 1 }, replaced: { version: 2 } });
    expect((await api('POST', `/api/lines/${line}/rollback`)).status).toBe(409);
  });

  it('answers malformed API requests with 400 and a message', async () => {
    const response = await fetch(`${origin}/api/teams/x`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: '{"target": ',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/not JSON/);
    const team = await api('PUT', '/api/teams/x', { target: 'q', agentsAvailable: -1 });
    expect(team.status).toBe(400);
    expect(team.body?.message).toMatch(/agentsAvailable/);
  });
});

describe('a call of the reception example over the webhooks', () => {
  it('greets, says the menu before listening (R17), and transfers to vendas on 1', async () => {
    const { CallSid, twiml } = await call(RECEPTION_LINE);
    expect(twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Say language="pt-BR">Olá! Você ligou para a Loja Exemplo.</Say>' +
        '<Say language="pt-BR">Para vendas, digite 1. Para suporte, digite 2.</Say>' +
        '<Gather input="dtmf speech" action="/voice/gather?step=1" method="POST" timeout="5" numDigits="1" finishOnKey="" language="pt-BR" speechTimeout="auto"/>' +
        '<Redirect method="POST">/voice/gather?step=1</Redirect>' +
        '</Response>',
    );
    const transfer = await hook('/voice/gather?step=1', { CallSid, Digits: '1' });
    expect(transfer.body).toContain(
      '<Enqueue action="/voice/dial-result?step=2" method="POST" waitUrl="/voice/queue-wait?step=2" waitUrlMethod="POST">vendas</Enqueue>',
    );

    // Nobody of vendas picks up: the flow goes to its fallback bot, dialled over SIP.
    const fallback = await hook(actionOf(transfer.body)!, { CallSid, DialCallStatus: 'no-answer' });
    expect(fallback.body).toContain(
      '<Dial><Sip>sip:bot-vendas@bots.example.com</Sip></Dial><Hangup/>',
    );

    const record = await callRecord(CallSid);
    expect(record).toMatchObject({ status: 'handed_off', step: 3, line: RECEPTION_LINE });
    const kinds = record.events.map((e) => e.line.kind);
    expect(kinds).toContain('handoff');
    expect(kinds.at(-1)).toBe('end');
  });

  it('R16: a dialled team nobody picks up (no-answer, busy) takes the "no agents" output; a failed dial takes "failed"', async () => {
    const line = '+551130000066';
    const flow: FlowDocument = {
      ...examples.reception,
      settings: { ...examples.reception.settings, name: 'Plantão' },
      nodes: [
        { id: 'g', kind: 'greeting', data: { text: 'Olá.' }, connections: { next: 't' } },
        {
          id: 't',
          kind: 'transfer',
          data: { team: 'plantao', maxWaitSeconds: 30 },
          connections: { noAgents: 'ninguem', failed: 'falhou' },
        },
        { id: 'ninguem', kind: 'hangup', data: { text: 'Ninguém atendeu.' }, connections: {} },
        { id: 'falhou', kind: 'hangup', data: { text: 'A ligação falhou.' }, connections: {} },
      ],
      layout: { nodes: {} },
    };
    expect((await api('POST', '/api/callbots/plantao/versions', { flow })).status).toBe(201);
    await api('PUT', `/api/lines/${line}`, { callbot: 'plantao', version: 1 });
    await api('PUT', '/api/teams/plantao', { target: '+551140000099', agentsAvailable: 1 });
    for (const [status, said] of [
      ['no-answer', 'Ninguém atendeu.'],
      ['busy', 'Ninguém atendeu.'],
      ['failed', 'A ligação falhou.'],
    ] as const) {
      const { CallSid, twiml } = await call(line);
      // The team is a number: dialled, ringing at most the node's wait.
      expect(twiml).toContain('timeout="30"');
      const after = await hook(actionOf(twiml)!, { CallSid, DialCallStatus: status });
      expect(after.body, status).toContain(`<Say language="pt-BR">${said}</Say><Hangup/>`);
      const record = await callRecord(CallSid);
      expect(record.status).toBe('hung_up');
      const nodes = record.events.flatMap((e) =>
        e.line.kind === 'node' ? [(e.line as { via?: string }).via] : [],
      );
      expect(nodes.at(-1)).toBe(status === 'failed' ? 't:failed' : 't:noAgents');
    }
  });

  it('takes the noMatch message and speech, and a transfer that is answered ends the call as transferred', async () => {
    const { CallSid } = await call(RECEPTION_LINE);
    const again = await hook('/voice/gather?step=1', { CallSid, Digits: '7' });
    expect(again.body).toMatch(
      /<Say language="pt-BR">Opção inválida.<\/Say><Say language="pt-BR">Para vendas/,
    );
    const spoken = await hook('/voice/gather?step=2', {
      CallSid,
      SpeechResult: 'quero falar com vendas',
      Confidence: '0.91',
    });
    expect(spoken.body).toContain('<Enqueue');
    const answered = await hook('/voice/dial-result?step=3', { CallSid, QueueResult: 'bridged' });
    expect(answered.body).toContain('<Hangup/>');
    expect((await callRecord(CallSid)).status).toBe('transferred');
  });

  it('repeats the menu on silence, then takes its noInput branch', async () => {
    const { CallSid } = await call(RECEPTION_LINE);
    let step = 1;
    for (let repeat = 0; repeat < 2; repeat++) {
      now += 6000;
      const reply = await hook(`/voice/gather?step=${step++}`, { CallSid });
      expect(reply.body).toContain('<Say language="pt-BR">Para vendas, digite 1.');
      expect(reply.body).toContain(
        `<Gather input="dtmf speech" action="/voice/gather?step=${step}"`,
      );
    }
    // recepcao has no agent available (R16): the transfer's noAgents branch says goodbye.
    const last = await hook(`/voice/gather?step=${step}`, { CallSid });
    expect(last.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Say language="pt-BR">Obrigado pela ligação. Até logo.</Say><Hangup/></Response>',
    );
    const events = (await callRecord(CallSid)).events;
    const noInputs = events.filter((e) => e.line.kind === 'noinput');
    expect(noInputs).toHaveLength(3);
    expect(events.map((e) => e.line)).toContainEqual(
      expect.objectContaining({ kind: 'transfer', team: 'recepcao', outcome: 'no_agents' }),
    );
  });

  it('answers a repeated request with the same TwiML without applying it twice', async () => {
    const { CallSid } = await call(RECEPTION_LINE);
    const first = await hook('/voice/gather?step=1', { CallSid, Digits: '9' });
    const repeat = await hook('/voice/gather?step=1', { CallSid, Digits: '9' });
    expect(repeat).toEqual(first);
    const record = await callRecord(CallSid);
    expect(record.step).toBe(2);
    const refusals = record.events.filter((e) => e.line.kind === 'input');
    expect(refusals).toHaveLength(1);
    // A request for a step long gone is refused, not applied.
    await hook('/voice/gather?step=2', { CallSid, Digits: '9' });
    expect((await hook('/voice/gather?step=1', { CallSid, Digits: '1' })).status).toBe(409);
  });

  it('ends the call when the provider reports the caller hung up', async () => {
    const { CallSid } = await call(RECEPTION_LINE);
    const status = await hook('/voice/status', { CallSid, CallStatus: 'completed' });
    expect(status.status).toBe(204);
    expect((await callRecord(CallSid)).status).toBe('caller_hung_up');
    // Reported again, or followed by a late request, it changes nothing.
    expect((await hook('/voice/status', { CallSid, CallStatus: 'completed' })).status).toBe(204);
    const late = await hook('/voice/gather?step=2', { CallSid, Digits: '1' });
    expect(late.body).toContain('<Response><Hangup/></Response>');
    expect(await callRecord(CallSid)).toMatchObject({ status: 'caller_hung_up', step: 2 });
  });
});

describe('other callbots', () => {
  it('answers a line with no callbot with the default callbot, transferring to the default team (R9)', async () => {
    await api('PUT', '/api/teams/recepcao', {
      target: 'sip:recepcao@pbx.example.com',
      agentsAvailable: 3,
      isDefault: true,
    });
    const { twiml } = await call(FREE_LINE);
    expect(twiml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response>' +
        '<Say language="pt-BR">Olá! Vou transferir sua ligação para um atendente.</Say>' +
        '<Dial action="/voice/dial-result?step=1" method="POST" timeout="120"><Sip>sip:recepcao@pbx.example.com</Sip></Dial>' +
        '</Response>',
    );
    await api('PUT', '/api/teams/recepcao', {
      target: 'sip:recepcao@pbx.example.com',
      agentsAvailable: 0,
      isDefault: true,
    });
  });

  it("plays an AI agent's turns inside <Gather bargeIn> (R17), the drawn greeting before it", async () => {
    const { CallSid, twiml } = await call(AI_LINE);
    expect(twiml).toContain(
      '<Say language="pt-BR">Olá! Sou a assistente virtual da Loja Exemplo.</Say>' +
        '<Gather input="speech" action="/voice/gather?step=1" method="POST" timeout="5" language="pt-BR" speechTimeout="auto" bargeIn="true">' +
        '<Say language="pt-BR">Como posso ajudar?</Say></Gather>',
    );
    const reply = await hook('/voice/gather?step=1', { CallSid, SpeechResult: 'um pedido' });
    // The agent's text is escaped, never markup.
    expect(reply.body).toContain(
      '<Say language="pt-BR">Você disse: um pedido &lt;com &amp; sem &quot;aspas&quot;&gt;</Say></Gather>',
    );
    const bye = await hook('/voice/gather?step=2', { CallSid, SpeechResult: 'tchau' });
    expect(bye.body).toContain('<Say language="pt-BR">Até mais!</Say></Gather>');
    // Silence after the goodbye: it was said in full, so the agent's done port is taken.
    const end = await hook('/voice/gather?step=3', { CallSid });
    expect(end.body).toContain('Obrigado pela ligação. Até logo.</Say><Hangup/>');
    expect((await callRecord(CallSid)).status).toBe('hung_up');
  });
});

describe('webhook requests the server refuses', () => {
  it('refuses a wrong or missing signature with 403, and applies nothing', async () => {
    const params = { CallSid: 'CAforged', From: CALLER, To: RECEPTION_LINE };
    expect((await postWebhook(origin, '/voice/incoming', params)).status).toBe(403);
    const forged = await postWebhook(origin, '/voice/incoming', params, { authToken: 'not-it' });
    expect(forged.status).toBe(403);
    // Signed for another URL (the step is covered by the signature too).
    const elsewhere = await postWebhook(origin, '/voice/incoming', params, {
      authToken: AUTH_TOKEN,
      signedOrigin: 'https://other.example.com',
    });
    expect(elsewhere.status).toBe(403);
    expect((await api('GET', '/api/calls/CAforged')).status).toBe(404);
  });

  it('answers garbage, unknown calls and oversized bodies with a 4xx and a message', async () => {
    const garbage = await fetch(`${origin}/voice/gather`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'x' },
      body: Buffer.from([0xff, 0x00, 0x25, 0x80, 0x3d]),
    });
    expect(garbage.status).toBe(403);
    expect((await hook('/voice/gather', { '%%%': '\u0000' })).status).toBe(400);
    const noSid = await hook('/voice/incoming', { From: CALLER, To: RECEPTION_LINE });
    expect(noSid).toEqual({ status: 400, body: 'The request has no CallSid.' });
    expect((await hook('/voice/gather?step=1', { CallSid: 'CAnothing', Digits: '1' })).status).toBe(
      404,
    );
    expect((await hook('/voice/gather?step=x', { CallSid: 'CAnothing' })).status).toBe(400);
    const { CallSid } = await call(RECEPTION_LINE);
    expect((await hook('/voice/gather?step=1', { CallSid, Digits: 'abc' })).status).toBe(400);
    expect((await hook('/voice/dial-result?step=1', { CallSid, DialCallStatus: '?' })).status).toBe(
      400,
    );
    const huge = await hook('/voice/incoming', { CallSid, Padding: 'x'.repeat(70 * 1024) });
    expect(huge.status).toBe(413);
    const json = await fetch(`${origin}/voice/incoming`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(400);
    // The server still serves the call.
    expect((await hook('/voice/gather?step=1', { CallSid, Digits: '2' })).status).toBe(200);
  });
});

describe('several instances on one store', () => {
  it('serves alternate requests of one call from two servers', async () => {
    const other = createServer({
      store,
      accounts,
      token: TOKEN,
      authToken: AUTH_TOKEN,
      clock,
      agent,
      log: () => {},
    });
    const otherOrigin = await other.listen(0);
    try {
      const { CallSid } = await call(RECEPTION_LINE);
      const wrong = await hook('/voice/gather?step=1', { CallSid, Digits: '5' }, otherOrigin);
      expect(wrong.body).toContain('Opção inválida.');
      const transfer = await hook('/voice/gather?step=2', { CallSid, Digits: '1' });
      expect(transfer.body).toContain('<Enqueue action="/voice/dial-result?step=3"');
      const done = await hook(
        '/voice/dial-result?step=3',
        { CallSid, DialCallStatus: 'completed' },
        otherOrigin,
      );
      expect(done.body).toContain('<Hangup/>');
      const record = await callRecord(CallSid);
      expect(record).toMatchObject({ status: 'transferred', step: 4 });
      expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i));
    } finally {
      await other.close();
    }
  });

  it('applies each step once when two instances race on the same request', async () => {
    const other = createServer({
      store,
      accounts,
      token: TOKEN,
      authToken: AUTH_TOKEN,
      clock,
      agent,
      log: () => {},
    });
    const otherOrigin = await other.listen(0);
    try {
      const { CallSid } = await call(RECEPTION_LINE);
      const [a, b] = await Promise.all([
        hook('/voice/gather?step=1', { CallSid, Digits: '2' }),
        hook('/voice/gather?step=1', { CallSid, Digits: '2' }, otherOrigin),
      ]);
      expect(a).toEqual(b);
      const record = await callRecord(CallSid);
      expect(record.step).toBe(2);
      const inputs = record.events.filter((e) => e.line.kind === 'input');
      expect(inputs).toHaveLength(1);
    } finally {
      await other.close();
    }
  });
});
