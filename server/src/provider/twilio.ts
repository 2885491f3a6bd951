/**
 * The provider adapter on Twilio's REST API, over `fetch` with the
 * workspace's account SID and auth token (HTTP Basic). No SDK: the `twilio`
 * package brings an HTTP client and a dozen dependencies for the seven
 * requests made here, whose answers are read through zod schemas anyway.
 *
 * - numbers: `AvailablePhoneNumbers/{country}/Local` (voice enabled), bought
 *   with `IncomingPhoneNumbers` (its voice URL and status callback set at
 *   once). Twilio buys at once: the order is `active`, or refused with
 *   Twilio's message kept as the failure reason (a regulatory bundle
 *   missing, say); `21422` (not available) is `number_taken`;
 * - WhatsApp senders: Messaging's `v2/Channels/Senders` (`ONLINE`, and a
 *   voice application for calling);
 * - the call-permission request: a WhatsApp message with the workspace's
 *   approved template (`ContentSid`);
 * - business-initiated calls: `Calls` from `whatsapp:+…` to `whatsapp:+…`,
 *   the TwiML at `twimlUrl` (the voice webhooks), progress to
 *   `statusCallbackUrl`.
 */
import type {
  AvailableNumber,
  NumberOrder,
  PermissionRequest,
  ProviderCall,
} from '@callbot/shared';
import { z } from 'zod';
import type { TwilioCredentials } from './credentials.ts';
import { ProviderFailure, type ProviderAdapter } from './adapter.ts';

export const TWILIO_API = 'https://api.twilio.com';
export const TWILIO_MESSAGING_API = 'https://messaging.twilio.com';

export interface TwilioOptions {
  credentials: TwilioCredentials;
  fetch?: typeof globalThis.fetch;
  /** Each request is abandoned after this long (default 10 s). */
  timeoutMs?: number;
  now: () => number;
  /** Overrides for tests: where the two APIs are. */
  apiBase?: string;
  messagingBase?: string;
}

const twilioError = z.object({ code: z.number().optional(), message: z.string().optional() });

const availableSchema = z.object({
  available_phone_numbers: z.array(
    z.object({
      phone_number: z.string(),
      locality: z.string().nullable().optional(),
      iso_country: z.string(),
      capabilities: z
        .object({ voice: z.boolean().optional(), SMS: z.boolean().optional() })
        .partial(),
    }),
  ),
});
const incomingSchema = z.object({ sid: z.string(), phone_number: z.string() });
const incomingListSchema = z.object({ incoming_phone_numbers: z.array(incomingSchema) });
const sendersSchema = z.object({
  senders: z.array(
    z.object({
      sid: z.string(),
      sender_id: z.string(),
      status: z.string(),
      profile: z.object({ name: z.string().nullable().optional() }).partial().nullable().optional(),
      configuration: z
        .object({ voice_application_sid: z.string().nullable().optional() })
        .partial()
        .nullable()
        .optional(),
    }),
  ),
});
const messageSchema = z.object({ sid: z.string() });
const callSchema = z.object({ sid: z.string() });

const whatsapp = (number: string) => `whatsapp:${number}`;
const iso = (ms: number) => new Date(ms).toISOString();

