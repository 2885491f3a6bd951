/**
 * The provider API's contract, written once: the telephony provider's REST
 * API as the designer's provider client speaks it (the in-browser sandbox,
 * a provider at a base URL, or the callbot server, which serves the same
 * API for a workspace under `/api/workspaces/:ws/provider`), and what the
 * server adds: its provider settings (credentials are written, never read
 * back), the call permissions with where each state came from, refused
 * calls, and driving the server's sandbox. Responses are parsed with these
 * schemas, never trusted as they come.
 */
import { z } from 'zod';
import { callPermissionSchema } from '../whatsapp/schema.ts';
import { e164Schema } from '../workspace/fields.ts';

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 code such as BR');

const isoTime = z.iso.datetime({ offset: true });

/** An amount in hundredths of the currency (cents, centavos), as in `@callbot/shared` billing. */
export const providerMoneySchema = z.strictObject({
  amount: z.int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as BRL'),
});
export type ProviderMoney = z.infer<typeof providerMoneySchema>;

export const numberTypes = ['local', 'tollfree', 'mobile'] as const;
export type NumberType = (typeof numberTypes)[number];

/** GET /v1/countries: a country where numbers can be bought. */
export const providerCountrySchema = z.object({
  code: countryCodeSchema,
  /** The provider's English name; the UI may localise it from `code` (Intl.DisplayNames). */
  name: z.string().min(1),
  /** `+55` */
  callingCode: z.string().regex(/^\+[1-9]\d{0,3}$/),
  /** What one number costs per month in this country. */
  monthlyPrice: providerMoneySchema,
  numberTypes: z.array(z.enum(numberTypes)).min(1),
});
export type ProviderCountry = z.infer<typeof providerCountrySchema>;
export const countriesResponseSchema = z.object({ countries: z.array(providerCountrySchema) });

/** What a number can carry. Purchased numbers are voice only (R5). */
export const numberCapabilities = ['voice', 'sms'] as const;

/** GET /v1/numbers/available: one number that can be ordered now. */
export const availableNumberSchema = z.object({
  number: e164Schema,
  country: countryCodeSchema,
  /** The city or region, or the kind of number (toll free, mobile) when it has none. */
  locality: z.string(),
  type: z.enum(numberTypes),
  capabilities: z.array(z.enum(numberCapabilities)),
});
export type AvailableNumber = z.infer<typeof availableNumberSchema>;
export const availableNumbersPageSchema = z.object({
  numbers: z.array(availableNumberSchema),
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: z.string().min(1).nullable(),
});
export type AvailableNumbersPage = z.infer<typeof availableNumbersPageSchema>;

export interface AvailableNumbersQuery {
  country: string;
  /** Digits the number must contain (anywhere after the `+`). */
  contains?: string;
  type?: NumberType;
  /** 1-50, 20 when absent. */
  limit?: number;
  cursor?: string;
}

