/**
 * The accounts API's contract, written once: accounts, sessions, workspaces,
 * members, invitations and API tokens, as zod schemas with their types
 * inferred. The server (`@callbot/server`) parses requests with them and the
 * designer's client parses the answers.
 *
 * Requests are strict (an unknown field is refused, naming it); answers are
 * read leniently (a newer server may add fields). Times are ISO 8601 strings.
 *
 * Who is calling: the session cookie ({@link SESSION_COOKIE}) or
 * `Authorization: Bearer <api token>`. A state-changing request (POST, PUT,
 * PATCH, DELETE) authenticated by the cookie carries {@link CSRF_HEADER}
 * equal to the session's `csrfToken` (from `GET /api/session`); bearer
 * requests need none. Refusals are {@link accountErrorSchema}: 401 not
 * signed in, 403 role too low or CSRF, 404 workspace unknown or not a member
 * (other workspaces are never revealed), 409 conflict, 422 invalid body
 * (the message names the field), 429 throttled (`retryAfterSeconds`).
 */
import { z } from 'zod';
import { apiErrorSchema } from './publish.ts';

/** The roles in a workspace, from the least to the most allowed. */
export const roles = ['viewer', 'trainer', 'editor', 'owner'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Whether `role` may do what `min` may (`roleAtLeast('editor', 'trainer')` is true). */
export function roleAtLeast(role: Role, min: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(min);
}

/** The session cookie's name (HttpOnly, SameSite=Lax, Path=/, Secure over https). */
export const SESSION_COOKIE = 'callbot_session';
/** The header carrying the session's CSRF token on cookie-authenticated state changes. */
export const CSRF_HEADER = 'x-csrf-token';

/** Passwords: at least 8 characters (NIST SP 800-63B), at most 200. */
export const PASSWORD_MIN = 8;
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN, `a password has at least ${PASSWORD_MIN} characters`)
  .max(200, 'a password has at most 200 characters');

/** An email address, trimmed and compared in lower case. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'an email address has at most 254 characters')
  .pipe(z.email('expected an email address, e.g. ana@example.com'));

/** A person's display name. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, 'a name cannot be empty')
  .max(100, 'a name has at most 100 characters');

/** A workspace's name. */
export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, 'a workspace name cannot be empty')
  .max(100, 'a workspace name has at most 100 characters');

/** An API token's name (what it is for: "CI", "deploy script"). */
export const tokenNameSchema = z
  .string()
  .trim()
  .min(1, 'a token name cannot be empty')
  .max(100, 'a token name has at most 100 characters');

// ---------------------------------------------------------------- answers

export const userSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type User = z.infer<typeof userSchema>;

/** A workspace as its member sees it: with the member's role. */
export const workspaceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;

/**
 * `GET /api/session` (public, never 401), and the answer to setup, login and
 * accepting an invitation. Signed out: `user` and `csrfToken` are null and
 * `workspaces` is empty; `setupNeeded` is true while no account exists.
 */
export const sessionSchema = z.object({
  user: userSchema.nullable(),
  setupNeeded: z.boolean(),
  csrfToken: z.string().nullable(),
  workspaces: z.array(workspaceSummarySchema),
});
export type Session = z.infer<typeof sessionSchema>;

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
});
export type Member = z.infer<typeof memberSchema>;

/** An invitation not yet used nor expired; `createdBy` is the inviting member's name. */
export const invitationSummarySchema = z.object({
  id: z.string(),
  role: roleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  createdBy: z.string(),
});
export type InvitationSummary = z.infer<typeof invitationSummarySchema>;

/**
 * `GET /api/workspaces/:ws/members` (viewer+): every member; the open
 * invitations only for an owner (an empty list for the other roles).
 */
export const membersSchema = z.object({
  members: z.array(memberSchema),
  invitations: z.array(invitationSummarySchema),
});
export type Members = z.infer<typeof membersSchema>;

/** 201 to `POST /api/workspaces/:ws/invitations`: `link` is `<public url>/invite?token=…`, shown once. */
export const invitationCreatedSchema = z.object({
  id: z.string(),
  role: roleSchema,
  link: z.string(),
  expiresAt: z.string(),
});
export type InvitationCreated = z.infer<typeof invitationCreatedSchema>;

