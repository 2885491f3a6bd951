/**
 * The provider's routes. Under `/api/workspaces/:ws/provider/`, for members:
 * - `v1/…`: the provider API of the contract (`@callbot/shared`'s
 *   `api/provider.ts`), served for the workspace by its own adapter, so the
 *   designer's provider client talks to the server as it talks to a
 *   provider; the server keeps the records and applies the rules (orders,
 *   permission requests, R13-R15 on calls);
 * - the provider settings (owner: credentials in, never out), the call
 *   permissions with their origin, and the sandbox's customer replies.
 * And the provider's webhooks, `POST /provider/:ws/webhooks/{orders,
 * permissions,calls}`, form-encoded, signed with the workspace's auth token
 * (`X-Twilio-Signature`), applied once each (`handleProviderWebhook`).
 */
import {
  callRefusalSchema,
  e164Schema,
  numberTypes,
  providerCredentialsRequestSchema,
  sandboxReplyRequestSchema,
  sipTransports,
  type CallRefusal,
  type Role,
} from '@callbot/shared';
import { z } from 'zod';
import { route, type AnyRoute, type Reply, type RouteContext } from '../router.ts';
import { verifyTwilioSignature } from '../signature.ts';
import { ProviderFailure, type ProviderEvent } from './adapter.ts';
import type { ProviderService } from './service.ts';

const base = '/api/workspaces/:ws/provider';

/** A refusal in the provider API's error format (what the designer's provider client reads). */
const fail = (status: number, code: string, message: string, reason?: string): Reply => ({
  status,
  body: { error: { code, message, ...(reason && { reason }) } },
});

function parse<T>(schema: z.ZodType<T>, value: unknown): { data: T } | { reply: Reply } {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return { data: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    reply: fail(
      400,
      'invalid_request',
      `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`,
    ),
  };
}

const pairBody = z.strictObject({ from: e164Schema, to: e164Schema });
const orderBody = z.strictObject({ country: z.string().regex(/^[A-Z]{2}$/), number: e164Schema });
const sipBody = z.strictObject({
  host: z.string().trim().min(1).max(253),
  port: z.int().min(1).max(65_535),
  transport: z.enum(sipTransports),
});

/** A provider failure as its contract's error; anything else goes on up (a 500, logged). */
async function guarded(fn: () => Promise<Reply>): Promise<Reply> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof ProviderFailure) return { status: error.status, body: error.body() };
    throw error;
  }
}

type Ctx = RouteContext<Role>;
const wsOf = (ctx: Ctx) => ctx.caller.workspace.id;
const actorOf = (ctx: Ctx) => ({ id: ctx.caller.user.id, name: ctx.caller.user.name });

