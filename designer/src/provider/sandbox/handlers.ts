import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { z } from 'zod';
import {
  callView,
  generateNumbers,
  isTakenOnOrder,
  orderView,
  permissionView,
  sandboxCountries as countries,
  seededRandom,
  sipCheckOf,
  whatsappAccountOf,
} from '@callbot/shared';
import {
  e164Schema,
  numberTypes,
  sipTransports,
  providerErrorStatus,
  type ApiErrorCode,
  type Country,
  type WhatsappVerification,
} from '../api.ts';
import { SANDBOX_BASE_URL } from '../settings.ts';

/**
 * The sandbox provider: MSW handlers that implement the API of `../README.md`
 * in memory, with realistic delays and deterministic failures (the README's
 * "Sandbox" section lists which numbers trigger which failure). The rules
 * (numbers, failures, timings) are `@callbot/shared`'s, which the callbot
 * server's sandbox follows too.
 */
export {
  callOutcomeOf,
  failsOnOrder,
  isTakenOnOrder,
  permissionAnswerOf,
  sandboxTimings,
  whatsappAccountOf,
} from '@callbot/shared';

/** Where the sandbox's state survives a reload (the app passes localStorage). */
export type SandboxStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface SandboxOptions {
  /** Requests are matched under this URL (`SANDBOX_BASE_URL` when absent). */
  baseUrl?: string;
  /** Makes the offered numbers; the same seed gives the same numbers. */
  seed?: number;
  /** Milliseconds each answer waits (verifications and calls twice as long); 0 in tests. */
  delayMs?: number;
  /** The sandbox's time, epoch ms: order, call and permission progress follow it. */
  now?: () => number;
  /** When set, requests without `Authorization: Bearer <token>` get 401. */
  requiredToken?: string;
  /** Keeps orders, verified numbers, calls and permission requests across reloads. */
  storage?: SandboxStorage;
}

/** The key of the sandbox's state in the storage it is given. */
export const SANDBOX_STORAGE_KEY = 'callbot.designer.provider.sandbox';

const storedStateSchema = z.object({
  counter: z.int().min(0),
  taken: z.array(z.string()),
  orders: z.array(
    z.object({
      orderId: z.string(),
      number: z.string(),
      country: z.string(),
      createdAt: z.number(),
    }),
  ),
  released: z.array(z.string()),
  verified: z.array(z.object({ number: z.string(), displayName: z.string() })),
  calls: z.array(
    z.object({ callId: z.string(), from: z.string(), to: z.string(), startedAt: z.number() }),
  ),
  permissionRequests: z.array(
    z.object({ requestId: z.string(), from: z.string(), to: z.string(), sentAt: z.number() }),
  ),
});
type SandboxState = z.infer<typeof storedStateSchema>;

const emptyState = (): SandboxState => ({
  counter: 0,
  taken: [],
  orders: [],
  released: [],
  verified: [],
  calls: [],
  permissionRequests: [],
});

const fail = (code: ApiErrorCode, message: string, reason?: string) =>
  HttpResponse.json(
    { error: { code, message, ...(reason && { reason }) } },
    { status: providerErrorStatus[code] },
  );

async function readBody<T>(request: Request, schema: z.ZodType<T>) {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { error: fail('invalid_request', 'The body is not JSON.') } as const;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      error: fail('invalid_request', `${issue.path.join('.') || 'body'}: ${issue.message}`),
    } as const;
  }
  return { data: parsed.data } as const;
}

