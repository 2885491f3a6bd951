/**
 * The API's route table: each route with who may call it (see `router.ts`
 * for the one check). The accounts routes (sessions, workspaces, members,
 * invitations, API tokens; the contract is `@callbot/shared`'s
 * `api/accounts.ts`) are here; the publish routes under `/api/callbots`,
 * `/api/lines`, ... take the server-wide token and go to `api.ts`.
 */
import {
  ACCOUNT_ERRORS,
  apiTokenCreateSchema,
  invitationAcceptSchema,
  invitationCreateSchema,
  loginRequestSchema,
  memberUpdateSchema,
  SESSION_COOKIE,
  setupRequestSchema,
  workspaceCreateSchema,
  workspaceUpdateSchema,
  type Session,
  type User,
} from '@callbot/shared';
import type { AccountStore } from './accounts.ts';
import { SESSION_TTL_MS } from './accounts.ts';
import type { ApiRequest, ApiResponse } from './api.ts';
import { errorReply, parseBody, route, type AnyRoute, type Method, type Reply } from './router.ts';
import {
  DEFAULT_SCRYPT_COST,
  hashPassword,
  sameSecret,
  verifyPassword,
  type ScryptCost,
} from './secrets.ts';

/** Failed logins allowed per email and per client address within the window. */
export const LOGIN_THROTTLE = { perEmail: 5, perIp: 20, windowMs: 15 * 60_000 };

export interface RoutesOptions {
  accounts: AccountStore;
  /** The publish API (`api.ts`), behind the server-wide token. */
  api: (request: ApiRequest) => Promise<ApiResponse>;
  /** The one-time setup token (valid while no account exists). */
  setupToken: string;
  /** Whether the public URL is https: the cookie is then `Secure`. */
  secureCookies: boolean;
  /** The password hash's cost (tests lower it). */
  scryptCost?: ScryptCost;
  /** Gives a workspace just created its first records (`workspace/seed.ts`). */
  seedWorkspace?: (workspaceId: string, by: { id: string; name: string }) => Promise<void>;
}