/** `GET /api/invitations/:token` (public; 404 when unknown, used or expired). */
export const invitationPreviewSchema = z.object({
  workspaceName: z.string(),
  role: roleSchema,
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/** One of the caller's API tokens, without its secret. */
export const apiTokenSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

/** `GET /api/workspaces/:ws/tokens` (viewer+): the caller's own tokens in that workspace. */
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSummarySchema) });
export type ApiTokenList = z.infer<typeof apiTokenListSchema>;

/** 201 to `POST /api/workspaces/:ws/tokens`: `token` is shown this once (the server keeps a hash). */
export const apiTokenCreatedSchema = apiTokenSummarySchema
  .omit({ lastUsedAt: true })
  .extend({ token: z.string() });
export type ApiTokenCreated = z.infer<typeof apiTokenCreatedSchema>;

/**
 * A refusal: the publish API's error with, on a 429, the seconds to wait, and
 * on a 409 `token_name_taken` the caller's token that has the name.
 */
export const accountErrorSchema = apiErrorSchema.extend({
  retryAfterSeconds: z.number().int().positive().optional(),
  existing: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type AccountError = z.infer<typeof accountErrorSchema>;

/** The error codes the accounts API answers with. */
export const ACCOUNT_ERRORS = {
  /** 401: no valid session cookie nor bearer token, or a wrong email/password at login. */
  unauthorized: 'unauthorized',
  /** 403: the caller's role in the workspace is below the route's. */
  forbidden: 'forbidden',
  /** 403: a cookie-authenticated state change without the right `x-csrf-token`. */
  csrf: 'csrf',
  /** 403: the setup token is wrong, or setup is over. */
  setupToken: 'setup_token',
  /** 404: unknown, or not visible to the caller. */
  notFound: 'not_found',
  /** 409: the email already has an account. */
  emailTaken: 'email_taken',
  /** 409: the caller is already a member of the workspace. */
  alreadyMember: 'already_member',
  /** 409: the last owner cannot be demoted nor removed. */
  lastOwner: 'last_owner',
  /**
   * 409: the caller already has a token of this name in the workspace (`sameName`: case and
   * spaces do not count), else two could not be told apart when revoking; `existing` names it.
   */
  tokenNameTaken: 'token_name_taken',
  /** 422: the body does not fit the schema; the message names the field. */
  invalidRequest: 'invalid_request',
  /** 429: too many failed logins; `retryAfterSeconds` says when to try again. */
  throttled: 'throttled',
} as const;

// ---------------------------------------------------------------- requests

/** `POST /api/setup`: only while no account exists; 201 {@link Session} and the cookie. */
export const setupRequestSchema = z.strictObject({
  setupToken: z.string().min(1, 'the setup token is missing').max(200),
  email: emailSchema,
  name: personNameSchema,
  password: passwordSchema,
  workspaceName: workspaceNameSchema,
});
export type SetupRequest = z.infer<typeof setupRequestSchema>;

/** `POST /api/login`: 200 {@link Session} and the cookie; 401 wrong; 429 throttled. */
export const loginRequestSchema = z.strictObject({
  email: emailSchema,
  // Any length is checked (and refused) the same way: a login never says which rule a password breaks.
  password: z.string().min(1, 'the password is missing').max(200),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** `POST /api/workspaces` (signed in): 201 {@link WorkspaceSummary} with role owner. */
export const workspaceCreateSchema = z.strictObject({ name: workspaceNameSchema });
/** `PATCH /api/workspaces/:ws` (owner): 200 {@link WorkspaceSummary}. */
export const workspaceUpdateSchema = z.strictObject({ name: workspaceNameSchema });

/** `PATCH /api/workspaces/:ws/members/:userId` (owner): 200 {@link Member}. */
export const memberUpdateSchema = z.strictObject({ role: roleSchema });

/** `POST /api/workspaces/:ws/invitations` (owner): 201 {@link InvitationCreated}. */
export const invitationCreateSchema = z.strictObject({ role: roleSchema });

/**
 * `POST /api/invitations/:token/accept`: a signed-in caller joins with no
 * body; otherwise `email`, `name` and `password` create the account (409
 * `email_taken` when it exists: sign in first). 200 {@link Session}.
 */
export const invitationAcceptSchema = z.strictObject({
  email: emailSchema.optional(),
  name: personNameSchema.optional(),
  password: passwordSchema.optional(),
});
export type InvitationAccept = z.infer<typeof invitationAcceptSchema>;

/** `POST /api/workspaces/:ws/tokens`: 201 {@link ApiTokenCreated}. */
export const apiTokenCreateSchema = z.strictObject({ name: tokenNameSchema });
