import { callRefusalSchema } from '@callbot/shared';
import type { z } from 'zod';
import {
  availableNumbersPageSchema,
  callSchema,
  countriesResponseSchema,
  errorBodySchema,
  orderSchema,
  permissionRequestSchema,
  providerErrorCodes,
  sipCheckSchema,
  whatsappVerificationSchema,
  type AvailableNumbersPage,
  type AvailableNumbersQuery,
  type Call,
  type Country,
  type Order,
  type PermissionRequest,
  type ProviderErrorCode,
  type SipCheck,
  type SipTarget,
  type WhatsappVerification,
} from './api.ts';

/** How requests reach the provider: `fetchTransport` over the network, or the in-process sandbox. */
export type Transport = (request: Request) => Promise<Response>;

export const fetchTransport: Transport = (request) => fetch(request);

/** What went wrong, typed: the provider's error code, or one of the client's own. */
export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  /** The HTTP status; 0 when no answer came (timeout, network). */
  readonly status: number;
  /** Worth trying again later as it is (timeouts, network, rate limits, 5xx). */
  readonly retryable: boolean;
  /** A finer reason from the provider, e.g. `personal_account`, or the rule that refused a call. */
  readonly reason: string | undefined;
  /** When the same request will be allowed (epoch ms), when a refusal says (a daily limit). */
  readonly retryAt: number | undefined;
  /** The refusal's figures (a limit, a count), when it gives them. */
  readonly params: Readonly<Record<string, string | number>> | undefined;

  constructor(init: {
    code: ProviderErrorCode;
    status: number;
    message: string;
    reason?: string;
    retryAt?: number;
    params?: Readonly<Record<string, string | number>>;
  }) {
    super(init.message);
    this.name = 'ProviderError';
    this.code = init.code;
    this.status = init.status;
    this.reason = init.reason;
    this.retryAt = init.retryAt;
    this.params = init.params;
    this.retryable =
      init.code === 'timeout' ||
      init.code === 'network' ||
      init.code === 'rate_limited' ||
      init.status >= 500;
  }
}

export interface ProviderClientOptions {
  /** E.g. `https://api.provider.example`; paths (`/v1/…`) are added to it. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer …` when given. */
  token?: string;
  transport?: Transport;
  /** Each request is abandoned after this long (10 s when absent). */
  timeoutMs?: number;
}

/** Per call: a signal to abandon it early (e.g. the page closed). */
export interface CallOptions {
  signal?: AbortSignal;
}

export interface ProviderClient {
  listCountries(options?: CallOptions): Promise<Country[]>;
  listAvailableNumbers(
    query: AvailableNumbersQuery,
    options?: CallOptions,
  ): Promise<AvailableNumbersPage>;
  /** 409 `number_taken` when someone bought it meanwhile. */
  orderNumber(input: { country: string; number: string }, options?: CallOptions): Promise<Order>;
  getOrder(orderId: string, options?: CallOptions): Promise<Order>;
  /** 409 `order_in_progress` while its order is requested or in process (R7). */
  releaseNumber(number: string, options?: CallOptions): Promise<void>;
  /** 422 `verification_refused` (reason) for a personal number or one without calling (R1). */
  verifyWhatsappNumber(number: string, options?: CallOptions): Promise<WhatsappVerification>;
  placeWhatsappCall(input: { from: string; to: string }, options?: CallOptions): Promise<Call>;
  getWhatsappCall(callId: string, options?: CallOptions): Promise<Call>;
  /** Sends the invitation template asking the customer's permission to call (R13). */
  requestCallPermission(
    input: { from: string; to: string },
    options?: CallOptions,
  ): Promise<PermissionRequest>;
  getPermissionRequest(requestId: string, options?: CallOptions): Promise<PermissionRequest>;
  checkSip(target: SipTarget, options?: CallOptions): Promise<SipCheck>;
}

const knownCodes: ReadonlySet<string> = new Set(providerErrorCodes);

/** What a refusal may say besides its error (the callbot server's refused calls: `callRefusalSchema`). */
const refusalExtraSchema = callRefusalSchema.pick({ retryAt: true, params: true });

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}

