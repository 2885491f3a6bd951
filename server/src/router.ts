/**
 * The API's router: every route declares its method, its path pattern and
 * who may call it, and the one check here runs before any handler. Who is
 * calling comes from the session cookie or an `Authorization: Bearer` API
 * token (or, for the publish routes, the server-wide token); a route in a
 * workspace (`:ws` in its path) gets the caller's role there, read from the
 * database on every request, so a removed member is refused at once.
 *
 * Order of the checks: 401 no caller → 403 CSRF (cookie, state change) →
 * 404 not a member of the path's workspace (others are never revealed) →
 * 403 role below the route's.
 */
import type http from 'node:http';
import {
  ACCOUNT_ERRORS,
  CSRF_HEADER,
  roleAtLeast,
  SESSION_COOKIE,
  type Role,
  type User,
} from '@callbot/shared';
import type { z } from 'zod';
import type { AccountStore } from './accounts.ts';
import { sameSecret } from './secrets.ts';

/**
 * Who may call a route: anyone (`public`), any signed-in user, a member of
 * the path's workspace with at least that role, or a holder of the
 * server-wide publish token (`server-token`).
 */
export type Access = 'public' | 'signed-in' | 'server-token' | Role;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Caller {
  user: User;
  via: 'session' | 'token';
}
export interface SessionCaller extends Caller {
  via: 'session';
  /** The session's secret (the cookie's value), for logging out. */
  secret: string;
  csrfToken: string;
}
export interface WorkspaceCaller {
  user: User;
  via: 'session' | 'token';
  workspace: { id: string; name: string };
  role: Role;
}

/** What a handler gets: the path's parameters, the JSON body, and who calls, typed by the route's access. */
export interface RouteContext<A extends Access> {
  params: Readonly<Record<string, string>>;
  /** The URL's query string (for GET filters). */
  query: URLSearchParams;
  body: unknown;
  /** The time of the request, from the injected clock. */
  now: number;
  /** The public origin, for links (`https://bot.example.com`). */
  origin: string;
  /** The client's address, for throttling. */
  ip: string;
  caller: A extends Role
    ? WorkspaceCaller
    : A extends 'signed-in'
      ? SessionCaller | (Caller & { via: 'token' })
      : A extends 'public'
        ? SessionCaller | null
        : null;
}

export interface Reply {
  status: number;
  body: unknown;
  /** `Set-Cookie` lines. */
  cookies?: string[];
  /**
   * A stream of server-sent events instead of a JSON body: called with the
   * sender (and what ends the stream) once it is open, it returns what to
   * do when the stream ends (the client left, or it was ended).
   */
  stream?: (send: (data: unknown) => void, end: () => void) => () => void;
  /** A file instead of a JSON body (CSV), sent as its chunks come, under `filename`. */
  file?: {
    contentType: string;
    filename: string;
    chunks: AsyncIterable<string> | Iterable<string>;
  };
}

export interface RouteDef<A extends Access> {
  method: Method;
  /** `/api/workspaces/:ws/members/:userId`: `:name` matches one non-empty segment. */
  path: string;
  access: A;
  /** A public route that reads the session when there is one (and then checks CSRF). */
  readsSession?: boolean;
  /** Only with a session: an API token may not call it (tokens cannot make tokens). */
  sessionOnly?: boolean;
  /**
   * The path parameter naming a user: a member acting on themselves (leaving
   * a workspace) needs only the role viewer.
   */
  selfParam?: string;
  // Method syntax: a route of any access fits the table's type.
  handler(this: void, ctx: RouteContext<A>): Promise<Reply>;
}

/** A route of the table: its handler typed for its own access by `route`. */
export type AnyRoute = RouteDef<Access>;

/** Declares a route, typing its handler's caller from its access. */
export const route = <A extends Access>(def: RouteDef<A>): AnyRoute => def;

export const STATE_CHANGING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const errorReply = (
  status: number,
  error: string,
  message: string,
  extra: object = {},
): Reply => ({ status, body: { error, message, ...extra } });

/** Parses a request body with a schema, or the 422 that names the field and why. */
export function parseBody<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; data: T } | { ok: false; reply: Reply } {
  const result = schema.safeParse(value ?? {});
  if (result.success) return { ok: true, data: result.data };
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  return {
    ok: false,
    reply: errorReply(
      422,
      ACCOUNT_ERRORS.invalidRequest,
      `${where}: ${issue?.message ?? 'invalid'}.`,
    ),
  };
}

/** A request's URL fit for the log: an invitation's token (in its path) and any `token=` left out. */
export const withoutSecrets = (url: string): string =>
  url.replace(/^(\/api\/invitations\/)[^/?#]+/, '$1…').replace(/([?&]token=)[^&#]*/g, '$1…');

/**
 * The client's address: the connection's, or behind a trusted proxy the last
 * entry of `X-Forwarded-For` (the one that proxy appended; earlier entries
 * are whatever the client sent).
 */
export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') {
    const last = forwarded.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? '';
}

/** The value of one cookie of the request, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface RouterRequest {
  method: string;
  /** The path's segments, decoded (`['api', 'workspaces', 'w1']`). */
  segments: string[];
  /** The URL's query string. */
  query?: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  ip: string;
  origin: string;
}

export interface RouterOptions {
  routes: readonly AnyRoute[];
  accounts: AccountStore;
  /** The server-wide publish token. */
  serverToken: string;
  now: () => number;
}

const unauthorized = (message = 'Sign in, or send a valid API token.') =>
  errorReply(401, ACCOUNT_ERRORS.unauthorized, message);
const notFound = () =>
  errorReply(404, ACCOUNT_ERRORS.notFound, 'There is no such workspace, or you are not a member.');

/** A route's pattern, split once. */
const patternOf = (path: string) => path.split('/').filter(Boolean);