/** The sandbox provider's MSW handlers (use them with `sandboxTransport`, or any MSW setup). */
export function createSandboxHandlers(options: SandboxOptions = {}): RequestHandler[] {
  const base = (options.baseUrl ?? SANDBOX_BASE_URL).replace(/\/+$/, '');
  const now = options.now ?? (() => Date.now());
  const delayMs = options.delayMs ?? 300;
  const numbers = generateNumbers(options.seed ?? 6);
  const state = load();

  function load(): SandboxState {
    try {
      const raw = options.storage?.getItem(SANDBOX_STORAGE_KEY);
      const parsed = storedStateSchema.safeParse(raw ? JSON.parse(raw) : null);
      if (parsed.success) return parsed.data;
    } catch {
      // An unreadable saved sandbox starts afresh.
    }
    return emptyState();
  }
  const save = () => options.storage?.setItem(SANDBOX_STORAGE_KEY, JSON.stringify(state));
  const nextId = (prefix: string) => `${prefix}_${String(++state.counter).padStart(6, '0')}`;

  /** Waits like a real provider would, then checks the token. */
  async function arrive(request: Request, slow = 1): Promise<Response | undefined> {
    if (delayMs > 0) await delay(delayMs * slow);
    if (
      options.requiredToken !== undefined &&
      request.headers.get('authorization') !== `Bearer ${options.requiredToken}`
    ) {
      return fail('unauthorized', 'A valid bearer token is required.');
    }
    return undefined;
  }

  /** The number's order that was not released, if any. */
  const ownedOrder = (number: string) =>
    state.orders.find((o) => o.number === number && !state.released.includes(o.orderId));
  const isOrdered = (number: string) => ownedOrder(number) !== undefined;

  const orderBody = z.object({ country: z.string(), number: e164Schema });
  const callBody = z.object({ from: e164Schema, to: e164Schema });
  const sipBody = z.object({
    host: z.string().trim().min(1).max(253),
    port: z.int().min(1).max(65_535),
    transport: z.enum(sipTransports),
  });

  return [
    http.get(`${base}/v1/countries`, async ({ request }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      return HttpResponse.json({
        countries: countries.map((c): Country => ({
          code: c.code,
          name: c.name,
          callingCode: c.callingCode,
          monthlyPrice: c.monthlyPrice,
          numberTypes: c.numberTypes,
        })),
      });
    }),

    http.get(`${base}/v1/numbers/available`, async ({ request }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      const url = new URL(request.url);
      const code = url.searchParams.get('country') ?? '';
      if (!countries.some((c) => c.code === code)) {
        return fail('invalid_request', `country: no numbers are sold in "${code}"`);
      }
      const contains = url.searchParams.get('contains') ?? '';
      if (!/^\d{0,15}$/.test(contains)) {
        return fail('invalid_request', 'contains: digits only');
      }
      const type = url.searchParams.get('type');
      if (type !== null && !(numberTypes as readonly string[]).includes(type)) {
        return fail('invalid_request', `type: one of ${numberTypes.join(', ')}`);
      }
      const limit = Number(url.searchParams.get('limit') ?? 20);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) {
        return fail('invalid_request', 'limit: a whole number from 1 to 50');
      }
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      if (!Number.isInteger(offset) || offset < 0) {
        return fail('invalid_request', 'cursor: not a cursor this API gave');
      }
      const matching = numbers.filter(
        (n) =>
          n.country === code &&
          (type === null || n.type === type) &&
          n.number.slice(1).includes(contains) &&
          !state.taken.includes(n.number) &&
          !isOrdered(n.number),
      );
      const page = matching.slice(offset, offset + limit);
      return HttpResponse.json({
        numbers: page,
        nextCursor: offset + limit < matching.length ? String(offset + limit) : null,
      });
    }),

    http.post(`${base}/v1/numbers/orders`, async ({ request }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      const body = await readBody(request, orderBody);
      if (body.error) return body.error;
      const { country: code, number } = body.data;
      const offered = numbers.find((n) => n.number === number && n.country === code);
      if (!offered) {
        return fail('not_found', `${number} is not a number offered in ${code}.`);
      }
      if (state.taken.includes(number) || isOrdered(number) || isTakenOnOrder(number)) {
        if (!state.taken.includes(number) && !isOrdered(number)) state.taken.push(number);
        save();
        return fail('number_taken', `${number} was bought by someone else meanwhile.`);
      }
      const order = { orderId: nextId('ord'), number, country: code, createdAt: now() };
      state.orders.push(order);
      save();
      return HttpResponse.json(orderView(order, now()), { status: 201 });
    }),

    http.get(`${base}/v1/numbers/orders/:orderId`, async ({ request, params }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      const order = state.orders.find((o) => o.orderId === params.orderId);
      if (!order) return fail('not_found', `No order ${String(params.orderId)}.`);
      return HttpResponse.json(orderView(order, now()));
    }),

    http.delete(`${base}/v1/numbers/:number`, async ({ request, params }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      const number = String(params.number);
      const order = ownedOrder(number);
      const status = order && orderView(order, now()).status;
      if (!order || status === 'failed') {
        return fail('not_found', `${number} is not a number of this account.`);
      }
      if (status !== 'active') {
        return fail(
          'order_in_progress',
          `${number} cannot be released while its order is ${status === 'requested' ? 'requested' : 'in process'}.`,
        );
      }
      state.released.push(order.orderId);
      save();
      return new HttpResponse(null, { status: 204 });
    }),

    http.post(`${base}/v1/whatsapp/verify`, async ({ request }) => {
      const refused = await arrive(request, 2);
      if (refused) return refused;
      const body = await readBody(request, z.object({ number: e164Schema }));
      if (body.error) return body.error;
      const { number } = body.data;
      const account = whatsappAccountOf(number);
      if ('refused' in account) {
        const why = {
          personal_account: 'is a personal WhatsApp account, not WhatsApp Business',
          calling_not_enabled: 'is a WhatsApp Business account without calling enabled',
          not_on_whatsapp: 'is not on WhatsApp',
        }[account.refused];
        return fail('verification_refused', `${number} ${why}.`, account.refused);
      }
      if (!state.verified.some((v) => v.number === number)) {
        state.verified.push({ number, displayName: account.displayName });
        save();
      }
      const verification: WhatsappVerification = {
        number,
        business: true,
        calling: true,
        displayName: account.displayName,
      };
      return HttpResponse.json(verification);
    }),

    http.post(`${base}/v1/whatsapp/calls`, async ({ request }) => {
      const refused = await arrive(request, 2);
      if (refused) return refused;
      const body = await readBody(request, callBody);
      if (body.error) return body.error;
      const { from, to } = body.data;
      if (!state.verified.some((v) => v.number === from)) {
        return fail('whatsapp_not_verified', `${from} is not a verified WhatsApp line.`);
      }
      const call = { callId: nextId('call'), from, to, startedAt: now() };
      state.calls.push(call);
      save();
      return HttpResponse.json(callView(call, now()), { status: 202 });
    }),

    http.get(`${base}/v1/whatsapp/calls/:callId`, async ({ request, params }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      const call = state.calls.find((c) => c.callId === params.callId);
      if (!call) return fail('not_found', `No call ${String(params.callId)}.`);
      return HttpResponse.json(callView(call, now()));
    }),

    http.post(`${base}/v1/whatsapp/permission-requests`, async ({ request }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      const body = await readBody(request, callBody);
      if (body.error) return body.error;
      const { from, to } = body.data;
      if (!state.verified.some((v) => v.number === from)) {
        return fail('whatsapp_not_verified', `${from} is not a verified WhatsApp line.`);
      }
      const sent = { requestId: nextId('perm'), from, to, sentAt: now() };
      state.permissionRequests.push(sent);
      save();
      return HttpResponse.json(permissionView(sent, now()), { status: 201 });
    }),

    http.get(`${base}/v1/whatsapp/permission-requests/:requestId`, async ({ request, params }) => {
      const refused = await arrive(request);
      if (refused) return refused;
      const sent = state.permissionRequests.find((p) => p.requestId === params.requestId);
      if (!sent) return fail('not_found', `No permission request ${String(params.requestId)}.`);
      return HttpResponse.json(permissionView(sent, now()));
    }),

    http.post(`${base}/v1/sip/check`, async ({ request }) => {
      const refused = await arrive(request, 2);
      if (refused) return refused;
      const body = await readBody(request, sipBody);
      if (body.error) return body.error;
      return HttpResponse.json(sipCheckOf(body.data.host, seededRandom(body.data.port)));
    }),
  ];
}
