/** The Twilio adapter's requests and how it reads the answers, against a fake `fetch`. */
import { describe, expect, it } from 'vitest';
import { ProviderFailure } from './adapter.ts';
import { twilioAdapter } from './twilio.ts';

const credentials = {
  accountSid: `AC${'1'.repeat(32)}`,
  authToken: 'a'.repeat(32),
  permissionTemplateSid: `HX${'2'.repeat(32)}`,
};
const NOW = Date.parse('2026-12-07T12:00:00Z');

function fake(status: number, body: unknown) {
  const requests: { url: string; init: RequestInit }[] = [];
  const fetch = (url: string, init?: RequestInit) => {
    requests.push({ url, init: init ?? {} });
    return Promise.resolve(Response.json(body, { status }));
  };
  return {
    requests,
    adapter: twilioAdapter({
      credentials,
      now: () => NOW,
      fetch: fetch as unknown as typeof globalThis.fetch,
    }),
  };
}
const form = (init: RequestInit) => new URLSearchParams(init.body as string);

describe('the Twilio adapter', () => {
  it('buys a number with its voice URLs, as the account (HTTP Basic)', async () => {
    const { requests, adapter } = fake(201, { sid: 'PN1', phone_number: '+14155550100' });
    const order = await adapter.orderNumber({
      country: 'US',
      number: '+14155550100',
      voiceUrl: 'https://bot.example.com/voice/incoming',
      statusCallbackUrl: 'https://bot.example.com/voice/status',
    });
    expect(order).toMatchObject({ orderId: 'PN1', status: 'active', failureReason: null });
    expect(requests[0]!.url).toBe(
      `https://api.twilio.com/2010-04-01/Accounts/${credentials.accountSid}/IncomingPhoneNumbers.json`,
    );
    const headers = requests[0]!.init.headers as Record<string, string>;
    expect(headers.authorization).toBe(
      `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString('base64')}`,
    );
    expect(Object.fromEntries(form(requests[0]!.init))).toMatchObject({
      PhoneNumber: '+14155550100',
      VoiceUrl: 'https://bot.example.com/voice/incoming',
      StatusCallback: 'https://bot.example.com/voice/status',
    });
  });

  it('R7: a purchase Twilio refuses is a failed order with its reason; a number gone is number_taken', async () => {
    const refused = fake(400, { code: 21649, message: 'A regulatory bundle is required.' });
    const failed = await refused.adapter.orderNumber({
      country: 'BR',
      number: '+551130000000',
      voiceUrl: 'https://x/voice/incoming',
      statusCallbackUrl: 'https://x/voice/status',
    });
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain('regulatory bundle');
    const gone = fake(400, { code: 21422, message: 'Not available.' });
    await expect(
      gone.adapter.orderNumber({
        country: 'US',
        number: '+14155550100',
        voiceUrl: 'v',
        statusCallbackUrl: 's',
      }),
    ).rejects.toMatchObject({ code: 'number_taken', status: 409 });
  });

  it('R13: places a WhatsApp call and sends the permission template from whatsapp: senders', async () => {
    const { requests, adapter } = fake(201, { sid: 'CA1' });
    const call = await adapter.placeWhatsappCall({
      from: '+5511987650004',
      to: '+5511912340005',
      twimlUrl: 'https://bot.example.com/voice/whatsapp/outbound',
      statusCallbackUrl: 'https://bot.example.com/provider/w/webhooks/calls',
    });
    expect(call).toMatchObject({ callId: 'CA1', status: 'ringing' });
    expect(Object.fromEntries(form(requests[0]!.init))).toMatchObject({
      From: 'whatsapp:+5511987650004',
      To: 'whatsapp:+5511912340005',
      Url: 'https://bot.example.com/voice/whatsapp/outbound',
    });
    await adapter.requestCallPermission({ from: '+5511987650004', to: '+5511912340005' });
    expect(Object.fromEntries(form(requests[1]!.init))).toMatchObject({
      ContentSid: credentials.permissionTemplateSid,
      To: 'whatsapp:+5511912340005',
    });
  });

  it('says a wrong account is unauthorized, never echoing the token', async () => {
    const { adapter } = fake(401, { code: 20003, message: 'Authenticate' });
    const error = await adapter.searchNumbers({ country: 'US' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderFailure);
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect(String((error as Error).message)).not.toContain(credentials.authToken);
    expect(String((error as Error).message)).not.toContain(credentials.accountSid);
  });
});