export function providerRoutes(service: ProviderService): AnyRoute[] {
  const adapter = (ctx: Ctx) => service.adapterFor(wsOf(ctx));
  return [
    route({
      method: 'GET',
      path: base,
      access: 'viewer',
      handler: async (ctx) => ({ status: 200, body: await service.credentials.status(wsOf(ctx)) }),
    }),
    route({
      method: 'PUT',
      path: `${base}/credentials`,
      access: 'owner',
      async handler(ctx) {
        const body = parse(providerCredentialsRequestSchema, ctx.body);
        if ('reply' in body) return body.reply;
        const ws = ctx.caller.workspace.id;
        const status = await service.credentials.status(ws);
        if (!status.canStoreCredentials) {
          return fail(
            409,
            'no_secret_key',
            'This server has no CALLBOT_SECRET_KEY, so it cannot keep provider credentials: the sandbox is used until one is set.',
          );
        }
        await service.credentials.save(ws, body.data, ctx.caller.user.name, ctx.now);
        return { status: 200, body: await service.credentials.status(ws) };
      },
    }),
    route({
      method: 'DELETE',
      path: `${base}/credentials`,
      access: 'owner',
      async handler(ctx) {
        await service.credentials.clear(ctx.caller.workspace.id);
        return { status: 200, body: await service.credentials.status(ctx.caller.workspace.id) };
      },
    }),
    route({
      method: 'GET',
      path: `${base}/permissions`,
      access: 'viewer',
      handler: async (ctx) => ({
        status: 200,
        body: { permissions: await service.permissions(wsOf(ctx)) },
      }),
    }),
    route({
      method: 'POST',
      path: `${base}/sandbox/replies`,
      access: 'editor',
      async handler(ctx) {
        const body = parse(sandboxReplyRequestSchema, ctx.body);
        if ('reply' in body) return body.reply;
        const ws = ctx.caller.workspace.id;
        if ((await service.adapterFor(ws)).kind !== 'sandbox') {
          return fail(
            409,
            'not_sandbox',
            'This workspace uses a real provider: its customers answer there.',
          );
        }
        await service.sandbox.reply(ws, body.data.number, body.data.reply);
        const found = (await service.permissions(ws)).find(
          (p) => p.permission.number === body.data.number,
        );
        return { status: 200, body: found ?? null };
      },
    }),

    // ---- the provider API for this workspace (the designer's provider client speaks it)
    route({
      method: 'GET',
      path: `${base}/v1/countries`,
      access: 'viewer',
      handler: (ctx) =>
        guarded(async () => ({
          status: 200,
          body: { countries: await (await adapter(ctx)).listCountries() },
        })),
    }),
    route({
      method: 'GET',
      path: `${base}/v1/numbers/available`,
      access: 'viewer',
      handler: (ctx) =>
        guarded(async () => {
          const q = ctx.query;
          const type = q.get('type');
          if (type !== null && !numberTypes.some((t) => t === type)) {
            return fail(400, 'invalid_request', `type: one of ${numberTypes.join(', ')}`);
          }
          const limit = q.get('limit');
          const page = await (
            await adapter(ctx)
          ).searchNumbers({
            country: q.get('country') ?? '',
            ...(q.get('contains') && { contains: q.get('contains')! }),
            ...(type !== null && { type: type as (typeof numberTypes)[number] }),
            ...(limit !== null && { limit: Number(limit) }),
            ...(q.get('cursor') && { cursor: q.get('cursor')! }),
          });
          return { status: 200, body: page };
        }),
    }),
    route({
      method: 'POST',
      path: `${base}/v1/numbers/orders`,
      access: 'editor',
      handler: (ctx) =>
        guarded(async () => {
          const body = parse(orderBody, ctx.body);
          if ('reply' in body) return body.reply;
          return {
            status: 201,
            body: await service.orderNumber(wsOf(ctx), body.data, ctx.origin),
          };
        }),
    }),
    route({
      method: 'GET',
      path: `${base}/v1/numbers/orders/:orderId`,
      access: 'viewer',
      async handler(ctx) {
        const order = await service.getOrder(wsOf(ctx), ctx.params.orderId!);
        return order
          ? { status: 200, body: order }
          : fail(404, 'not_found', 'No such order in this workspace.');
      },
    }),
    route({
      method: 'DELETE',
      path: `${base}/v1/numbers/:number`,
      access: 'editor',
      handler: (ctx) =>
        guarded(async () => {
          const number = parse(e164Schema, ctx.params.number);
          if ('reply' in number) return number.reply;
          await (await adapter(ctx)).releaseNumber(number.data);
          return { status: 204, body: null };
        }),
    }),
    route({
      method: 'POST',
      path: `${base}/v1/whatsapp/verify`,
      access: 'editor',
      handler: (ctx) =>
        guarded(async () => {
          const body = parse(z.strictObject({ number: e164Schema }), ctx.body);
          if ('reply' in body) return body.reply;
          return { status: 200, body: await (await adapter(ctx)).whatsappSender(body.data.number) };
        }),
    }),
    route({
      method: 'POST',
      path: `${base}/v1/whatsapp/permission-requests`,
      access: 'editor',
      handler: (ctx) =>
        guarded(async () => {
          const body = parse(pairBody, ctx.body);
          if ('reply' in body) return body.reply;
          const sent = await service.requestPermission(wsOf(ctx), body.data, actorOf(ctx));
          if (!sent.ok) {
            return {
              status: 429,
              body: {
                ...(fail(429, 'rate_limited', sent.refusal.message, sent.refusal.rule)
                  .body as object),
                ...(sent.refusal.retryAt !== undefined && { retryAt: sent.refusal.retryAt }),
              },
            };
          }
          return { status: 201, body: sent.request };
        }),
    }),
    route({
      method: 'POST',
      path: `${base}/v1/whatsapp/calls`,
      access: 'editor',
      handler: (ctx) =>
        guarded(async () => {
          const body = parse(pairBody, ctx.body);
          if ('reply' in body) return body.reply;
          const placed = await service.placeCall(wsOf(ctx), body.data, actorOf(ctx), ctx.origin);
          if (!placed.ok) {
            const { refusal } = placed;
            const answer: CallRefusal = {
              error: { code: 'call_refused', message: refusal.message, reason: refusal.rule },
              ...(refusal.retryAt !== undefined && { retryAt: refusal.retryAt }),
              ...(refusal.params && { params: { ...refusal.params } }),
            };
            return { status: 409, body: callRefusalSchema.parse(answer) };
          }
          return { status: 202, body: placed.call };
        }),
    }),
    route({
      method: 'GET',
      path: `${base}/v1/whatsapp/calls/:callId`,
      access: 'viewer',
      async handler(ctx) {
        const call = await service.getCall(wsOf(ctx), ctx.params.callId!);
        return call
          ? { status: 200, body: call }
          : fail(404, 'not_found', 'No such call in this workspace.');
      },
    }),
    route({
      method: 'POST',
      path: `${base}/v1/sip/check`,
      access: 'editor',
      handler: (ctx) =>
        guarded(async () => {
          const body = parse(sipBody, ctx.body);
          if ('reply' in body) return body.reply;
          return { status: 200, body: await (await adapter(ctx)).checkSip(body.data) };
        }),
    }),
  ];
}