/** A typed client of the provider API (see `./README.md`). */
export function createProviderClient(options: ProviderClientOptions): ProviderClient {
  const transport = options.transport ?? fetchTransport;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const base = options.baseUrl.replace(/\/+$/, '');

  async function send<T>(
    method: string,
    path: string,
    schema: z.ZodType<T> | null,
    body: unknown,
    call: CallOptions | undefined,
  ): Promise<T> {
    const what = `${method} ${path.split('?')[0]}`;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const abortFromCaller = () => controller.abort(call?.signal?.reason);
    call?.signal?.addEventListener('abort', abortFromCaller, { once: true });
    if (call?.signal?.aborted) controller.abort(call.signal.reason);

    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const request = new Request(base + path, {
      method,
      headers,
      signal: controller.signal,
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });

    const aborted = new Promise<never>((_, reject) => {
      const fail = () =>
        reject(
          timedOut
            ? new ProviderError({
                code: 'timeout',
                status: 0,
                message: `${what}: no answer from the provider within ${timeoutMs} ms`,
              })
            : (controller.signal.reason as Error),
        );
      if (controller.signal.aborted) fail();
      else controller.signal.addEventListener('abort', fail, { once: true });
    });

    try {
      const response = await Promise.race([
        transport(request).catch((cause: unknown) => {
          // Aborted: `aborted` says why (timeout, or the caller's reason).
          if (controller.signal.aborted) return aborted;
          throw new ProviderError({
            code: 'network',
            status: 0,
            message: `${what}: the provider could not be reached (${String(cause)})`,
          });
        }),
        aborted,
      ]);
      const text = await Promise.race([response.text(), aborted]);
      let json: unknown = undefined;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON: handled below as an unexpected answer.
      }

      if (!response.ok) {
        const parsed = errorBodySchema.safeParse(json);
        if (parsed.success) {
          const { code, message, reason } = parsed.data.error;
          const extra = refusalExtraSchema.safeParse(json);
          throw new ProviderError({
            code: knownCodes.has(code) ? (code as ProviderErrorCode) : 'unknown',
            status: response.status,
            message: message || `${what}: ${code}`,
            ...(reason && { reason }),
            ...(extra.success &&
              extra.data.retryAt !== undefined && { retryAt: extra.data.retryAt }),
            ...(extra.success && extra.data.params && { params: extra.data.params }),
          });
        }
        throw new ProviderError({
          code:
            response.status === 401
              ? 'unauthorized'
              : response.status === 404
                ? 'not_found'
                : 'unknown',
          status: response.status,
          message: `${what}: HTTP ${response.status} without a documented error body`,
        });
      }

      if (schema === null) return undefined as T;
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        throw new ProviderError({
          code: 'bad_response',
          status: response.status,
          message: `${what}: the provider's answer is not as documented (${
            json === undefined ? 'not JSON' : describeIssues(parsed.error)
          })`,
        });
      }
      return parsed.data;
    } finally {
      clearTimeout(timer);
      call?.signal?.removeEventListener('abort', abortFromCaller);
    }
  }

  const id = (value: string) => encodeURIComponent(value);

  return {
    async listCountries(call) {
      const { countries } = await send(
        'GET',
        '/v1/countries',
        countriesResponseSchema,
        undefined,
        call,
      );
      return countries;
    },
    listAvailableNumbers(query, call) {
      const params = new URLSearchParams({ country: query.country });
      if (query.contains) params.set('contains', query.contains);
      if (query.type) params.set('type', query.type);
      if (query.limit !== undefined) params.set('limit', String(query.limit));
      if (query.cursor) params.set('cursor', query.cursor);
      return send(
        'GET',
        `/v1/numbers/available?${params.toString()}`,
        availableNumbersPageSchema,
        undefined,
        call,
      );
    },
    orderNumber(input, call) {
      return send('POST', '/v1/numbers/orders', orderSchema, input, call);
    },
    getOrder(orderId, call) {
      return send('GET', `/v1/numbers/orders/${id(orderId)}`, orderSchema, undefined, call);
    },
    releaseNumber(number, call) {
      return send('DELETE', `/v1/numbers/${id(number)}`, null, undefined, call);
    },
    verifyWhatsappNumber(number, call) {
      return send('POST', '/v1/whatsapp/verify', whatsappVerificationSchema, { number }, call);
    },
    placeWhatsappCall(input, call) {
      return send('POST', '/v1/whatsapp/calls', callSchema, input, call);
    },
    getWhatsappCall(callId, call) {
      return send('GET', `/v1/whatsapp/calls/${id(callId)}`, callSchema, undefined, call);
    },
    requestCallPermission(input, call) {
      return send('POST', '/v1/whatsapp/permission-requests', permissionRequestSchema, input, call);
    },
    getPermissionRequest(requestId, call) {
      return send(
        'GET',
        `/v1/whatsapp/permission-requests/${id(requestId)}`,
        permissionRequestSchema,
        undefined,
        call,
      );
    },
    checkSip(target, call) {
      return send('POST', '/v1/sip/check', sipCheckSchema, target, call);
    },
  };
}
