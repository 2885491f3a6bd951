/**
 * MSW handlers that stand in for the server's accounts API in unit tests and
 * stories, after the contract (`@callbot/shared`'s `api/accounts.ts`): one
 * browser's session (signed in or not), its CSRF token checked on every state
 * change, roles checked per route, single-use invitations, API tokens shown
 * once, the last owner kept, and sign-in throttled after 5 failures.
 */
import {
  ACCOUNT_ERRORS,
  apiTokenCreateSchema,
  CSRF_HEADER,
  invitationAcceptSchema,
  invitationCreateSchema,
  loginRequestSchema,
  memberUpdateSchema,
  roleAtLeast,
  sameName,
  setupRequestSchema,
  workspaceCreateSchema,
  type ApiTokenSummary,
  type Role,
  type Session,
} from '@callbot/shared';
import { getResponse, http, HttpResponse } from 'msw';
import type { z } from 'zod';

/** The origin the fake answers on: the page's own, as the real server is. */
export const FAKE_ORIGIN = 'http://designer.example.test';
export const FAKE_SETUP_TOKEN = 'setup-token-1';
const AT = '2026-12-07T12:00:00.000Z';
const WEEK_LATER = '2026-12-14T12:00:00.000Z';

interface FakeUser {
  id: string;
  email: string;
  name: string;
  password: string;
}
interface FakeWorkspace {
  id: string;
  name: string;
  /** userId → role. */
  members: Map<string, Role>;
}
interface FakeInvitation {
  id: string;
  workspaceId: string;
  role: Role;
  createdBy: string;
  expiresAt: string;
}

/** The fake server's state, to arrange and inspect in tests. */
export interface FakeAccounts {
  users: Map<string, FakeUser>;
  workspaces: Map<string, FakeWorkspace>;
  /** By the link's token. */
  invitations: Map<string, FakeInvitation>;
  tokens: Map<string, ApiTokenSummary & { userId: string; workspaceId: string }>;
  /** The signed-in user of the one browser, or null. */
  signedIn: string | null;
  csrfToken: string;
  failedLogins: number;
  /** Every state change's CSRF header, to check the client sends it. */
  csrfSeen: (string | null)[];
  nextId: number;
}

export function createFakeAccounts(): FakeAccounts {
  return {
    users: new Map(),
    workspaces: new Map(),
    invitations: new Map(),
    tokens: new Map(),
    signedIn: null,
    csrfToken: 'csrf-0',
    failedLogins: 0,
    csrfSeen: [],
    nextId: 1,
  };
}

/** A server set up with an owner (Ana, signed in) of "Loja Exemplo" and, if asked, more members. */
export function seedFakeAccounts(
  fake: FakeAccounts,
  {
    signedIn = true,
    role = 'owner',
    others = [],
  }: {
    signedIn?: boolean;
    /** Ana's role (an owner Olga is added when Ana is no owner). */
    role?: Role;
    others?: { name: string; email: string; role: Role }[];
  } = {},
) {
  const ws: FakeWorkspace = { id: 'ws-loja', name: 'Loja Exemplo', members: new Map() };
  fake.workspaces.set(ws.id, ws);
  const add = (id: string, name: string, email: string, memberRole: Role) => {
    fake.users.set(id, { id, email, name, password: 'correct horse' });
    ws.members.set(id, memberRole);
  };
  add('u-ana', 'Ana Souza', 'ana@example.com', role);
  if (role !== 'owner') add('u-olga', 'Olga Dono', 'olga@example.com', 'owner');
  others.forEach((o, i) => add(`u-${i + 2}`, o.name, o.email, o.role));
  fake.signedIn = signedIn ? 'u-ana' : null;
  fake.csrfToken = 'csrf-1';
}

const refuse = (status: number, error: string, message: string, extra: object = {}) =>
  HttpResponse.json({ error, message, ...extra }, { status });

