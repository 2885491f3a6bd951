import { e164Schema } from '@callbot/shared';
import { z } from 'zod';

/**
 * The telephony provider's REST API, as documented in `./README.md`: every
 * request body the client sends and every response it accepts. Responses are
 * parsed with these schemas, never trusted as they come.
 */

/** A phone number in E.164: the one schema, from `@callbot/shared`. */
export { e164Schema };

export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 code such as BR');

const isoTime = z.iso.datetime({ offset: true });

/** An amount in hundredths of the currency (cents, centavos), as in `@callbot/shared` billing. */
export const moneySchema = z.strictObject({
  amount: z.int().min(0),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as BRL'),
});
export type Money = z.infer<typeof moneySchema>;

export const numberTypes = ['local', 'tollfree', 'mobile'] as const;
export type NumberType = (typeof numberTypes)[number];

/** GET /v1/countries: a country where numbers can be bought. */
export const countrySchema = z.object({
  code: countryCodeSchema,
  /** The provider's English name; the UI may localise it from `code` (Intl.DisplayNames). */
  name: z.string().min(1),
  /** `+55` */
  callingCode: z.string().regex(/^\+[1-9]\d{0,3}$/),
  /** What one number costs per month in this country. */
  monthlyPrice: moneySchema,
  numberTypes: z.array(z.enum(numberTypes)).min(1),
});
export type Country = z.infer<typeof countrySchema>;
export const countriesResponseSchema = z.object({ countries: z.array(countrySchema) });

/** What a number can carry. Purchased numbers are voice only (R5). */
export const capabilities = ['voice', 'sms'] as const;

/** GET /v1/numbers/available: one number that can be ordered now. */
export const availableNumberSchema = z.object({
  number: e164Schema,
  country: countryCodeSchema,
  /** The city or region, or the kind of number (toll free, mobile) when it has none. */
  locality: z.string(),
  type: z.enum(numberTypes),
  capabilities: z.array(z.enum(capabilities)),
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
export type Order = z.infer<typeof orderSchema>;

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
export type Call = z.infer<typeof callSchema>;

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

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    /** A finer reason, e.g. `personal_account` for `verification_refused`. */
    reason: z.string().min(1).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
