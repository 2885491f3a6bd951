/**
 * A typed client of the server's accounts API (`@callbot/shared`'s
 * `api/accounts.ts`): every answer is parsed with the contract's schemas into
 * fresh objects, every refusal is an `AccountApiError` of a kind the UI can say
 * in words. Requests go to the page's own origin with its cookie
 * (`credentials: 'same-origin'`); state changes carry the session's CSRF token,
 * which the client keeps from the last session answer it read.
 */
import {
  ACCOUNT_ERRORS,
  accountErrorSchema,
  apiTokenCreatedSchema,
  apiTokenListSchema,
  CSRF_HEADER,
  invitationCreatedSchema,
  invitationPreviewSchema,
  memberSchema,
  membersSchema,
  sessionSchema,
  workspaceSummarySchema,
  type ApiTokenCreated,
  type ApiTokenSummary,
  type InvitationAccept,
  type InvitationCreated,
  type InvitationPreview,
  type Member,
  type Members,
  type Role,
  type Session,
  type SetupRequest,
  type WorkspaceSummary,
} from '@callbot/shared';
import { z } from 'zod';

export type {
  ApiTokenCreated,
  ApiTokenSummary,
  InvitationCreated,
  InvitationPreview,
  Member,
  Members,
  Role,
  Session,
  WorkspaceSummary,
};

export type AccountErrorKind =
  /** No answer: the server is down or the network failed. */
  | 'unreachable'
  /** 401: not signed in (or the session ended), or a wrong email or password at login. */
  | 'unauthorized'
  /** 403: the role is too low. */
  | 'forbidden'
  /** 403: the CSRF token is missing or stale. */
  | 'csrf'
  /** 403: the setup token is wrong, or the server is already set up. */
  | 'setupToken'
  /** 404: no such workspace, member, invitation or token, or not a member any more. */
  | 'notFound'
  /** 409: the email already has an account. */
  | 'emailTaken'
  /** 409: the caller is already a member of the workspace. */
  | 'alreadyMember'
  /** 409: the last owner cannot be demoted nor removed. */
  | 'lastOwner'
  /** 409: the caller already has a token of this name in the workspace (`existing`). */
  | 'tokenNameTaken'
  /** 422: the server refused a field (the message names it). */
  | 'invalid'
  /** 429: too many failed sign-ins (`retryAfterSeconds`). */
  | 'throttled'
  /** Any other refusal, or an answer this client does not understand. */
  | 'server';

export class AccountApiError extends Error {
  constructor(
    readonly kind: AccountErrorKind,
    message: string,
    readonly status = 0,
    /** With `throttled`: how long the server asks to wait. */
    readonly retryAfterSeconds?: number,
    /** With `tokenNameTaken`: the caller's token that has the name. */
    readonly existing?: { id: string; name: string },
  ) {
    super(message);
    this.name = 'AccountApiError';
  }
}

const kindOfCode = new Map<string, AccountErrorKind>([
  [ACCOUNT_ERRORS.unauthorized, 'unauthorized'],
  [ACCOUNT_ERRORS.forbidden, 'forbidden'],
  [ACCOUNT_ERRORS.csrf, 'csrf'],
  [ACCOUNT_ERRORS.setupToken, 'setupToken'],
  [ACCOUNT_ERRORS.notFound, 'notFound'],
  [ACCOUNT_ERRORS.emailTaken, 'emailTaken'],
  [ACCOUNT_ERRORS.alreadyMember, 'alreadyMember'],
  [ACCOUNT_ERRORS.lastOwner, 'lastOwner'],
  [ACCOUNT_ERRORS.tokenNameTaken, 'tokenNameTaken'],
  [ACCOUNT_ERRORS.invalidRequest, 'invalid'],
  [ACCOUNT_ERRORS.throttled, 'throttled'],
]);

/** By status, when the body names no code this client knows. */
function kindOfStatus(status: number): AccountErrorKind {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 422:
    case 400:
      return 'invalid';
    case 429:
      return 'throttled';
    default:
      return 'server';
  }
}

/**
 * What `GET /api/session` found: a callbot server answered with a session, or
 * the page is not served by one (no answer, or an answer that is not the
 * accounts API's: a static file host gives its HTML page), so the designer
 * runs in the browser alone.
 */
export type Probe = { served: true; session: Session } | { served: false };

export interface AccountClient {
  /**
   * Asks the page's origin for the session (or reads `answered`, the answer to
   * that request already received); never throws for a page without a server.
   */
  probe(answered?: Response): Promise<Probe>;
  session(): Promise<Session>;
  setup(request: SetupRequest): Promise<Session>;
  login(email: string, password: string): Promise<Session>;
  logout(): Promise<void>;
  createWorkspace(name: string): Promise<WorkspaceSummary>;
  members(workspaceId: string): Promise<Members>;
  changeRole(workspaceId: string, userId: string, role: Role): Promise<Member>;
  removeMember(workspaceId: string, userId: string): Promise<void>;
  invite(workspaceId: string, role: Role): Promise<InvitationCreated>;
  revokeInvitation(workspaceId: string, invitationId: string): Promise<void>;
  invitation(token: string): Promise<InvitationPreview>;
  /** Signed in: joins with no body; otherwise `account` creates the account and signs in. */
  acceptInvitation(token: string, account?: InvitationAccept): Promise<Session>;
  tokens(workspaceId: string): Promise<ApiTokenSummary[]>;
  createToken(workspaceId: string, name: string): Promise<ApiTokenCreated>;
  revokeToken(workspaceId: string, tokenId: string): Promise<void>;
}

