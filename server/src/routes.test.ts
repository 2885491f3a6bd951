/**
 * The accounts API over HTTP, on PGlite in memory with an injected clock:
 * the first account, sessions and their cookie, CSRF, roles, invitations,
 * API tokens, throttled logins, and the route × role matrix generated from
 * the route table, so that a route added to it is checked without a test of
 * its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CSRF_HEADER,
  roleAtLeast,
  roles,
  SESSION_COOKIE,
  type Role,
  type Session,
} from '@callbot/shared';
import { createAccountStore, INVITATION_TTL_MS, type AccountStore } from './accounts.ts';
import { openPglite, openPostgres, type Database } from './db.ts';
import { withoutSecrets, type AnyRoute } from './router.ts';
import { apiRoutes, LOGIN_THROTTLE } from './routes.ts';
import { createServer, type CallbotServer } from './server.ts';
import { callRoutes, type CallsService } from './calls/routes.ts';
import { createLiveCallsHub } from './calls/live.ts';
import { createCallsStore } from './calls/store.ts';
import { createStore, type Store } from './store.ts';
import { createHub, inProcessBus } from './workspace/events.ts';
import { workspaceRoutes } from './workspace/routes.ts';
import { publishRoutes } from './workspace/publishRoutes.ts';
import { createPublishStore, type PublishStore } from './workspace/publishStore.ts';
import { providerRoutes } from './provider/routes.ts';
import { manualScheduler } from './provider/sandbox.ts';
import { createProviderService, type ProviderService } from './provider/service.ts';
import { createWorkspaceStore, type WorkspaceStore } from './workspace/store.ts';

const SERVER_TOKEN = 'server-wide-publish-token';
const SETUP_TOKEN = 'the-one-time-setup-token';
const PASSWORD = 'correct horse battery';
/** A low scrypt cost: the tests sign in often; the hash's format and checks are the same. */
const scryptCost = { N: 1024, r: 8, p: 1 };

let now = Date.parse('2026-12-07T10:00:00Z');
const clock = { now: () => now };

let db: Database;
let store: Store;
let accounts: AccountStore;
let server: CallbotServer;
let origin: string;

interface Answer {
  status: number;
  body: Record<string, unknown> | null;
  cookies: string[];
}

/** A browser of one person: keeps the session cookie and the CSRF token. */
class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly at = () => origin) {}

  async call(
    method: string,
    path: string,
    body?: unknown,
    { csrf = true, bearer }: { csrf?: boolean; bearer?: string } = {},
  ): Promise<Answer> {
    const response = await fetch(this.at() + path, {
      method,
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: `${SESSION_COOKIE}=${this.cookie}` }),
        ...(csrf && this.csrf && { [CSRF_HEADER]: this.csrf }),
        ...(bearer && { authorization: `Bearer ${bearer}` }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const cookies = response.headers.getSetCookie();
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      // A stream of events (the workspace's changes) never ends: its opening is the answer.
      await response.body?.cancel();
      return { status: response.status, body: null, cookies };
    }
    for (const line of cookies) {
      const value = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line)?.[1];
      if (value !== undefined) this.cookie = value === '' ? null : value;
    }
    const text = await response.text();
    // A CSV export's answer is its file, not JSON.
    const json = !response.headers.get('content-type')?.startsWith('text/csv');
    const parsed = text && json ? (JSON.parse(text) as Record<string, unknown>) : null;
    if (parsed && typeof parsed.csrfToken === 'string') this.csrf = parsed.csrfToken;
    return { status: response.status, body: parsed, cookies };
  }

  async login(email: string, password = PASSWORD): Promise<Answer> {
    return this.call('POST', '/api/login', { email, password });
  }
}

const signedIn = async (email: string) => {
  const client = new Client();
  const answer = await client.login(email);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return client;
};

