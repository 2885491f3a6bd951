import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import { openPglite } from './db.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { createServer } from './server.ts';
import { createStore } from './store.ts';
import { createAccountStore } from './accounts.ts';
import { postWebhook } from './webhookClient.ts';

const dir = await mkdtemp(join(tmpdir(), 'callbot-store-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const LINE = '+551130000000';
const options = {
  token: 'token',
  authToken: 'auth',
  clock: { now: () => Date.parse('2026-11-24T10:00:00-03:00') },
  log: () => {},
};

/** A server on the PGlite folder; `stop` closes it and the database. */
async function start() {
  const db = await openPglite(dir);
  const store = await createStore(db);
  const server = createServer({ store, accounts: createAccountStore(db), ...options });
  const origin = await server.listen(0);
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(origin + path, {
      method,
      headers: { authorization: 'Bearer token', 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const hook = (path: string, params: Record<string, string>) =>
    postWebhook(origin, path, params, { authToken: 'auth' });
  const stop = async () => {
    await server.close();
    await store.close();
  };
  return { api, hook, stop };
}

it('keeps callbots, lines, teams and a call in progress across a restart', async () => {
  const first = await start();
  await first.api('POST', '/api/callbots/recepcao/versions', {
    flow: examples.reception,
    note: 'v1',
  });
  await first.api('PUT', `/api/lines/${LINE}`, { callbot: 'recepcao', version: 1 });
  await first.api('PUT', '/api/teams/vendas', { target: '+551140000001', agentsAvailable: 2 });
  await first.api('PUT', '/api/bots/bot-vendas', { target: 'https://bots.example.com/vendas' });
  const incoming = await first.hook('/voice/incoming', {
    CallSid: 'CA1',
    From: '+5511999990000',
    To: LINE,
  });
  expect(incoming.body).toContain('<Gather');
  await first.stop();

  const again = await start();
  try {
    expect(await again.api('GET', '/api/callbots')).toEqual({
      callbots: [expect.objectContaining({ id: 'recepcao', latestVersion: 1, versions: 1 })],
    });
    const version = await again.api('GET', '/api/callbots/recepcao/versions/1');
    expect(version).toMatchObject({ note: 'v1', flow: examples.reception });
    expect(await again.api('GET', `/api/lines/${LINE}`)).toMatchObject({ callbot: 'recepcao' });
    expect(await again.api('GET', '/api/bots')).toEqual({
      bots: [{ id: 'bot-vendas', target: 'https://bots.example.com/vendas' }],
    });
    // The call goes on where it was: the menu was listening, 1 is vendas.
    const transfer = await again.hook('/voice/gather?step=1', { CallSid: 'CA1', Digits: '1' });
    expect(transfer.body).toContain(
      '<Dial action="/voice/dial-result?step=2" method="POST" timeout="120"><Number>+551140000001</Number></Dial>',
    );
    const noAnswer = await again.hook('/voice/dial-result?step=2', {
      CallSid: 'CA1',
      DialCallStatus: 'busy',
    });
    expect(noAnswer.body).toContain(
      '<Redirect method="POST">https://bots.example.com/vendas</Redirect>',
    );
    expect(await again.api('GET', '/api/calls/CA1')).toMatchObject({
      status: 'handed_off',
      step: 3,
    });
  } finally {
    await again.stop();
  }
}, 60_000);

it('migrates a database once however often it starts, and keeps one default team', async () => {
  const db = await openPglite();
  try {
    await createStore(db);
    const store = await createStore(db);
    const { rows } = await db.query<{ version: number }>('SELECT version FROM schema_migrations');
    expect(rows.map((r) => r.version)).toEqual(
      Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1),
    );
    await store.putTeam({ id: 'a', target: 'a', agentsAvailable: 0, isDefault: true });
    await store.putTeam({ id: 'b', target: 'b', agentsAvailable: 0, isDefault: true });
    expect((await store.listTeams()).map((t) => [t.id, t.isDefault])).toEqual([
      ['a', false],
      ['b', true],
    ]);
  } finally {
    await db.close();
  }
}, 60_000);

it('reads what a webhook needs in one statement: the call, the line, the teams and the bots', async () => {
  const db = await openPglite();
  try {
    const store = await createStore(db);
    const flow = examples.reception;
    await store.publishVersion({
      callbot: 'r',
      name: 'R',
      flow,
      fingerprint: 'f',
      note: '',
      at: 0,
    });
    await store.assignLine(LINE, { callbot: 'r', version: 1 }, { replace: false, at: 0 });
    await store.putTeam({ id: 'vendas', target: 'vendas', agentsAvailable: 2, isDefault: false });
    await store.putBot({ id: 'bot-vendas', target: 'sip:bot@example.com' });
    const empty = await store.callContext('CA1', LINE);
    expect(empty).toEqual({
      call: null,
      line: await store.getLine(LINE),
      teams: await store.listTeams(),
      bots: await store.listBots(),
    });
    const update = {
      session: { transcript: [] } as never,
      listen: { modes: ['dtmf' as const] },
      status: 'in_progress',
      twiml: '<Response/>',
      moreTwiml: [],
      awaitingTransfer: false,
      pendingEnd: null,
      events: [],
    };
    const call = {
      sid: 'CA1',
      line: LINE,
      caller: '+5511999990000',
      direction: 'inbound' as const,
      channel: 'line' as const,
      flow: { callbot: 'r', version: 1 },
    };
    await store.createCall({ ...call, update, at: 1000 });
    const context = await store.callContext('CA1');
    expect(context.call).toEqual(await store.getCall('CA1'));
    expect(context.line).toBeNull();
  } finally {
    await db.close();
  }
}, 60_000);
