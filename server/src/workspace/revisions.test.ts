import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  examplePriceTable,
  ifMatch,
  SESSION_COOKIE,
  type Role,
} from '@callbot/shared';
import { createAccountStore } from '../accounts.ts';
import { openPglite, type Database } from '../db.ts';
import { createServer, type CallbotServer } from '../server.ts';
import { createStore } from '../store.ts';
import { createHub, inProcessBus } from './events.ts';
import { createWorkspaceStore } from './store.ts';

const clock = Date.parse('2026-12-07T12:00:00Z');
let db: Database;
let server: CallbotServer;
let origin: string;
let ws = '';
/** Otto owns the workspace; Ana and Bruno edit it; Vera views it. */
const sessions = new Map<string, { secret: string; csrfToken: string }>();

beforeAll(async () => {
  db = await openPglite();
  const accounts = createAccountStore(db);
  server = createServer({
    store: await createStore(db),
    accounts,
    token: 'token',
    authToken: 'auth',
    clock: { now: () => clock },
    log: () => {},
    workspace: {
      store: createWorkspaceStore(db, () => clock),
      hub: createHub(inProcessBus(), () => clock),
    },
  });
  origin = await server.listen(0);
  const first = await accounts.setup({
    email: 'otto@example.com',
    name: 'Otto',
    passwordHash: 'unused',
    workspaceName: 'Loja',
    at: clock,
  });
  ws = first!.workspaceId;
  sessions.set('otto', await accounts.createSession(first!.userId, clock));
  const people: [string, string, Role][] = [
    ['ana', 'Ana', 'editor'],
    ['bruno', 'Bruno', 'editor'],
    ['vera', 'Vera', 'viewer'],
  ];
  for (const [key, name, role] of people) {
    const invitation = await accounts.createInvitation({
      workspaceId: ws,
      role,
      createdBy: first!.userId,
      at: clock,
    });
    const accepted = await accounts.acceptInvitation(invitation.token, clock, {
      email: `${key}@example.com`,
      name,
      passwordHash: 'unused',
    });
    if (!accepted.ok) throw new Error(`${key} could not join: ${accepted.error}`);
    sessions.set(key, await accounts.createSession(accepted.userId, clock));
  }
}, 60_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

/** A request as `user`, with `base` as its If-Match when given. */
async function call(
  user: string,
  method: string,
  path: string,
  { body, base, header }: { body?: unknown; base?: number; header?: string } = {},
) {
  const session = sessions.get(user)!;
  const response = await fetch(`${origin}/api/workspaces/${ws}${path}`, {
    method,
    headers: {
      cookie: `${SESSION_COOKIE}=${session.secret}`,
      ...(method !== 'GET' && { [CSRF_HEADER]: session.csrfToken }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...(base !== undefined && { 'if-match': ifMatch(base) }),
      ...(header !== undefined && { 'if-match': header }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
}

const team = (id: string, name: string) => ({ id, name, agents: 2, isDefault: true });

describe('a record written on a base revision', () => {
  it('is written on its revision, and refused naming who changed it and when on another', async () => {
    const created = await call('ana', 'PUT', '/teams/t1', { body: team('t1', 'Vendas'), base: 0 });
    expect(created).toMatchObject({ status: 200, body: { revision: 1 } });
    const renamed = await call('bruno', 'PUT', '/teams/t1', {
      body: team('t1', 'Ventas'),
      base: 1,
    });
    expect(renamed.body.revision).toBe(2);

    // Ana still saw revision 1: refused, nothing written.
    const stale = await call('ana', 'PUT', '/teams/t1', {
      body: team('t1', 'Atendimento'),
      base: 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toEqual({
      error: 'revision_conflict',
      message: 'Bruno changed the team (revision 2) since revision 1; nothing was written.',
      revision: 2,
      updatedBy: { name: 'Bruno' },
      updatedAt: '2026-12-07T12:00:00.000Z',
    });
    const read = await call('vera', 'GET', '/teams/t1');
    expect(read.body).toMatchObject({ record: { name: 'Ventas' }, revision: 2 });

    // Creating on base 0 what exists is refused too; a stale delete as well.
    const again = await call('ana', 'PUT', '/teams/t1', { body: team('t1', 'Outra'), base: 0 });
    expect(again.status).toBe(409);
    expect((await call('ana', 'DELETE', '/teams/t1', { base: 1 })).status).toBe(409);
    expect((await call('vera', 'GET', '/teams/t1')).status).toBe(200);
    expect((await call('ana', 'DELETE', '/teams/t1', { base: 2 })).status).toBe(204);
    // A write on a record deleted since: 404, not recreated.
    const gone = await call('bruno', 'PUT', '/teams/t1', { body: team('t1', 'Vendas'), base: 2 });
    expect(gone.status).toBe(404);
    expect((await call('vera', 'GET', '/teams/t1')).status).toBe(404);
  });

  it('lists each record’s revision with the records', async () => {
    await call('ana', 'PUT', '/teams/t2', { body: team('t2', 'Suporte') });
    await call('ana', 'PUT', '/teams/t2', { body: team('t2', 'Suporte 2') });
    const listed = await call('vera', 'GET', '/teams');
    expect(listed.body.revisions).toEqual([{ id: 't2', revision: 2 }]);
  });

  it('refuses an If-Match that names no revision', async () => {
    const bad = await call('ana', 'PUT', '/teams/t3', { body: team('t3', 'X'), header: 'abc' });
    expect(bad).toMatchObject({ status: 422, body: { error: 'invalid_request' } });
    expect(String(bad.body.message)).toContain('If-Match');
  });

  it('guards the settings the same way', async () => {
    const { body } = await call('vera', 'GET', '/settings');
    const base = body.revision as number;
    const settings = body.settings as Record<string, unknown>;
    const saved = await call('ana', 'PUT', '/settings', {
      body: { ...settings, timeZone: 'America/Manaus' },
      base,
    });
    expect(saved.status).toBe(200);
    const stale = await call('bruno', 'PUT', '/settings', {
      body: { ...settings, country: 'AR' },
      base,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.updatedBy).toEqual({ name: 'Ana' });
  });
});

describe('prices', () => {
  const mine = { ...examplePriceTable, label: 'Tabela da Loja', example: false };

  it('are read by viewers and replaced by editors, keeping the other settings', async () => {
    const before = await call('vera', 'GET', '/prices');
    expect(before).toMatchObject({ status: 200, body: { priceTable: null } });
    expect((await call('vera', 'PUT', '/prices', { body: { priceTable: mine } })).status).toBe(403);

    const timeZone = (
      (await call('vera', 'GET', '/settings')).body.settings as { timeZone: string }
    ).timeZone;
    const saved = await call('ana', 'PUT', '/prices', { body: { priceTable: mine } });
    expect(saved.status).toBe(200);
    expect(saved.body.priceTable).toMatchObject({ label: 'Tabela da Loja', example: false });
    const settings = (await call('vera', 'GET', '/settings')).body.settings as Record<
      string,
      unknown
    >;
    expect(settings).toMatchObject({ timeZone, priceTable: { label: 'Tabela da Loja' } });

    // Back to the example figures.
    const cleared = await call('ana', 'PUT', '/prices', {
      body: { priceTable: null },
      base: saved.body.revision as number,
    });
    expect(cleared.body.priceTable).toBeNull();
    expect((await call('vera', 'GET', '/settings')).body.settings).not.toHaveProperty('priceTable');
  });

  it('refuses a stale write and a bad table, naming the field', async () => {
    const { body } = await call('vera', 'GET', '/prices');
    const base = body.revision as number;
    await call('bruno', 'PUT', '/prices', { body: { priceTable: mine }, base });
    const stale = await call('ana', 'PUT', '/prices', { body: { priceTable: null }, base });
    expect(stale.status).toBe(409);
    expect(stale.body.updatedBy).toEqual({ name: 'Bruno' });

    const bad = await call('ana', 'PUT', '/prices', {
      body: { priceTable: { ...mine, defaultCountry: 'ZZ' } },
    });
    expect(bad.status).toBe(422);
    expect(String(bad.body.message)).toContain('priceTable.defaultCountry');
  });
});