// ------------------------------------------------------------------ webhooks

/** The provider's webhooks: `/provider/:ws/webhooks/:kind`. */
export const WEBHOOK_PATH = /^\/provider\/([^/]+)\/webhooks\/(orders|permissions|calls)$/;

const stripWhatsapp = (value: string | null) => (value ?? '').replace(/^whatsapp:/, '');
const epochOf = (value: string | null, fallback: number) => {
  const at = value ? Date.parse(value) : NaN;
  return Number.isFinite(at) ? at : fallback;
};

/**
 * A webhook's form as a provider event, or why it is not one. Twilio's
 * names: orders `OrderSid`, `Status` (requested, in-process, active,
 * failed; a regulatory bundle's twilio-approved / twilio-rejected too),
 * `FailureReason`; the customer's reply to the call-permission request
 * (an inbound WhatsApp message) `MessageSid`, `From`, `To`,
 * `CallPermissionResponse` (accept / reject), `CallPermissionIsPermanent`;
 * calls `CallSid`, `CallStatus`, `CallDuration`.
 */
export function eventOfWebhook(
  kind: 'orders' | 'permissions' | 'calls',
  form: URLSearchParams,
  now: number,
): ProviderEvent | string {
  const at = epochOf(form.get('Timestamp'), now);
  switch (kind) {
    case 'orders': {
      const orderId = form.get('OrderSid') ?? form.get('Sid');
      const raw = (form.get('Status') ?? '').toLowerCase().replace('-', '_');
      const status =
        raw === 'twilio_approved' ? 'active' : raw === 'twilio_rejected' ? 'failed' : raw;
      if (!orderId) return 'OrderSid is missing.';
      if (!['requested', 'in_process', 'active', 'failed'].includes(status)) {
        return `Status "${raw}" is not an order status.`;
      }
      return {
        id: `${orderId}:${status}`,
        type: 'order',
        orderId,
        status: status as 'requested',
        failureReason: status === 'failed' ? (form.get('FailureReason') ?? 'failed') : null,
        at,
      };
    }
    case 'permissions': {
      const id = form.get('MessageSid');
      const response = form.get('CallPermissionResponse')?.toLowerCase();
      const customer = stripWhatsapp(form.get('From'));
      if (!id) return 'MessageSid is missing.';
      if (response !== 'accept' && response !== 'reject') {
        return 'CallPermissionResponse is not accept or reject.';
      }
      if (!e164Schema.safeParse(customer).success) return 'From is not a WhatsApp number.';
      return {
        id,
        type: 'permissionReply',
        customer,
        line: stripWhatsapp(form.get('To')),
        response,
        permanent: form.get('CallPermissionIsPermanent') === 'true',
        at,
      };
    }
    case 'calls': {
      const callId = form.get('CallSid');
      const raw = form.get('CallStatus') ?? '';
      if (!callId) return 'CallSid is missing.';
      const status =
        raw === 'completed'
          ? Number(form.get('CallDuration') ?? 0) > 0
            ? 'answered'
            : 'unanswered'
          : raw === 'busy' || raw === 'no-answer' || raw === 'canceled'
            ? 'unanswered'
            : raw === 'failed'
              ? 'failed'
              : null;
      if (status === null) return `CallStatus "${raw}" does not end a call.`;
      return {
        id: `${callId}:${raw}`,
        type: 'callStatus',
        callId,
        status,
        failureReason: status === 'failed' ? 'failed' : null,
        at,
      };
    }
  }
}