export function twilioAdapter(options: TwilioOptions): ProviderAdapter {
  const { credentials, now } = options;
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const api = `${options.apiBase ?? TWILIO_API}/2010-04-01/Accounts/${credentials.accountSid}`;
  const messaging = options.messagingBase ?? TWILIO_MESSAGING_API;
  const authorization = `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`;

  async function request<T>(
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    schema: z.ZodType<T> | null,
    form?: Record<string, string>,
  ): Promise<T> {
    const what = `Twilio ${method} ${new URL(url).pathname.replace(credentials.accountSid, '…')}`;
    let response: Response;
    try {
      response = await send(url, {
        method,
        headers: {
          authorization,
          accept: 'application/json',
          ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
        },
        ...(form && { body: new URLSearchParams(form).toString() }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw new ProviderFailure('unavailable', `${what}: no answer (${(error as Error).name}).`);
    }
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!response.ok) {
      const parsed = twilioError.safeParse(json);
      const message = `${what}: ${parsed.data?.message ?? `HTTP ${response.status}`}`;
      const code = parsed.data?.code;
      if (response.status === 401) throw new ProviderFailure('unauthorized', message);
      if (response.status === 404) throw new ProviderFailure('not_found', message);
      if (response.status === 429) throw new ProviderFailure('rate_limited', message);
      if (response.status >= 500) throw new ProviderFailure('unavailable', message);
      if (code === 21422 || code === 21452) throw new ProviderFailure('number_taken', message);
      throw new ProviderFailure(
        'invalid_request',
        message,
        code === undefined ? undefined : String(code),
      );
    }
    if (schema === null) return undefined as T;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ProviderFailure('internal', `${what}: the answer is not as documented.`);
    }
    return parsed.data;
  }

  async function incomingNumber(number: string) {
    const list = await request(
      'GET',
      `${api}/IncomingPhoneNumbers.json?${new URLSearchParams({ PhoneNumber: number }).toString()}`,
      incomingListSchema,
    );
    const found = list.incoming_phone_numbers[0];
    if (!found)
      throw new ProviderFailure('not_found', `${number} is not a number of this account.`);
    return found;
  }

  const voiceForm = (urls: { voiceUrl: string; statusCallbackUrl: string }) => ({
    VoiceUrl: urls.voiceUrl,
    VoiceMethod: 'POST',
    StatusCallback: urls.statusCallbackUrl,
    StatusCallbackMethod: 'POST',
  });

  return {
    kind: 'twilio',

    listCountries() {
      // Twilio sells in many more; these are the ones the product prices (R20).
      return Promise.resolve(
        (['BR', 'MX', 'US', 'AR', 'CO', 'CL'] as const).map((code) => ({
          code,
          name: new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code,
          callingCode: { BR: '+55', MX: '+52', US: '+1', AR: '+54', CO: '+57', CL: '+56' }[code],
          monthlyPrice: { amount: 0, currency: 'USD' },
          numberTypes: ['local' as const],
        })),
      );
    },

    async searchNumbers(query) {
      const params = new URLSearchParams({
        VoiceEnabled: 'true',
        PageSize: String(query.limit ?? 20),
      });
      if (query.contains) params.set('Contains', query.contains);
      const type =
        query.type === 'tollfree' ? 'TollFree' : query.type === 'mobile' ? 'Mobile' : 'Local';
      const page = await request(
        'GET',
        `${api}/AvailablePhoneNumbers/${encodeURIComponent(query.country)}/${type}.json?${params.toString()}`,
        availableSchema,
      );
      return {
        numbers: page.available_phone_numbers.map((n): AvailableNumber => ({
          number: n.phone_number,
          country: n.iso_country,
          locality: n.locality ?? '',
          type: query.type ?? 'local',
          // R5: bought here, a number carries calls only.
          capabilities: ['voice'],
        })),
        nextCursor: null,
      };
    },

    async orderNumber({ country, number, voiceUrl, statusCallbackUrl }) {
      const at = now();
      try {
        const bought = await request('POST', `${api}/IncomingPhoneNumbers.json`, incomingSchema, {
          PhoneNumber: number,
          ...voiceForm({ voiceUrl, statusCallbackUrl }),
        });
        return order(bought.sid, 'active', null);
      } catch (error) {
        if (error instanceof ProviderFailure && error.code === 'invalid_request') {
          // Refused for this number (a regulatory bundle or address missing): a failed order, why kept.
          return order(`failed_${at}`, 'failed', error.message);
        }
        throw error;
      }
      function order(
        orderId: string,
        status: NumberOrder['status'],
        failureReason: string | null,
      ): NumberOrder {
        return {
          orderId,
          number,
          country,
          status,
          createdAt: iso(at),
          updatedAt: iso(at),
          failureReason,
        };
      }
    },

    async getOrder(orderId) {
      const found = await request(
        'GET',
        `${api}/IncomingPhoneNumbers/${encodeURIComponent(orderId)}.json`,
        incomingSchema,
      );
      const at = iso(now());
      return {
        orderId,
        number: found.phone_number,
        country: '',
        status: 'active',
        createdAt: at,
        updatedAt: at,
        failureReason: null,
      };
    },

    async configureNumber({ number, ...urls }) {
      const found = await incomingNumber(number);
      await request(
        'POST',
        `${api}/IncomingPhoneNumbers/${found.sid}.json`,
        incomingSchema,
        voiceForm(urls),
      );
    },

    async releaseNumber(number) {
      const found = await incomingNumber(number);
      await request('DELETE', `${api}/IncomingPhoneNumbers/${found.sid}.json`, null);
    },

    async whatsappSender(number) {
      const list = await request(
        'GET',
        `${messaging}/v2/Channels/Senders?${new URLSearchParams({ Channel: 'whatsapp', PageSize: '100' }).toString()}`,
        sendersSchema,
      );
      const sender = list.senders.find((s) => s.sender_id === whatsapp(number));
      if (!sender) {
        throw new ProviderFailure(
          'verification_refused',
          `${number} is not a WhatsApp sender of this account.`,
          'not_on_whatsapp',
        );
      }
      const calling = Boolean(sender.configuration?.voice_application_sid);
      if (sender.status !== 'ONLINE' || !calling) {
        throw new ProviderFailure(
          'verification_refused',
          `${number} is a WhatsApp sender (${sender.status}) without calling enabled.`,
          'calling_not_enabled',
        );
      }
      return {
        number,
        business: true,
        calling,
        displayName: sender.profile?.name ?? number,
      };
    },

    async requestCallPermission({ from, to }) {
      if (!credentials.permissionTemplateSid) {
        throw new ProviderFailure(
          'invalid_request',
          'No call-permission request template is set for this workspace (its Content SID, HX…, in the provider settings).',
        );
      }
      const at = now();
      const message = await request('POST', `${api}/Messages.json`, messageSchema, {
        From: whatsapp(from),
        To: whatsapp(to),
        ContentSid: credentials.permissionTemplateSid,
      });
      const sent: PermissionRequest = {
        requestId: message.sid,
        from,
        to,
        template: { name: credentials.permissionTemplateSid, language: 'und' },
        status: 'sent',
        sentAt: iso(at),
        answeredAt: null,
      };
      return sent;
    },

    async placeWhatsappCall({ from, to, twimlUrl, statusCallbackUrl }) {
      const at = now();
      const call = await request('POST', `${api}/Calls.json`, callSchema, {
        From: whatsapp(from),
        To: whatsapp(to),
        Url: twimlUrl,
        Method: 'POST',
        StatusCallback: statusCallbackUrl,
        StatusCallbackMethod: 'POST',
        StatusCallbackEvent: 'initiated ringing answered completed',
      });
      const placed: ProviderCall = {
        callId: call.sid,
        from,
        to,
        status: 'ringing',
        startedAt: iso(at),
        endedAt: null,
        failureReason: null,
      };
      return placed;
    },

    checkSip() {
      throw new ProviderFailure(
        'invalid_request',
        'Twilio does not check a PBX from here: test the SIP trunk from the Twilio console.',
      );
    },
  };
}