async function bodyOf<T>(request: Request, schema: z.ZodType<T>) {
  const parsed = schema.safeParse(await request.json().catch(() => ({})));
  if (parsed.success) return { ok: true as const, body: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return {
    ok: false as const,
    response: refuse(422, 'invalid_request', `${where}: ${issue?.message ?? 'invalid'}.`),
  };
}

export function accountHandlers(fake: FakeAccounts, origin = FAKE_ORIGIN) {
  const api = (path: string) => `${origin}/api${path}`;
  const newId = (prefix: string) => `${prefix}-${fake.nextId++}`;

  const session = (): Session => {
    const user = fake.signedIn === null ? null : (fake.users.get(fake.signedIn) ?? null);
    return {
      user: user && { id: user.id, email: user.email, name: user.name },
      setupNeeded: fake.users.size === 0,
      csrfToken: user ? fake.csrfToken : null,
      workspaces: user
        ? [...fake.workspaces.values()]
            .filter((w) => w.members.has(user.id))
            .map((w) => ({ id: w.id, name: w.name, role: w.members.get(user.id)! }))
        : [],
    };
  };
  const signIn = (userId: string) => {
    fake.signedIn = userId;
    fake.csrfToken = `csrf-${fake.nextId++}`;
  };

  /** The caller and their role in the workspace, or the refusal: 401, 403 csrf, 404, 403 role. */
  const caller = (request: Request, workspaceId: string | null, min: Role | null) => {
    if (fake.signedIn === null) {
      return { refusal: refuse(401, 'unauthorized', 'Sign in first.') };
    }
    if (request.method !== 'GET') {
      const csrf = request.headers.get(CSRF_HEADER);
      fake.csrfSeen.push(csrf);
      if (csrf !== fake.csrfToken) {
        return { refusal: refuse(403, 'csrf', 'The CSRF token is missing or wrong.') };
      }
    }
    const userId = fake.signedIn;
    if (workspaceId === null) return { userId };
    const workspace = fake.workspaces.get(workspaceId);
    const role = workspace?.members.get(userId);
    if (!workspace || !role) {
      return { refusal: refuse(404, 'not_found', 'There is no such workspace.') };
    }
    if (min && !roleAtLeast(role, min)) {
      return { refusal: refuse(403, 'forbidden', `This needs the role ${min}.`) };
    }
    return { userId, workspace, role };
  };

  const owners = (w: FakeWorkspace) => [...w.members.values()].filter((r) => r === 'owner').length;

  return [
    http.get(api('/session'), () => HttpResponse.json(session())),

    http.post(api('/setup'), async ({ request }) => {
      const parsed = await bodyOf(request, setupRequestSchema);
      if (!parsed.ok) return parsed.response;
      const { body } = parsed;
      if (fake.users.size > 0 || body.setupToken !== FAKE_SETUP_TOKEN) {
        return refuse(403, 'setup_token', 'The setup token is wrong or was used.');
      }
      const id = newId('u');
      fake.users.set(id, { id, email: body.email, name: body.name, password: body.password });
      const ws = newId('ws');
      fake.workspaces.set(ws, {
        id: ws,
        name: body.workspaceName,
        members: new Map([[id, 'owner']]),
      });
      signIn(id);
      return HttpResponse.json(session(), { status: 201 });
    }),

    http.post(api('/login'), async ({ request }) => {
      const parsed = await bodyOf(request, loginRequestSchema);
      if (!parsed.ok) return parsed.response;
      if (fake.failedLogins >= 5) {
        return refuse(429, 'throttled', 'Too many failed sign-ins.', { retryAfterSeconds: 840 });
      }
      const user = [...fake.users.values()].find((u) => u.email === parsed.body.email);
      if (!user || user.password !== parsed.body.password) {
        fake.failedLogins += 1;
        return refuse(401, 'unauthorized', 'Wrong email or password.');
      }
      signIn(user.id);
      return HttpResponse.json(session());
    }),

    http.post(api('/logout'), ({ request }) => {
      const who = caller(request, null, null);
      if (who.refusal) return who.refusal;
      fake.signedIn = null;
      return new HttpResponse(null, { status: 204 });
    }),

    http.post(api('/workspaces'), async ({ request }) => {
      const who = caller(request, null, null);
      if (who.refusal) return who.refusal;
      const parsed = await bodyOf(request, workspaceCreateSchema);
      if (!parsed.ok) return parsed.response;
      const id = newId('ws');
      fake.workspaces.set(id, {
        id,
        name: parsed.body.name,
        members: new Map([[who.userId, 'owner']]),
      });
      return HttpResponse.json({ id, name: parsed.body.name, role: 'owner' }, { status: 201 });
    }),

    http.get<{ ws: string }>(api('/workspaces/:ws/members'), ({ request, params }) => {
      const who = caller(request, params.ws, 'viewer');
      if (who.refusal) return who.refusal;
      const members = [...who.workspace!.members].map(([userId, role]) => {
        const user = fake.users.get(userId)!;
        return { userId, email: user.email, name: user.name, role };
      });
      const invitations =
        who.role === 'owner'
          ? [...fake.invitations.values()]
              .filter((i) => i.workspaceId === params.ws)
              .map(({ id, role, createdBy, expiresAt }) => ({
                id,
                role,
                createdBy,
                expiresAt,
                createdAt: AT,
              }))
          : [];
      return HttpResponse.json({ members, invitations });
    }),

    http.patch<{ ws: string; userId: string }>(
      api('/workspaces/:ws/members/:userId'),
      async ({ request, params }) => {
        const who = caller(request, params.ws, 'owner');
        if (who.refusal) return who.refusal;
        const parsed = await bodyOf(request, memberUpdateSchema);
        if (!parsed.ok) return parsed.response;
        const members = who.workspace!.members;
        const role = members.get(params.userId);
        if (!role) return refuse(404, 'not_found', 'There is no such member.');
        if (role === 'owner' && parsed.body.role !== 'owner' && owners(who.workspace!) === 1) {
          return refuse(409, 'last_owner', 'The last owner cannot be demoted.');
        }
        members.set(params.userId, parsed.body.role);
        const user = fake.users.get(params.userId)!;
        return HttpResponse.json({
          userId: user.id,
          email: user.email,
          name: user.name,
          role: parsed.body.role,
        });
      },
    ),

    http.delete<{ ws: string; userId: string }>(
      api('/workspaces/:ws/members/:userId'),
      ({ request, params }) => {
        const self = fake.signedIn === params.userId;
        const who = caller(request, params.ws, self ? 'viewer' : 'owner');
        if (who.refusal) return who.refusal;
        const members = who.workspace!.members;
        const role = members.get(params.userId);
        if (!role) return refuse(404, 'not_found', 'There is no such member.');
        if (role === 'owner' && owners(who.workspace!) === 1) {
          return refuse(409, 'last_owner', 'The last owner cannot be removed.');
        }
        members.delete(params.userId);
        return new HttpResponse(null, { status: 204 });
      },
    ),

    http.post<{ ws: string }>(api('/workspaces/:ws/invitations'), async ({ request, params }) => {
      const who = caller(request, params.ws, 'owner');
      if (who.refusal) return who.refusal;
      const parsed = await bodyOf(request, invitationCreateSchema);
      if (!parsed.ok) return parsed.response;
      const id = newId('inv');
      const token = `invite-${id}`;
      fake.invitations.set(token, {
        id,
        workspaceId: params.ws,
        role: parsed.body.role,
        createdBy: fake.users.get(who.userId)!.name,
        expiresAt: WEEK_LATER,
      });
      return HttpResponse.json(
        {
          id,
          role: parsed.body.role,
          link: `${origin}/invite?token=${token}`,
          expiresAt: WEEK_LATER,
        },
        { status: 201 },
      );
    }),

    http.delete<{ ws: string; id: string }>(
      api('/workspaces/:ws/invitations/:id'),
      ({ request, params }) => {
        const who = caller(request, params.ws, 'owner');
        if (who.refusal) return who.refusal;
        const entry = [...fake.invitations].find(
          ([, i]) => i.id === params.id && i.workspaceId === params.ws,
        );
        if (!entry) return refuse(404, 'not_found', 'There is no such invitation.');
        fake.invitations.delete(entry[0]);
        return new HttpResponse(null, { status: 204 });
      },
    ),

    http.get<{ token: string }>(api('/invitations/:token'), ({ params }) => {
      const invitation = fake.invitations.get(params.token);
      if (!invitation) return refuse(404, 'not_found', 'This invitation is unknown or used.');
      return HttpResponse.json({
        workspaceName: fake.workspaces.get(invitation.workspaceId)!.name,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      });
    }),

    http.post<{ token: string }>(api('/invitations/:token/accept'), async ({ request, params }) => {
      const invitation = fake.invitations.get(params.token);
      if (!invitation) return refuse(404, 'not_found', 'This invitation is unknown or used.');
      const parsed = await bodyOf(request, invitationAcceptSchema);
      if (!parsed.ok) return parsed.response;
      const workspace = fake.workspaces.get(invitation.workspaceId)!;
      let userId = fake.signedIn;
      if (userId === null) {
        const { email, name, password } = parsed.body;
        if (!email || !name || !password) {
          return refuse(422, 'invalid_request', 'email, name and password: required.');
        }
        if ([...fake.users.values()].some((u) => u.email === email)) {
          return refuse(409, 'email_taken', 'This email already has an account.');
        }
        userId = newId('u');
        fake.users.set(userId, { id: userId, email, name, password });
        signIn(userId);
      } else {
        const who = caller(request, null, null);
        if (who.refusal) return who.refusal;
        if (workspace.members.has(userId)) {
          return refuse(409, 'already_member', 'You are already a member.');
        }
      }
      workspace.members.set(userId, invitation.role);
      fake.invitations.delete(params.token);
      return HttpResponse.json(session());
    }),

    http.get<{ ws: string }>(api('/workspaces/:ws/tokens'), ({ request, params }) => {
      const who = caller(request, params.ws, 'viewer');
      if (who.refusal) return who.refusal;
      const tokens = [...fake.tokens.values()]
        .filter((t) => t.userId === who.userId && t.workspaceId === params.ws)
        .map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt }));
      return HttpResponse.json({ tokens });
    }),

    http.post<{ ws: string }>(api('/workspaces/:ws/tokens'), async ({ request, params }) => {
      const who = caller(request, params.ws, 'viewer');
      if (who.refusal) return who.refusal;
      const parsed = await bodyOf(request, apiTokenCreateSchema);
      if (!parsed.ok) return parsed.response;
      // One name per person's tokens in a workspace, as the server has it (`sameName`).
      const existing = [...fake.tokens.values()].find(
        (t) =>
          t.userId === who.userId &&
          t.workspaceId === params.ws &&
          sameName(t.name, parsed.body.name),
      );
      if (existing) {
        return refuse(
          409,
          ACCOUNT_ERRORS.tokenNameTaken,
          `name: you already have a token named "${existing.name}" in this workspace.`,
          { existing: { id: existing.id, name: existing.name } },
        );
      }
      const id = newId('tok');
      fake.tokens.set(id, {
        id,
        name: parsed.body.name,
        createdAt: AT,
        lastUsedAt: null,
        userId: who.userId,
        workspaceId: params.ws,
      });
      return HttpResponse.json(
        { id, name: parsed.body.name, createdAt: AT, token: `cbt_secret_${id}` },
        { status: 201 },
      );
    }),

    http.delete<{ ws: string; id: string }>(
      api('/workspaces/:ws/tokens/:id'),
      ({ request, params }) => {
        const who = caller(request, params.ws, 'viewer');
        if (who.refusal) return who.refusal;
        const token = fake.tokens.get(params.id);
        if (
          !token ||
          token.workspaceId !== params.ws ||
          (token.userId !== who.userId && who.role !== 'owner')
        ) {
          return refuse(404, 'not_found', 'There is no such token.');
        }
        fake.tokens.delete(params.id);
        return new HttpResponse(null, { status: 204 });
      },
    ),
  ];
}

/**
 * A `fetch` answered in-process by the handlers (no service worker, no
 * network), for stories: give it to `createAccountClient`.
 */
export function fakeAccountsFetch(fake: FakeAccounts, origin = FAKE_ORIGIN): typeof fetch {
  const handlers = accountHandlers(fake, origin);
  return async (input, init) => {
    const request = new Request(input, init);
    return (
      (await getResponse(handlers, request)) ??
      HttpResponse.json({ error: 'not_found', message: 'No such API route.' }, { status: 404 })
    );
  };
}