/**
 * One provider webhook: the signature checked with the workspace's own
 * auth token over the public URL and the form, then the event applied once.
 * `200` also for an event already applied or one that does not end
 * anything (the provider must not retry those); `403` for a bad signature
 * or a workspace without credentials.
 */
export async function handleProviderWebhook(
  service: ProviderService,
  input: {
    ws: string;
    kind: 'orders' | 'permissions' | 'calls';
    url: string;
    form: URLSearchParams;
    signature: string | undefined;
    now: number;
  },
): Promise<{ status: number; body: string }> {
  const credentials = await service.credentials.read(input.ws).catch(() => null);
  if (!credentials) {
    return {
      status: 403,
      body: 'This workspace has no provider credentials to check the signature with.',
    };
  }
  if (
    !verifyTwilioSignature(
      credentials.authToken,
      input.url,
      [...input.form.entries()],
      input.signature,
    )
  ) {
    return { status: 403, body: 'The request signature (X-Twilio-Signature) is missing or wrong.' };
  }
  const event = eventOfWebhook(input.kind, input.form, input.now);
  if (typeof event === 'string') {
    return input.kind === 'calls'
      ? { status: 200, body: `ignored: ${event}` }
      : { status: 400, body: event };
  }
  const result = await service.apply(input.ws, event);
  return { status: 200, body: result.applied ? result.outcome : 'duplicate' };
}

/** A request under `/provider/`: a webhook (POST, form-encoded), or a 404/405. */
export async function serveProviderWebhook(
  service: ProviderService,
  req: { method?: string | undefined; headers: Record<string, string | string[] | undefined> },
  url: URL,
  raw: Buffer,
  publicUrl: string,
  now: number,
): Promise<{ status: number; body: string }> {
  const match = WEBHOOK_PATH.exec(url.pathname);
  if (!match) return { status: 404, body: `Nothing at ${url.pathname}.` };
  if (req.method !== 'POST') return { status: 405, body: 'Webhooks are POST requests.' };
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    return {
      status: 400,
      body: 'A webhook body is form-encoded (application/x-www-form-urlencoded).',
    };
  }
  let ws: string;
  try {
    ws = decodeURIComponent(match[1]!);
  } catch {
    return { status: 400, body: 'The path is not valid percent-encoding.' };
  }
  const signature = req.headers['x-twilio-signature'];
  return handleProviderWebhook(service, {
    ws,
    kind: match[2] as 'orders' | 'permissions' | 'calls',
    url: publicUrl,
    form: new URLSearchParams(raw.toString('utf8')),
    signature: typeof signature === 'string' ? signature : undefined,
    now,
  });
}