beforeAll(async () => {
  // CALLBOT_TEST_DATABASE_URL runs the same tests on a PostgreSQL server (an empty database).
  const url = process.env.CALLBOT_TEST_DATABASE_URL;
  db = url ? openPostgres(url) : await openPglite();
  store = await createStore(db);
  accounts = createAccountStore(db);
  const workspaceStore = createWorkspaceStore(db, clock.now);
  const hub = createHub(inProcessBus(), clock.now);
  server = createServer({
    store,
    accounts,
    token: SERVER_TOKEN,
    authToken: 'auth',
    setupToken: SETUP_TOKEN,
    scryptCost,
    clock,
    log: () => {},
    workspace: {
      store: workspaceStore,
      hub,
      published: createPublishStore(db, clock.now),
      calls: {
        store: createCallsStore(db),
        live: createLiveCallsHub(() => Promise.resolve([]), {
          now: clock.now,
          every: () => () => {},
        }),
      },
    },
    provider: createProviderService({
      db,
      workspaces: workspaceStore,
      hub,
      now: clock.now,
      secretKey: null,
      schedule: manualScheduler(),
    }),
  });
  origin = await server.listen(0);
}, 60_000);

afterAll(async () => {
  await server.close();
  await store.close();
});

/**
 * The owner's email: twelve setups race below with twelve emails, and which
 * one wins is the race's; every later test signs in as the winner.
 */
let ownerEmail = 'owner@acme.test';

const setupBody = (email: string) => ({
  setupToken: SETUP_TOKEN,
  email,
  name: 'Olivia Owner',
  password: PASSWORD,
  workspaceName: 'Acme',
});