const noContent = z.undefined();
const stateChanging = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * @example
 * const client = createAccountClient();
 * const probe = await client.probe();
 * if (probe.served && !probe.session.user) await client.login(email, password);
 */
export function createAccountClient({
  baseUrl = '',
  fetch: send = (input, init) => globalThis.fetch(input, init),
}: {
  /** The server's origin; '' (default) is the page's own. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
} = {}): AccountClient {
  let csrfToken: string | null = null;

  async function call(method: string, path: string, body?: unknown): Promise<Response> {
    // No Accept header: a static host then answers an unknown path with its page (200), as
    // `vite preview` does, rather than a 404 the browser would log as an error.
    const headers = new Headers();
    if (body !== undefined) headers.set('content-type', 'application/json');
    if (stateChanging.has(method) && csrfToken !== null) headers.set(CSRF_HEADER, csrfToken);
    try {
      return await send(baseUrl + path, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new AccountApiError('unreachable', (error as Error).message);
    }
  }

  async function request<T>(
    schema: z.ZodType<T>,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const response = await call(method, path, body);
    const json: unknown =
      response.status === 204 ? undefined : await response.json().catch(() => undefined);
    if (response.ok) {
      const parsed = schema.safeParse(json);
      if (parsed.success) return parsed.data;
      throw new AccountApiError(
        'server',
        `Unexpected answer to ${method} ${path}.`,
        response.status,
      );
    }
    const problem = accountErrorSchema.safeParse(json);
    const message = problem.success ? problem.data.message : `HTTP ${response.status}`;
    const kind =
      (problem.success && kindOfCode.get(problem.data.error)) || kindOfStatus(response.status);
    throw new AccountApiError(
      kind,
      message,
      response.status,
      problem.success ? problem.data.retryAfterSeconds : undefined,
      problem.success ? problem.data.existing : undefined,
    );
  }

  /** A session answer: its CSRF token is the one the next state changes carry. */
  async function sessionFrom(method: string, path: string, body?: unknown): Promise<Session> {
    const session = await request(sessionSchema, method, path, body);
    csrfToken = session.csrfToken;
    return session;
  }

  const id = encodeURIComponent;
  const workspace = (ws: string) => `/api/workspaces/${id(ws)}`;

  return {
    async probe(answered) {
      let response: Response;
      try {
        response = answered ?? (await call('GET', '/api/session'));
      } catch {
        return { served: false };
      }
      const json: unknown = await response.json().catch(() => undefined);
      const session = sessionSchema.safeParse(json);
      if (response.ok && session.success) {
        csrfToken = session.data.csrfToken;
        return { served: true, session: session.data };
      }
      // A callbot server that failed says so in its own error body: that is no static host.
      const problem = accountErrorSchema.safeParse(json);
      if (!response.ok && problem.success) {
        throw new AccountApiError('server', problem.data.message, response.status);
      }
      return { served: false };
    },
    session: () => sessionFrom('GET', '/api/session'),
    setup: (body) => sessionFrom('POST', '/api/setup', body),
    login: (email, password) => sessionFrom('POST', '/api/login', { email, password }),
    async logout() {
      await request(noContent, 'POST', '/api/logout');
      csrfToken = null;
    },
    createWorkspace: (name) => request(workspaceSummarySchema, 'POST', '/api/workspaces', { name }),
    members: (ws) => request(membersSchema, 'GET', `${workspace(ws)}/members`),
    changeRole: (ws, userId, role) =>
      request(memberSchema, 'PATCH', `${workspace(ws)}/members/${id(userId)}`, { role }),
    removeMember: (ws, userId) =>
      request(noContent, 'DELETE', `${workspace(ws)}/members/${id(userId)}`),
    invite: (ws, role) =>
      request(invitationCreatedSchema, 'POST', `${workspace(ws)}/invitations`, { role }),
    revokeInvitation: (ws, invitationId) =>
      request(noContent, 'DELETE', `${workspace(ws)}/invitations/${id(invitationId)}`),
    invitation: (token) => request(invitationPreviewSchema, 'GET', `/api/invitations/${id(token)}`),
    acceptInvitation: (token, account) =>
      sessionFrom('POST', `/api/invitations/${id(token)}/accept`, account ?? {}),
    async tokens(ws) {
      const { tokens } = await request(apiTokenListSchema, 'GET', `${workspace(ws)}/tokens`);
      return tokens;
    },
    createToken: (ws, name) =>
      request(apiTokenCreatedSchema, 'POST', `${workspace(ws)}/tokens`, { name }),
    revokeToken: (ws, tokenId) =>
      request(noContent, 'DELETE', `${workspace(ws)}/tokens/${id(tokenId)}`),
  };
}