function match(
  pattern: readonly string[],
  segments: readonly string[],
): Record<string, string> | null {
  if (pattern.length !== segments.length) return null;
  // Parameters in a null-prototype object: a segment named `__proto__` is a plain key.
  const params = Object.create(null) as Record<string, string>;
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    const s = segments[i]!;
    if (p.startsWith(':')) {
      if (s === '') return null;
      params[p.slice(1)] = s;
    } else if (p !== s) return null;
  }
  return params;
}

/**
 * The router on a route table: resolves the route, runs the one access
 * check, then the handler. Null when no route has the path.
 */
export function createRouter(options: RouterOptions) {
  const table = options.routes.map((r) => ({
    def: r,
    pattern: patternOf(r.path),
    handler: r.handler,
  }));
  const { accounts } = options;

  async function sessionOf(req: RouterRequest, now: number): Promise<SessionCaller | null> {
    const secret = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (!secret) return null;
    const session = await accounts.session(secret, now);
    return session
      ? { user: session.user, via: 'session', secret, csrfToken: session.csrfToken }
      : null;
  }

  const csrfRefused = (req: RouterRequest, caller: SessionCaller): Reply | null => {
    if (!STATE_CHANGING.has(req.method)) return null;
    const given = req.headers[CSRF_HEADER];
    if (typeof given === 'string' && sameSecret(given, caller.csrfToken)) return null;
    return errorReply(
      403,
      ACCOUNT_ERRORS.csrf,
      `A change made with the session cookie needs the ${CSRF_HEADER} header from GET /api/session.`,
    );
  };

  const bearerOf = (req: RouterRequest): string | null => {
    const auth = /^bearer +(\S+) *$/i.exec(req.headers.authorization ?? '');
    return auth?.[1] ?? null;
  };

  /** The caller as the route's access wants it, or the refusal. */
  async function check(
    def: AnyRoute,
    req: RouterRequest,
    params: Record<string, string>,
    now: number,
  ): Promise<{ ok: true; caller: RouteContext<Access>['caller'] } | { ok: false; reply: Reply }> {
    const access = def.access;
    if (access === 'server-token') {
      const given = bearerOf(req);
      return given !== null && sameSecret(given, options.serverToken)
        ? { ok: true, caller: null }
        : { ok: false, reply: unauthorized('A valid bearer token is required.') };
    }
    if (access === 'public') {
      if (!def.readsSession) return { ok: true, caller: null };
      const session = await sessionOf(req, now);
      const refused = session && csrfRefused(req, session);
      return refused ? { ok: false, reply: refused } : { ok: true, caller: session };
    }
    const bearer = bearerOf(req);
    if (bearer !== null) {
      // An API token acts in its own workspace only, never on account-wide routes.
      if (access === 'signed-in') {
        return {
          ok: false,
          reply: unauthorized('Sign in: an API token acts in its workspace only.'),
        };
      }
      const token = await accounts.tokenCaller(bearer, now);
      if (!token) return { ok: false, reply: unauthorized('The API token is unknown or revoked.') };
      if (token.workspaceId !== params.ws) return { ok: false, reply: notFound() };
      const membership = await accounts.membership(token.workspaceId, token.user.id);
      if (!membership) return { ok: false, reply: notFound() };
      if (def.sessionOnly) {
        return {
          ok: false,
          reply: errorReply(
            403,
            ACCOUNT_ERRORS.forbidden,
            'Sign in to do this: an API token cannot.',
          ),
        };
      }
      return roleChecked({ access, selfParam: def.selfParam }, params, {
        user: token.user,
        via: 'token',
        workspace: { id: membership.id, name: membership.name },
        role: membership.role,
      });
    }
    const session = await sessionOf(req, now);
    if (!session) return { ok: false, reply: unauthorized() };
    const refused = csrfRefused(req, session);
    if (refused) return { ok: false, reply: refused };
    if (access === 'signed-in') return { ok: true, caller: session };
    const ws = params.ws;
    const membership = ws === undefined ? null : await accounts.membership(ws, session.user.id);
    if (!membership) return { ok: false, reply: notFound() };
    return roleChecked({ access, selfParam: def.selfParam }, params, {
      user: session.user,
      via: 'session',
      workspace: { id: membership.id, name: membership.name },
      role: membership.role,
    });
  }

  function roleChecked(
    { access, selfParam }: { access: Role; selfParam?: string | undefined },
    params: Record<string, string>,
    caller: WorkspaceCaller,
  ) {
    const self = selfParam !== undefined && params[selfParam] === caller.user.id;
    const min = self ? 'viewer' : access;
    return roleAtLeast(caller.role, min)
      ? { ok: true as const, caller }
      : {
          ok: false as const,
          reply: errorReply(
            403,
            ACCOUNT_ERRORS.forbidden,
            `This needs the role ${min} or above in the workspace; yours is ${caller.role}.`,
          ),
        };
  }

  return async function handle(req: RouterRequest): Promise<Reply | null> {
    let allowed: string[] = [];
    for (const { def, pattern, handler } of table) {
      const params = match(pattern, req.segments);
      if (!params) continue;
      if (def.method !== req.method) {
        allowed.push(def.method);
        continue;
      }
      const now = options.now();
      const checked = await check(def, req, params, now);
      if (!checked.ok) return checked.reply;
      return handler({
        params,
        query: req.query ?? new URLSearchParams(),
        body: req.body,
        now,
        origin: req.origin,
        ip: req.ip,
        caller: checked.caller,
      });
    }
    if (allowed.length > 0) {
      allowed = [...new Set(allowed)];
      return errorReply(
        405,
        'method_not_allowed',
        `/${req.segments.join('/')} takes ${allowed.join(', ')}.`,
      );
    }
    return null;
  };
}
