import { http, HttpResponse, type JsonBodyType } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { AccountApiError, createAccountClient } from './client.ts';
import {
  accountHandlers,
  createFakeAccounts,
  FAKE_ORIGIN,
  FAKE_SETUP_TOKEN,
  seedFakeAccounts,
} from './handlers.ts';
import { accountMessage } from './messages.ts';

let fake = createFakeAccounts();
const server = setupServer(...accountHandlers(fake));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers(...accountHandlers((fake = createFakeAccounts())));
  await i18n.changeLanguage('en');
});
afterAll(() => server.close());

const client = () => createAccountClient({ baseUrl: FAKE_ORIGIN });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof AccountApiError)) throw error;
      return error;
    },
  );

describe('probe', () => {
  it('finds a callbot server and its session', async () => {
    seedFakeAccounts(fake);
    const probe = await client().probe();
    expect(probe).toEqual({
      served: true,
      session: {
        user: { id: 'u-ana', email: 'ana@example.com', name: 'Ana Souza' },
        setupNeeded: false,
        csrfToken: 'csrf-1',
        workspaces: [{ id: 'ws-loja', name: 'Loja Exemplo', role: 'owner' }],
      },
    });
  });

  it('is browser-only when nothing answers, or a static host answers with its page', async () => {
    const down = createAccountClient({
      baseUrl: FAKE_ORIGIN,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(await down.probe()).toEqual({ served: false });
    // `vite preview` and static hosts answer every path with index.html.
    server.use(
      http.get(
        `${FAKE_ORIGIN}/api/session`,
        () => new HttpResponse('<!doctype html><div id="root"></div>', { status: 200 }),
      ),
    );
    expect(await client().probe()).toEqual({ served: false });
    server.use(
      http.get(`${FAKE_ORIGIN}/api/session`, () => new HttpResponse(null, { status: 404 })),
    );
    expect(await client().probe()).toEqual({ served: false });
  });

  it('says so when a callbot server answers with its own error, rather than going browser-only', async () => {
    server.use(
      http.get(`${FAKE_ORIGIN}/api/session`, () =>
        HttpResponse.json(
          { error: 'internal', message: 'The database is not open.' },
          { status: 503 },
        ),
      ),
    );
    const error = await failure(client().probe());
    expect(error.kind).toBe('server');
    expect(error.message).toBe('The database is not open.');
  });
});

describe('answers', () => {
  it('are parsed into fresh objects: unknown fields dropped, nothing inherited', async () => {
    seedFakeAccounts(fake);
    server.use(
      http.get(`${FAKE_ORIGIN}/api/workspaces/:ws/tokens`, () =>
        HttpResponse.json(
          JSON.parse(
            '{"tokens":[{"id":"t1","name":"CI","createdAt":"2026-12-07T12:00:00Z","lastUsedAt":null,"hash":"x","__proto__":{"admin":true}}],"extra":1}',
          ) as JsonBodyType,
        ),
      ),
    );
    const [token] = await client().tokens('ws-loja');
    expect(token).toEqual({
      id: 't1',
      name: 'CI',
      createdAt: '2026-12-07T12:00:00Z',
      lastUsedAt: null,
    });
    expect(Object.getPrototypeOf(token)).toBe(Object.prototype);
    expect((token as unknown as { admin?: unknown }).admin).toBeUndefined();
  });

  it('that do not fit the contract are refused, not half read', async () => {
    server.use(
      http.get(`${FAKE_ORIGIN}/api/session`, () =>
        HttpResponse.json({
          user: { id: 'u1', email: 'a@b.c', name: 'A' },
          setupNeeded: false,
          csrfToken: 'c',
          workspaces: [{ id: 'w', name: 'W', role: 'admin' }],
        }),
      ),
    );
    const error = await failure(client().session());
    expect(error.kind).toBe('server');
    expect(error.message).toBe('Unexpected answer to GET /api/session.');
  });
});

describe('requests', () => {
  it('send the cookie same-origin, and the session’s CSRF token on state changes only', async () => {
    seedFakeAccounts(fake, { signedIn: false });
    const sent: { method: string; url: string; csrf: string | null; credentials: string }[] = [];
    const spy = createAccountClient({
      baseUrl: FAKE_ORIGIN,
      fetch: (input, init) => {
        const request = new Request(input, init);
        sent.push({
          method: request.method,
          url: new URL(request.url).pathname,
          csrf: request.headers.get('x-csrf-token'),
          credentials: init?.credentials ?? '',
        });
        return globalThis.fetch(request);
      },
    });
    const session = await spy.login('ana@example.com', 'correct horse');
    await spy.members('ws-loja');
    await spy.createToken('ws-loja', 'CI');
    expect(session.csrfToken).toMatch(/^csrf-/);
    expect(sent).toEqual([
      { method: 'POST', url: '/api/login', csrf: null, credentials: 'same-origin' },
      {
        method: 'GET',
        url: '/api/workspaces/ws-loja/members',
        csrf: null,
        credentials: 'same-origin',
      },
      {
        method: 'POST',
        url: '/api/workspaces/ws-loja/tokens',
        csrf: session.csrfToken,
        credentials: 'same-origin',
      },
    ]);
  });

  it('without the session’s CSRF token are refused (a client that never read the session)', async () => {
    seedFakeAccounts(fake);
    const error = await failure(client().createToken('ws-loja', 'CI'));
    expect(error.kind).toBe('csrf');
    expect(fake.tokens.size).toBe(0);
    const fresh = client();
    await fresh.session();
    expect((await fresh.createToken('ws-loja', 'CI')).token).toMatch(/^cbt_secret_/);
    expect(fake.csrfSeen.at(-1)).toBe('csrf-1');
  });

  it('set up the server with the one-time token, once', async () => {
    const c = client();
    const body = {
      setupToken: FAKE_SETUP_TOKEN,
      email: 'Ana@Example.com',
      name: 'Ana',
      password: 'correct horse',
      workspaceName: 'Loja',
    };
    const session = await c.setup(body);
    expect(session.user?.email).toBe('ana@example.com');
    expect(session.workspaces.map(({ name, role }) => ({ name, role }))).toEqual([
      { name: 'Loja', role: 'owner' },
    ]);
    expect((await failure(c.setup(body))).kind).toBe('setupToken');
  });
});

describe('refusals', () => {
  it('have kinds, said in words in each language', async () => {
    seedFakeAccounts(fake, { signedIn: false });
    const c = client();
    const wrong = await failure(c.login('ana@example.com', 'nope'));
    expect(wrong.kind).toBe('unauthorized');
    expect(accountMessage(wrong, 'signIn')).toBe('Wrong email or password.');
    expect(accountMessage(wrong)).toBe('Your session has ended. Sign in again.');
    for (let i = 0; i < 4; i++) await failure(c.login('ana@example.com', 'nope'));
    const throttled = await failure(c.login('ana@example.com', 'correct horse'));
    expect(throttled.kind).toBe('throttled');
    expect(throttled.retryAfterSeconds).toBe(840);
    expect(accountMessage(throttled, 'signIn')).toBe('Too many attempts. Try again in 14 minutes.');
    await i18n.changeLanguage('pt-BR');
    expect(accountMessage(throttled, 'signIn')).toBe(
      'Tentativas demais. Tente de novo em 14 minutos.',
    );
    await i18n.changeLanguage('es');
    expect(accountMessage(new AccountApiError('throttled', '', 429, 30), 'signIn')).toBe(
      'Demasiados intentos. Inténtelo de nuevo en 1 minuto.',
    );
    const gone = await failure(c.invitation('no-such-token'));
    expect(gone.kind).toBe('notFound');
    expect(accountMessage(gone, 'invitation')).toBe(
      'Esta invitación es desconocida, ya se usó o venció. Pida un enlace nuevo a un propietario del espacio de trabajo.',
    );
  });

  it('keep the last owner, and name the refused field', async () => {
    seedFakeAccounts(fake);
    const c = client();
    await c.session();
    const last = await failure(c.changeRole('ws-loja', 'u-ana', 'editor'));
    expect(last.kind).toBe('lastOwner');
    expect(fake.workspaces.get('ws-loja')?.members.get('u-ana')).toBe('owner');
    const invalid = await failure(c.createToken('ws-loja', '   '));
    expect(invalid.kind).toBe('invalid');
    expect(accountMessage(invalid)).toBe('Not accepted: name: a token name cannot be empty.');
  });

  it('say “unreachable” when the server does not answer', async () => {
    const c = createAccountClient({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await failure(c.session());
    expect(error.kind).toBe('unreachable');
    expect(accountMessage(error)).toBe(
      'The server did not answer. Check the connection and try again.',
    );
  });
});