/** The route table. */
export function apiRoutes(options: RoutesOptions): AnyRoute[] {
  const { accounts } = options;
  const cost = options.scryptCost ?? DEFAULT_SCRYPT_COST;
  // A login for an unknown email still checks a password, so that its answer takes as long.
  const decoy = hashPassword('not a password of anyone', cost);

  const cookie = (value: string, maxAgeSeconds: number) =>
    `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${
      options.secureCookies ? '; Secure' : ''
    }`;

  async function sessionBody(user: User | null, csrfToken: string | null): Promise<Session> {
    return {
      user,
      setupNeeded: user === null && !(await accounts.hasUsers()),
      csrfToken,
      workspaces: user ? await accounts.workspacesOf(user.id) : [],
    };
  }

  /** Signs `user` in: a new session, its cookie, and the session body. */
  async function signIn(user: User, now: number, status = 200): Promise<Reply> {
    const { secret, csrfToken } = await accounts.createSession(user.id, now);
    return {
      status,
      body: await sessionBody(user, csrfToken),
      cookies: [cookie(secret, Math.floor(SESSION_TTL_MS / 1000))],
    };
  }

  const notFound = (what: string) => errorReply(404, ACCOUNT_ERRORS.notFound, what);

  return [
    route({
      method: 'GET',
      path: '/api/session',
      access: 'public',
      readsSession: true,
      handler: async ({ caller }) => ({
        status: 200,
        body: await sessionBody(caller?.user ?? null, caller?.csrfToken ?? null),
      }),
    }),

    route({
      method: 'POST',
      path: '/api/setup',
      access: 'public',
      handler: async ({ body, now }) => {
        const parsed = parseBody(setupRequestSchema, body);
        if (!parsed.ok) return parsed.reply;
        const input = parsed.data;
        const refused = errorReply(
          403,
          ACCOUNT_ERRORS.setupToken,
          'The setup link is wrong or was used: the first account exists. Sign in, or ask an owner for an invitation.',
        );
        if (!sameSecret(input.setupToken, options.setupToken) || (await accounts.hasUsers())) {
          return refused;
        }
        const made = await accounts.setup({
          email: input.email,
          name: input.name,
          passwordHash: await hashPassword(input.password, cost),
          workspaceName: input.workspaceName,
          at: now,
        });
        if (!made) return refused;
        await options.seedWorkspace?.(made.workspaceId, { id: made.userId, name: input.name });
        return signIn({ id: made.userId, email: input.email, name: input.name }, now, 201);
      },
    }),

    route({
      method: 'POST',
      path: '/api/login',
      access: 'public',
      handler: async ({ body, now, ip }) => {
        const parsed = parseBody(loginRequestSchema, body);
        if (!parsed.ok) return parsed.reply;
        const { email, password } = parsed.data;
        const keys = [`email:${email}`, `ip:${ip}`];
        const since = now - LOGIN_THROTTLE.windowMs;
        const failures = await accounts.failures(keys, since);
        const limits = [LOGIN_THROTTLE.perEmail, LOGIN_THROTTLE.perIp];
        const blocked = keys
          .map((key, i) => ({ seen: failures.get(key), limit: limits[i]! }))
          .filter(({ seen, limit }) => seen !== undefined && seen.count >= limit)
          .map(({ seen }) => seen!.oldest + LOGIN_THROTTLE.windowMs);
        if (blocked.length > 0) {
          const retryAfterSeconds = Math.max(1, Math.ceil((Math.max(...blocked) - now) / 1000));
          return errorReply(
            429,
            ACCOUNT_ERRORS.throttled,
            `Too many failed sign-ins: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
            { retryAfterSeconds },
          );
        }
        const user = await accounts.findUserByEmail(email);
        const right = await verifyPassword(password, user?.passwordHash ?? (await decoy));
        if (!user || !right) {
          await accounts.recordFailure(keys, now, since);
          return errorReply(
            401,
            ACCOUNT_ERRORS.unauthorized,
            'The email or the password is wrong.',
          );
        }
        await accounts.clearFailures(keys[0]!);
        return signIn({ id: user.id, email: user.email, name: user.name }, now);
      },
    }),

    route({
      method: 'POST',
      path: '/api/logout',
      access: 'signed-in',
      handler: async ({ caller }) => {
        if (caller.via === 'session') await accounts.deleteSession(caller.secret);
        return { status: 204, body: null, cookies: [cookie('', 0)] };
      },
    }),

    route({
      method: 'POST',
      path: '/api/workspaces',
      access: 'signed-in',
      handler: async ({ caller, body, now }) => {
        const parsed = parseBody(workspaceCreateSchema, body);
        if (!parsed.ok) return parsed.reply;
        const made = await accounts.createWorkspace(caller.user.id, parsed.data.name, now);
        await options.seedWorkspace?.(made.id, { id: caller.user.id, name: caller.user.name });
        return { status: 201, body: made };
      },
    }),

    route({
      method: 'GET',
      path: '/api/workspaces/:ws',
      access: 'viewer',
      handler: ({ caller }) =>
        Promise.resolve({ status: 200, body: { ...caller.workspace, role: caller.role } }),
    }),

    route({
      method: 'PATCH',
      path: '/api/workspaces/:ws',
      access: 'owner',
      handler: async ({ caller, body }) => {
        const parsed = parseBody(workspaceUpdateSchema, body);
        if (!parsed.ok) return parsed.reply;
        await accounts.renameWorkspace(caller.workspace.id, parsed.data.name);
        return {
          status: 200,
          body: { id: caller.workspace.id, name: parsed.data.name, role: caller.role },
        };
      },
    }),

    route({
      method: 'GET',
      path: '/api/workspaces/:ws/members',
      access: 'viewer',
      handler: async ({ caller, now }) => ({
        status: 200,
        body: {
          members: await accounts.members(caller.workspace.id),
          // Open invitations are links to join: only owners see them.
          invitations:
            caller.role === 'owner' ? await accounts.invitations(caller.workspace.id, now) : [],
        },
      }),
    }),

    route({
      method: 'PATCH',
      path: '/api/workspaces/:ws/members/:userId',
      access: 'owner',
      handler: async ({ caller, params, body }) => {
        const parsed = parseBody(memberUpdateSchema, body);
        if (!parsed.ok) return parsed.reply;
        const userId = params.userId!;
        const result = await accounts.setRole(caller.workspace.id, userId, parsed.data.role);
        if (result === 'not_found') return notFound('There is no such member.');
        if (result === 'last_owner') return lastOwner();
        const member = (await accounts.members(caller.workspace.id)).find(
          (m) => m.userId === userId,
        );
        return { status: 200, body: member };
      },
    }),

    route({
      method: 'DELETE',
      path: '/api/workspaces/:ws/members/:userId',
      access: 'owner',
      // Anyone may leave.
      selfParam: 'userId',
      handler: async ({ caller, params, now }) => {
        const userId = params.userId!;
        const result = await accounts.removeMember(caller.workspace.id, userId, now);
        if (result === 'not_found') return notFound('There is no such member.');
        if (result === 'last_owner') return lastOwner();
        return { status: 204, body: null };
      },
    }),

    route({
      method: 'POST',
      path: '/api/workspaces/:ws/invitations',
      access: 'owner',
      handler: async ({ caller, body, now, origin }) => {
        const parsed = parseBody(invitationCreateSchema, body);
        if (!parsed.ok) return parsed.reply;
        const made = await accounts.createInvitation({
          workspaceId: caller.workspace.id,
          role: parsed.data.role,
          createdBy: caller.user.id,
          at: now,
        });
        return {
          status: 201,
          body: {
            id: made.id,
            role: parsed.data.role,
            link: `${origin}/invite?token=${made.token}`,
            expiresAt: made.expiresAt,
          },
        };
      },
    }),

    route({
      method: 'DELETE',
      path: '/api/workspaces/:ws/invitations/:id',
      access: 'owner',
      handler: async ({ caller, params }) =>
        (await accounts.deleteInvitation(caller.workspace.id, params.id!))
          ? { status: 204, body: null }
          : notFound('There is no such open invitation.'),
    }),

    route({
      method: 'GET',
      path: '/api/invitations/:token',
      access: 'public',
      handler: async ({ params, now }) => {
        const preview = await accounts.previewInvitation(params.token!, now);
        return preview
          ? { status: 200, body: preview }
          : notFound('This invitation link is unknown, was used, or has expired.');
      },
    }),

    route({
      method: 'POST',
      path: '/api/invitations/:token/accept',
      access: 'public',
      readsSession: true,
      handler: async ({ caller, params, body, now }) => {
        const parsed = parseBody(invitationAcceptSchema, body);
        if (!parsed.ok) return parsed.reply;
        let who: Parameters<AccountStore['acceptInvitation']>[2];
        let newUser: Omit<User, 'id'> | null = null;
        if (caller) {
          who = { userId: caller.user.id };
        } else {
          const { email, name, password } = parsed.data;
          const missing = [
            ['email', email],
            ['name', name],
            ['password', password],
          ].find(([, value]) => value === undefined);
          if (missing || !email || !name || !password) {
            return errorReply(
              422,
              ACCOUNT_ERRORS.invalidRequest,
              `${missing?.[0] ?? 'email'}: required to create your account (or sign in first).`,
            );
          }
          // Whether the link is still good is checked first, so a dead link costs no hashing.
          if (!(await accounts.previewInvitation(params.token!, now))) {
            return notFound('This invitation link is unknown, was used, or has expired.');
          }
          who = { email, name, passwordHash: await hashPassword(password, cost) };
          newUser = { email, name };
        }
        const result = await accounts.acceptInvitation(params.token!, now, who);
        if (!result.ok) {
          if (result.error === 'not_found') {
            return notFound('This invitation link is unknown, was used, or has expired.');
          }
          return result.error === 'already_member'
            ? errorReply(
                409,
                ACCOUNT_ERRORS.alreadyMember,
                'You are already a member of this workspace.',
              )
            : errorReply(
                409,
                ACCOUNT_ERRORS.emailTaken,
                'An account with this email exists: sign in first, then open the link again.',
              );
        }
        if (caller) return { status: 200, body: await sessionBody(caller.user, caller.csrfToken) };
        return signIn({ id: result.userId, ...newUser! }, now);
      },
    }),

    route({
      method: 'GET',
      path: '/api/workspaces/:ws/tokens',
      access: 'viewer',
      handler: async ({ caller }) => ({
        status: 200,
        body: { tokens: await accounts.listTokens(caller.workspace.id, caller.user.id) },
      }),
    }),

    route({
      method: 'POST',
      path: '/api/workspaces/:ws/tokens',
      access: 'viewer',
      sessionOnly: true,
      handler: async ({ caller, body, now }) => {
        const parsed = parseBody(apiTokenCreateSchema, body);
        if (!parsed.ok) return parsed.reply;
        const made = await accounts.createToken(
          caller.workspace.id,
          caller.user.id,
          parsed.data.name,
          now,
        );
        if (!made.ok) {
          return errorReply(
            409,
            ACCOUNT_ERRORS.tokenNameTaken,
            `name: you already have a token named "${made.existing.name}" in this workspace (case and spaces do not count): revoke it or choose another name.`,
            { existing: made.existing },
          );
        }
        const { ok: _ok, ...created } = made;
        return { status: 201, body: created };
      },
    }),

    route({
      method: 'DELETE',
      path: '/api/workspaces/:ws/tokens/:id',
      access: 'viewer',
      handler: async ({ caller, params, now }) =>
        (await accounts.revokeToken(
          caller.workspace.id,
          params.id!,
          { userId: caller.user.id, anyUser: caller.role === 'owner' },
          now,
        ))
          ? { status: 204, body: null }
          : notFound('There is no such token of yours.'),
    }),

    ...publishRoutes(options.api),
  ];
}

const lastOwner = () =>
  errorReply(
    409,
    ACCOUNT_ERRORS.lastOwner,
    'A workspace keeps at least one owner: make someone else owner first.',
  );

/**
 * The publish API's routes (`api.ts`), behind the server-wide token. The
 * next step moves them under `/api/workspaces/:ws/`.
 */
function publishRoutes(api: RoutesOptions['api']): AnyRoute[] {
  const table: [Method, string][] = [
    ['GET', '/api/callbots'],
    ['GET', '/api/callbots/:id/versions'],
    ['POST', '/api/callbots/:id/versions'],
    ['GET', '/api/callbots/:id/versions/:n'],
    ['GET', '/api/lines'],
    ['GET', '/api/lines/:id'],
    ['PUT', '/api/lines/:id'],
    ['DELETE', '/api/lines/:id'],
    ['POST', '/api/lines/:id/rollback'],
    ['GET', '/api/teams'],
    ['PUT', '/api/teams/:id'],
    ['DELETE', '/api/teams/:id'],
    ['GET', '/api/bots'],
    ['PUT', '/api/bots/:id'],
    ['DELETE', '/api/bots/:id'],
    ['GET', '/api/calls/:id'],
  ];
  return table.map(([method, path]) =>
    route({
      method,
      path,
      access: 'server-token',
      handler: async ({ params, body }) => {
        // The path again as segments after `/api/`, parameters filled in: what api.ts routes on.
        const segments = path
          .split('/')
          .filter(Boolean)
          .slice(1)
          .map((s) => (s.startsWith(':') ? params[s.slice(1)]! : s));
        return api({ method, segments, body });
      },
    }),
  );
}