describe('the first account', () => {
  it('is made once through the setup token, whatever the number of attempts at once', async () => {
    const anonymous = new Client();
    const before = await anonymous.call('GET', '/api/session');
    expect(before.body).toEqual({ user: null, setupNeeded: true, csrfToken: null, workspaces: [] });

    const wrong = await anonymous.call('POST', '/api/setup', {
      ...setupBody('owner@acme.test'),
      setupToken: 'guessed',
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body?.error).toBe('setup_token');

    const invalid = await anonymous.call('POST', '/api/setup', {
      ...setupBody('owner@acme.test'),
      password: 'short',
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body?.message).toMatch(/^password: /);

    // Twelve attempts at once, each with another email: exactly one owner.
    const clients = Array.from({ length: 12 }, () => new Client());
    const answers = await Promise.all(
      clients.map((c, i) =>
        c.call('POST', '/api/setup', setupBody(i === 0 ? 'owner@acme.test' : `o${i}@acme.test`)),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 403)).toHaveLength(11);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM users');
    expect(rows[0]!.n).toBe(1);
    const { rows: owners } = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM members WHERE role = 'owner'",
    );
    expect(owners[0]!.n).toBe(1);

    const winner = answers.find((a) => a.status === 201)!;
    const session = winner.body as unknown as Session;
    expect(session.setupNeeded).toBe(false);
    ownerEmail = session.user!.email;
    expect(session.workspaces.map((w) => [w.name, w.role])).toEqual([['Acme', 'owner']]);

    // The token is one-time: used, it no longer makes an account.
    const again = await anonymous.call('POST', '/api/setup', setupBody('late@acme.test'));
    expect(again.status).toBe(403);
    expect((await anonymous.call('GET', '/api/session')).body?.setupNeeded).toBe(false);
  });

  it('signs in with a session cookie that scripts cannot read nor other sites send', async () => {
    const client = new Client();
    const answer = await client.login(ownerEmail.toUpperCase());
    expect(answer.status).toBe(200);
    const line = answer.cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const flags = line.split(';').map((f) => f.trim().toLowerCase());
    expect(flags).toContain('httponly');
    expect(flags).toContain('samesite=lax');
    expect(flags).toContain('path=/');
    expect(flags).not.toContain('secure'); // plain http on loopback
    expect(flags.some((f) => /^max-age=\d+$/.test(f))).toBe(true);
    // The cookie carries a random 32-byte secret; the database keeps only its hash.
    expect(client.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows } = await db.query('SELECT 1 FROM sessions WHERE id_hash = $1', [client.cookie]);
    expect(rows).toHaveLength(0);

    const session = (await client.call('GET', '/api/session')).body as unknown as Session;
    expect(session.user?.email).toBe(ownerEmail);
    expect(session.csrfToken).toBe(client.csrf);

    const out = await client.call('POST', '/api/logout');
    expect(out.status).toBe(204);
    expect(out.cookies[0]).toMatch(/^callbot_session=;.*Max-Age=0/);
    expect((await client.call('GET', '/api/session')).body?.user).toBeNull();
  });

  it('marks the cookie Secure when the public URL is https', async () => {
    const behindTls = createServer({
      store,
      accounts,
      token: SERVER_TOKEN,
      authToken: 'auth',
      scryptCost,
      clock,
      baseUrl: 'https://bot.example.com',
      log: () => {},
    });
    const at = await behindTls.listen(0);
    try {
      const answer = await new Client(() => at).login(ownerEmail);
      expect(answer.cookies[0]).toMatch(/; Secure$/);
    } finally {
      await behindTls.close();
    }
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const client = new Client();
    const wrong = await client.login(ownerEmail, 'not the password');
    const unknown = await client.login('nobody@acme.test', 'not the password');
    expect(wrong).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect(unknown.body).toEqual(wrong.body);
    await db.query('DELETE FROM login_failures');
  });
});

/** The people of the matrix: one member per role in Acme, and an outsider in another workspace. */
const people = new Map<Role | 'outsider', Client>();
/** Their API tokens, in their workspace. */
const tokens = new Map<Role | 'outsider', string>();
let acme = '';
let other = '';

async function invite(owner: Client, ws: string, role: Role) {
  const made = await owner.call('POST', `/api/workspaces/${ws}/invitations`, { role });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return new URL(made.body!.link as string).searchParams.get('token')!;
}

async function join(token: string, email: string, name: string) {
  const client = new Client();
  const joined = await client.call('POST', `/api/invitations/${token}/accept`, {
    email,
    name,
    password: PASSWORD,
  });
  expect(joined.status, JSON.stringify(joined.body)).toBe(200);
  return client;
}

describe('workspaces, members and invitations', () => {
  beforeAll(async () => {
    const owner = await signedIn(ownerEmail);
    const session = (await owner.call('GET', '/api/session')).body as unknown as Session;
    acme = session.workspaces[0]!.id;
    people.set('owner', owner);
    for (const role of ['editor', 'trainer', 'viewer'] as const) {
      people.set(role, await join(await invite(owner, acme, role), `${role}@acme.test`, role));
    }
    // The outsider joined Acme, made a workspace of their own, and left Acme.
    const outsider = await join(await invite(owner, acme, 'viewer'), 'out@else.test', 'Out');
    const made = await outsider.call('POST', '/api/workspaces', { name: 'Elsewhere' });
    expect(made.status).toBe(201);
    other = made.body!.id as string;
    const me = ((await outsider.call('GET', '/api/session')).body as unknown as Session).user!;
    expect((await outsider.call('DELETE', `/api/workspaces/${acme}/members/${me.id}`)).status).toBe(
      204,
    );
    people.set('outsider', outsider);
    for (const [who, client] of people) {
      const ws = who === 'outsider' ? other : acme;
      const token = await client.call('POST', `/api/workspaces/${ws}/tokens`, { name: 'CI' });
      expect(token.status).toBe(201);
      tokens.set(who, token.body!.token as string);
    }
  }, 60_000);

  it('lists each member with their role; invitations only to owners', async () => {
    const owner = people.get('owner')!;
    const pending = await invite(owner, acme, 'editor');
    const list = (await owner.call('GET', `/api/workspaces/${acme}/members`)).body!;
    expect((list.members as { email: string; role: Role }[]).map((m) => [m.email, m.role])).toEqual(
      [
        ['editor@acme.test', 'editor'],
        [ownerEmail, 'owner'],
        ['trainer@acme.test', 'trainer'],
        ['viewer@acme.test', 'viewer'],
      ],
    );
    expect(list.invitations).toEqual([
      expect.objectContaining({ role: 'editor', createdBy: 'Olivia Owner' }),
    ]);
    const asViewer = (await people.get('viewer')!.call('GET', `/api/workspaces/${acme}/members`))
      .body!;
    expect(asViewer.invitations).toEqual([]);
    expect(asViewer.members).toHaveLength(4);
    const id = (list.invitations as { id: string }[])[0]!.id;
    expect((await owner.call('DELETE', `/api/workspaces/${acme}/invitations/${id}`)).status).toBe(
      204,
    );
    expect((await new Client().call('GET', `/api/invitations/${pending}`)).status).toBe(404);
  });

  it('uses an invitation once, and not after it expires', async () => {
    const owner = people.get('owner')!;
    const token = await invite(owner, acme, 'trainer');
    const anonymous = new Client();
    expect((await anonymous.call('GET', `/api/invitations/${token}`)).body).toEqual({
      workspaceName: 'Acme',
      role: 'trainer',
      expiresAt: new Date(now + INVITATION_TTL_MS).toISOString(),
    });
    // Without an account, the body must make one; the field missing is named.
    const missing = await anonymous.call('POST', `/api/invitations/${token}/accept`, {
      email: 'tia@acme.test',
      name: 'Tia',
    });
    expect(missing.status).toBe(422);
    expect(missing.body?.message).toMatch(/^password: /);
    // Two accepts at once: one joins.
    const [a, b] = await Promise.all(
      ['tia@acme.test', 'teo@acme.test'].map((email) =>
        new Client().call('POST', `/api/invitations/${token}/accept`, {
          email,
          name: 'T',
          password: PASSWORD,
        }),
      ),
    );
    expect([a!.status, b!.status].sort()).toEqual([200, 404]);
    expect((await anonymous.call('GET', `/api/invitations/${token}`)).status).toBe(404);

    const late = await invite(owner, acme, 'viewer');
    now += INVITATION_TTL_MS;
    expect((await anonymous.call('GET', `/api/invitations/${late}`)).status).toBe(404);
    const expired = await anonymous.call('POST', `/api/invitations/${late}/accept`, {
      email: 'late@acme.test',
      name: 'Late',
      password: PASSWORD,
    });
    expect(expired.status).toBe(404);
  });

  it('lets a signed-in user join with a link; a second workspace lists both', async () => {
    const owner = people.get('owner')!;
    const outsider = people.get('outsider')!;
    const token = await invite(owner, acme, 'viewer');
    const joined = await outsider.call('POST', `/api/invitations/${token}/accept`);
    expect(joined.status).toBe(200);
    expect((joined.body as unknown as Session).workspaces.map((w) => [w.name, w.role])).toEqual([
      ['Acme', 'viewer'],
      ['Elsewhere', 'owner'],
    ]);
    const again = await outsider.call(
      'POST',
      `/api/invitations/${await invite(owner, acme, 'editor')}/accept`,
    );
    expect(again).toMatchObject({ status: 409, body: { error: 'already_member' } });
    const taken = await new Client().call(
      'POST',
      `/api/invitations/${await invite(owner, acme, 'editor')}/accept`,
      {
        email: 'viewer@acme.test',
        name: 'Copy',
        password: PASSWORD,
      },
    );
    expect(taken).toMatchObject({ status: 409, body: { error: 'email_taken' } });
    // Back out, for the matrix: the outsider is a member of Elsewhere only.
    const me = ((await outsider.call('GET', '/api/session')).body as unknown as Session).user!;
    expect((await outsider.call('DELETE', `/api/workspaces/${acme}/members/${me.id}`)).status).toBe(
      204,
    );
  });

  it('keeps the last owner, and lets only owners remove others', async () => {
    const owner = people.get('owner')!;
    const me = ((await owner.call('GET', '/api/session')).body as unknown as Session).user!;
    const demote = await owner.call('PATCH', `/api/workspaces/${acme}/members/${me.id}`, {
      role: 'editor',
    });
    expect(demote).toMatchObject({ status: 409, body: { error: 'last_owner' } });
    const leave = await owner.call('DELETE', `/api/workspaces/${acme}/members/${me.id}`);
    expect(leave.status).toBe(409);
    const byEditor = await people
      .get('editor')!
      .call('DELETE', `/api/workspaces/${acme}/members/${me.id}`);
    expect(byEditor).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  });

  it('stops a removed member at once: their session and their tokens', async () => {
    const owner = people.get('owner')!;
    const gone = await join(await invite(owner, acme, 'editor'), 'gone@acme.test', 'Gone');
    const token = (await gone.call('POST', `/api/workspaces/${acme}/tokens`, { name: 'x' })).body!
      .token as string;
    const bearer = new Client();
    expect(
      (await bearer.call('GET', `/api/workspaces/${acme}`, undefined, { bearer: token })).status,
    ).toBe(200);
    expect((await gone.call('GET', `/api/workspaces/${acme}`)).status).toBe(200);
    const id = ((await gone.call('GET', '/api/session')).body as unknown as Session).user!.id;
    expect((await owner.call('DELETE', `/api/workspaces/${acme}/members/${id}`)).status).toBe(204);
    expect((await gone.call('GET', `/api/workspaces/${acme}`)).status).toBe(404);
    expect((await gone.call('GET', '/api/session')).body?.workspaces).toEqual([]);
    expect(
      (await bearer.call('GET', `/api/workspaces/${acme}`, undefined, { bearer: token })).status,
    ).toBe(401);
  });

  it("makes API tokens shown once, kept hashed, the caller's own, and revocable", async () => {
    const editor = people.get('editor')!;
    const made = await editor.call('POST', `/api/workspaces/${acme}/tokens`, { name: 'deploy' });
    expect(made.status).toBe(201);
    const secret = made.body!.token as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { rows } = await db.query('SELECT token_hash FROM api_tokens WHERE id = $1', [
      made.body!.id,
    ]);
    expect(rows[0]!.token_hash).not.toBe(secret);
    const bearer = new Client();
    // A bearer request needs no CSRF header, and its use is noted.
    expect(
      (await bearer.call('PATCH', `/api/workspaces/${acme}`, { name: 'X' }, { bearer: secret }))
        .status,
    ).toBe(403);
    const list = (await editor.call('GET', `/api/workspaces/${acme}/tokens`)).body!.tokens as {
      id: string;
      name: string;
      lastUsedAt: string | null;
    }[];
    expect(list.map((t) => t.name)).toEqual(['CI', 'deploy']);
    expect(list[1]!.lastUsedAt).toBe(new Date(now).toISOString());
    expect(JSON.stringify(list)).not.toContain(secret);
    // Another member cannot revoke it; the owner can.
    const byViewer = await people
      .get('viewer')!
      .call('DELETE', `/api/workspaces/${acme}/tokens/${made.body!.id as string}`);
    expect(byViewer.status).toBe(404);
    const byOwner = await people
      .get('owner')!
      .call('DELETE', `/api/workspaces/${acme}/tokens/${made.body!.id as string}`);
    expect(byOwner.status).toBe(204);
    expect(
      (await bearer.call('GET', `/api/workspaces/${acme}`, undefined, { bearer: secret })).status,
    ).toBe(401);
    // A token cannot make tokens.
    const minted = await bearer.call(
      'POST',
      `/api/workspaces/${acme}/tokens`,
      { name: 'more' },
      { bearer: tokens.get('owner')! },
    );
    expect(minted).toMatchObject({ status: 403, body: { error: 'forbidden' } });
  });

  it("refuses a token named as another of the caller's tokens there, once under concurrent creates", async () => {
    const viewer = people.get('viewer')!;
    const names = ['CI publish', 'ci publish', ' CI  Publish', 'CI PUBLISH', 'Ci publish'];
    const answers = await Promise.all(
      names.map((name) => viewer.call('POST', `/api/workspaces/${acme}/tokens`, { name })),
    );
    const made = answers.filter((a) => a.status === 201);
    expect(made).toHaveLength(1);
    const winner = { id: made[0]!.body!.id as string, name: made[0]!.body!.name as string };
    for (const answer of answers.filter((a) => a.status !== 201)) {
      expect(answer).toMatchObject({
        status: 409,
        body: { error: 'token_name_taken', existing: winner },
      });
      expect(answer.body!.message).toContain(`"${winner.name}"`);
    }
    const list = (await viewer.call('GET', `/api/workspaces/${acme}/tokens`)).body!.tokens as {
      name: string;
    }[];
    expect(list.filter((t) => t.name.toLowerCase().includes('publish'))).toHaveLength(1);
    // Another person may use the name; once revoked, the name is free again.
    const editor = people.get('editor')!;
    expect(
      (await editor.call('POST', `/api/workspaces/${acme}/tokens`, { name: 'CI publish' })).status,
    ).toBe(201);
    expect(
      (await viewer.call('DELETE', `/api/workspaces/${acme}/tokens/${winner.id}`)).status,
    ).toBe(204);
    expect(
      (await viewer.call('POST', `/api/workspaces/${acme}/tokens`, { name: 'ci publish' })).status,
    ).toBe(201);
  });
});

describe('the route × role matrix, from the route table', () => {
  const table: AnyRoute[] = [
    ...apiRoutes({
      // Only the declarations are read here; the server built its own table the same way.
      accounts: {} as AccountStore,
      api: () => Promise.resolve({ status: 200, body: null }),
      setupToken: '',
      secureCookies: false,
    }),
    // The workspace's data (its store and hub are not used by the declarations either).
    ...workspaceRoutes({} as WorkspaceStore, createHub(inProcessBus(), clock.now)),
    // Publishing under the workspace, and the teams' routing.
    ...publishRoutes({
      published: {} as PublishStore,
      store: {} as WorkspaceStore,
      hub: createHub(inProcessBus(), clock.now),
    }),
    ...providerRoutes({} as ProviderService),
    ...callRoutes({} as CallsService),
  ];
  const isChange = (method: string) => method !== 'GET';
  /** The path with the workspace filled in and any other parameter a placeholder. */
  const pathOf = (route: AnyRoute, ws: string) =>
    route.path.replace(/:(\w+)/g, (_, name: string) => (name === 'ws' ? ws : 'no-such-record'));
  /** A body no handler accepts: the check passes, then the handler refuses it (422/400). */
  const body = (route: AnyRoute) => (isChange(route.method) ? {} : undefined);
  const passed = (a: Answer) =>
    a.status !== 401 &&
    !(a.status === 403 && ['forbidden', 'csrf'].includes(a.body?.error as string)) &&
    !(a.status === 404 && String(a.body?.message).includes('not a member'));

  it('covers every route of the server', async () => {
    expect(table.length).toBeGreaterThan(30);
    for (const route of table) {
      const answer = await new Client().call(route.method, pathOf(route, acme), body(route), {
        bearer: SERVER_TOKEN,
      });
      expect(answer.body?.message ?? '', `${route.method} ${route.path}`).not.toMatch(
        /No such API route/,
      );
    }
  });

  it.each(table.map((r) => [`${r.method} ${r.path} (${r.access})`, r] as const))(
    '%s',
    async (_, route) => {
      const path = pathOf(route, acme);
      const anonymous = await new Client().call(route.method, path, body(route));
      if (route.access === 'public') {
        expect(anonymous.status).not.toBe(401);
        if (route.readsSession && isChange(route.method)) {
          // Signed in, the session is used: a change needs the CSRF header.
          const noCsrf = await people.get('viewer')!.call(route.method, path, body(route), {
            csrf: false,
          });
          expect(noCsrf).toMatchObject({ status: 403, body: { error: 'csrf' } });
        }
        return;
      }
      expect(anonymous.status).toBe(401);

      if (route.access === 'server-token') {
        const owner = people.get('owner')!;
        expect((await owner.call(route.method, path, body(route))).status).toBe(401);
        const withToken = await new Client().call(route.method, path, body(route), {
          bearer: tokens.get('owner')!,
        });
        expect(withToken.status).toBe(401);
        const right = await new Client().call(route.method, path, body(route), {
          bearer: SERVER_TOKEN,
        });
        expect(passed(right)).toBe(true);
        return;
      }

      // A fresh session of the owner for the passing calls (one of them logs out).
      const fresh = await signedIn(ownerEmail);
      if (isChange(route.method)) {
        const noCsrf = await fresh.call(route.method, path, body(route), { csrf: false });
        expect(noCsrf).toMatchObject({ status: 403, body: { error: 'csrf' } });
        fresh.csrf = 'wrong';
        const wrongCsrf = await fresh.call(route.method, path, body(route));
        expect(wrongCsrf).toMatchObject({ status: 403, body: { error: 'csrf' } });
        fresh.csrf = (
          (await fresh.call('GET', '/api/session')).body as unknown as Session
        ).csrfToken;
      }
      if (route.access === 'signed-in') {
        expect(passed(await fresh.call(route.method, path, body(route)))).toBe(true);
        return;
      }

      const min: Role = route.access;
      // Another workspace's member, by session and by token: as if the workspace did not exist.
      const outsider = await people.get('outsider')!.call(route.method, path, body(route));
      expect(outsider).toMatchObject({ status: 404, body: { error: 'not_found' } });
      const outsiderToken = await new Client().call(route.method, path, body(route), {
        bearer: tokens.get('outsider')!,
      });
      expect(outsiderToken.status).toBe(404);
      for (const role of roles) {
        const client = people.get(role)!;
        const answer = await client.call(route.method, path, body(route));
        if (roleAtLeast(role, min)) {
          expect(passed(answer), `${role}: ${JSON.stringify(answer.body)}`).toBe(true);
        } else {
          expect(answer, role).toMatchObject({ status: 403, body: { error: 'forbidden' } });
          if (!route.sessionOnly) {
            const byToken = await new Client().call(route.method, path, body(route), {
              bearer: tokens.get(role)!,
            });
            expect(byToken, `${role} token`).toMatchObject({ status: 403 });
          }
        }
      }
      expect(passed(await fresh.call(route.method, path, body(route)))).toBe(true);
    },
  );
});

describe('throttled sign-in', () => {
  it('refuses an email after 5 failures for 15 minutes, even with the right password', async () => {
    const client = new Client();
    for (let i = 0; i < LOGIN_THROTTLE.perEmail; i++) {
      expect((await client.login('viewer@acme.test', 'wrong password')).status).toBe(401);
      now += 1000;
    }
    const throttled = await client.login('viewer@acme.test');
    expect(throttled).toMatchObject({
      status: 429,
      body: { error: 'throttled', retryAfterSeconds: 15 * 60 - 5 },
    });
    // Another account from the same address is not held by this email's failures.
    expect((await new Client().login('trainer@acme.test')).status).toBe(200);
    now += 15 * 60_000;
    expect((await client.login('viewer@acme.test')).status).toBe(200);
  });

  it('refuses an address after 20 failures, shared by every instance on the database', async () => {
    const second = createServer({
      store,
      accounts,
      token: SERVER_TOKEN,
      authToken: 'auth',
      scryptCost,
      clock,
      log: () => {},
    });
    const at = await second.listen(0);
    try {
      for (let i = 0; i < LOGIN_THROTTLE.perIp; i++) {
        const client = i % 2 === 0 ? new Client() : new Client(() => at);
        expect((await client.login(`nobody${i}@acme.test`, 'wrong password')).status).toBe(401);
      }
      const answer = await new Client(() => at).login(ownerEmail);
      expect(answer.status).toBe(429);
      expect((await new Client().login(ownerEmail)).status).toBe(429);
      now += LOGIN_THROTTLE.windowMs;
      expect((await new Client().login(ownerEmail)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('throttled sign-in behind a proxy', () => {
  it('counts each client by the address the trusted proxy appended', async () => {
    now += LOGIN_THROTTLE.windowMs;
    const behindProxy = createServer({
      store,
      accounts,
      token: SERVER_TOKEN,
      authToken: 'auth',
      scryptCost,
      clock,
      trustProxy: true,
      log: () => {},
    });
    const at = await behindProxy.listen(0);
    const login = (client: string, email: string, password = PASSWORD) =>
      fetch(`${at}/api/login`, {
        method: 'POST',
        // What the client sent first (a forged address), then what the proxy appended.
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `1.1.1.1, ${client}` },
        body: JSON.stringify({ email, password }),
      });
    try {
      for (let i = 0; i < LOGIN_THROTTLE.perIp; i++) {
        expect((await login('203.0.113.7', `nobody${i}@acme.test`, 'wrong password')).status).toBe(
          401,
        );
      }
      expect((await login('203.0.113.7', ownerEmail)).status).toBe(429);
      expect((await login('198.51.100.2', ownerEmail)).status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('the log', () => {
  it('never gets an invitation or setup token from a URL', () => {
    expect(withoutSecrets('/api/invitations/s3cret/accept')).toBe('/api/invitations/…/accept');
    expect(withoutSecrets('/setup?token=s3cret&x=1')).toBe('/setup?token=…&x=1');
    expect(withoutSecrets('/voice/gather?step=2')).toBe('/voice/gather?step=2');
  });
});