/** R7: an order goes `requested → in_process → active`, or ends `failed`. */
export const orderStatuses = ['requested', 'in_process', 'active', 'failed'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** POST /v1/numbers/orders, GET /v1/numbers/orders/{orderId}. */
export const orderSchema = z.object({
  orderId: z.string().min(1),
  number: e164Schema,
  country: countryCodeSchema,
  status: z.enum(orderStatuses),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** Why the order failed (`status: 'failed'` only), e.g. `regulatory_rejected`. */
  failureReason: z.string().min(1).nullable(),
});
export type NumberOrder = z.infer<typeof orderSchema>;

/** POST /v1/whatsapp/verify: a number the provider can connect for WhatsApp calls (R1). */
export const whatsappVerificationSchema = z.object({
  number: e164Schema,
  business: z.boolean(),
  calling: z.boolean(),
  /** The business's name as WhatsApp shows it. */
  displayName: z.string(),
});
export type WhatsappVerification = z.infer<typeof whatsappVerificationSchema>;

/** Why a verification is refused (`422 verification_refused`, `reason`). */
export const verificationRefusals = [
  'personal_account',
  'calling_not_enabled',
  'not_on_whatsapp',
] as const;
export type VerificationRefusal = (typeof verificationRefusals)[number];

export const callStatuses = ['ringing', 'answered', 'unanswered', 'failed'] as const;
export type CallStatus = (typeof callStatuses)[number];

/** POST /v1/whatsapp/calls (202), GET /v1/whatsapp/calls/{callId}. */
export const callSchema = z.object({
  callId: z.string().min(1),
  from: e164Schema,
  to: e164Schema,
  status: z.enum(callStatuses),
  startedAt: isoTime,
  /** When it stopped ringing; `null` while ringing. */
  endedAt: isoTime.nullable(),
  /** Why it failed (`status: 'failed'` only), e.g. `unreachable`. */
  failureReason: z.string().min(1).nullable(),
});
export type ProviderCall = z.infer<typeof callSchema>;

export const permissionRequestStatuses = ['sent', 'accepted', 'declined'] as const;
export type PermissionRequestStatus = (typeof permissionRequestStatuses)[number];

/** POST /v1/whatsapp/permission-requests (201), GET …/{requestId}: the invitation template (R13). */
export const permissionRequestSchema = z.object({
  requestId: z.string().min(1),
  from: e164Schema,
  to: e164Schema,
  template: z.object({ name: z.string().min(1), language: z.string().min(2) }),
  status: z.enum(permissionRequestStatuses),
  sentAt: isoTime,
  /** When the customer answered; `null` while `sent`. */
  answeredAt: isoTime.nullable(),
});
export type PermissionRequest = z.infer<typeof permissionRequestSchema>;

export const sipTransports = ['udp', 'tcp', 'tls'] as const;
export type SipTransport = (typeof sipTransports)[number];

export interface SipTarget {
  host: string;
  port: number;
  transport: SipTransport;
}

/** POST /v1/sip/check: whether the provider reaches the PBX (an OPTIONS ping). */
export const sipCheckSchema = z.discriminatedUnion('reachable', [
  z.object({ reachable: z.literal(true), latencyMs: z.int().min(0) }),
  z.object({
    reachable: z.literal(false),
    /** `dns_not_found`, `timeout`, `refused` or `private_address`. */
    reason: z.string().min(1),
  }),
]);
export type SipCheck = z.infer<typeof sipCheckSchema>;

/**
 * Error codes the provider answers with, in `{ error: { code, message, reason? } }`.
 * The client adds its own: `timeout`, `network`, `bad_response`, `unknown`.
 */
export const providerErrorCodes = [
  'invalid_request',
  'unauthorized',
  'not_found',
  'number_taken',
  'order_in_progress',
  'verification_refused',
  'whatsapp_not_verified',
  'rate_limited',
  'internal',
  'unavailable',
] as const;
export const clientErrorCodes = ['timeout', 'network', 'bad_response', 'unknown'] as const;
export type ApiErrorCode = (typeof providerErrorCodes)[number];
export type ProviderErrorCode = ApiErrorCode | (typeof clientErrorCodes)[number];

/** The HTTP status each of the provider's error codes comes with. */
export const providerErrorStatus: Record<ApiErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  not_found: 404,
  number_taken: 409,
  order_in_progress: 409,
  verification_refused: 422,
  whatsapp_not_verified: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export const providerErrorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    /** A finer reason, e.g. `personal_account` for `verification_refused`. */
    reason: z.string().min(1).optional(),
  }),
});
export type ProviderErrorBody = z.infer<typeof providerErrorBodySchema>;

// ------------------------------------------------ what the callbot server adds

/**
 * The answers a customer gives at the provider to the invitation template or
 * later from the call icon (R13-R15), as the server's sandbox can be told to
 * give them: accept for a while or always, decline, withdraw (revoke), or
 * switch a granted permission to temporary or always.
 */
export const customerReplies = [
  'accepted_temporary',
  'accepted_always',
  'declined',
  'revoked',
  'switched_temporary',
  'switched_always',
] as const;
export type CustomerReply = (typeof customerReplies)[number];

/**
 * `POST /api/workspaces/:ws/provider/sandbox/replies` (editor, sandbox only):
 * the customer `number` answers at the sandbox provider, which reports it as a
 * provider event, the way a real provider's webhook would.
 */
export const sandboxReplyRequestSchema = z.strictObject({
  number: e164Schema,
  reply: z.enum(customerReplies, `expected one of ${customerReplies.join(', ')}`),
});
export type SandboxReplyRequest = z.infer<typeof sandboxReplyRequestSchema>;

/** A Twilio account SID: `AC` and 32 hexadecimal digits. */
export const twilioAccountSidSchema = z
  .string()
  .trim()
  .regex(/^AC[0-9a-fA-F]{32}$/, 'a Twilio account SID is AC followed by 32 hexadecimal digits');

/**
 * `PUT /api/workspaces/:ws/provider/credentials` (owner): the workspace's
 * Twilio account. The auth token is stored encrypted and never answered back.
 */
export const providerCredentialsRequestSchema = z.strictObject({
  accountSid: twilioAccountSidSchema,
  authToken: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{32}$/, 'a Twilio auth token is 32 hexadecimal digits'),
  /** The Content SID (`HX…`) of the approved call-permission request template (R13). */
  permissionTemplateSid: z
    .string()
    .trim()
    .regex(/^HX[0-9a-fA-F]{32}$/, 'a template Content SID is HX followed by 32 hexadecimal digits')
    .optional(),
});
export type ProviderCredentialsRequest = z.infer<typeof providerCredentialsRequestSchema>;

/**
 * `GET /api/workspaces/:ws/provider` (viewer): which provider the workspace
 * uses and whether credentials are set; never the credentials themselves.
 */
export const providerStatusSchema = z.object({
  provider: z.enum(['sandbox', 'twilio']),
  credentials: z
    .object({
      /** The account SID's last 4 characters. */
      accountSidEnding: z.string(),
      hasPermissionTemplate: z.boolean(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .nullable(),
  /** Whether the server has a key to encrypt credentials with (CALLBOT_SECRET_KEY); without it, the sandbox only. */
  canStoreCredentials: z.boolean(),
});
export type ProviderStatus = z.infer<typeof providerStatusSchema>;

/** Where a call permission's state came from. */
export const permissionSources = ['provider', 'invitation', 'call', 'import'] as const;
export type PermissionSource = (typeof permissionSources)[number];

/**
 * A customer's call permission with its origin: `provider` a reply the
 * provider reported (`event` what it was), `invitation` the template sent,
 * `call` a call's outcome, `import` a workspace file moved in.
 */
export const permissionWithOriginSchema = z.object({
  permission: callPermissionSchema,
  origin: z
    .object({
      source: z.enum(permissionSources),
      /** e.g. `accepted_always`, `declined`, `invitation_sent`. */
      event: z.string(),
      /** When the provider says it happened (epoch ms). */
      at: z.int(),
    })
    .nullable(),
});
export type PermissionWithOrigin = z.infer<typeof permissionWithOriginSchema>;

/** `GET /api/workspaces/:ws/provider/permissions` (viewer). */
export const permissionListSchema = z.object({ permissions: z.array(permissionWithOriginSchema) });

/**
 * 409 to a WhatsApp call the rules refuse (R13-R15, a line whose calls are
 * not enabled): `reason` names the rule, `retryAt` (epoch ms) says when the
 * same call will be allowed when waiting is enough (the daily limit).
 */
export const callRefusalSchema = z.object({
  error: z.object({
    code: z.literal('call_refused'),
    message: z.string(),
    reason: z.string(),
  }),
  retryAt: z.int().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CallRefusal = z.infer<typeof callRefusalSchema>;
