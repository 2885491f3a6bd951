/**
 * The protocol mapping on its own: fields into events, commands into TwiML,
 * checked against Twilio's own helper library (its signatures and its
 * `VoiceResponse`), which is what the provider's side is written with.
 */
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import {
  callStart,
  whatsappDialTwiml,
  cleanFields,
  continueUrl,
  findBot,
  findTeam,
  holdTwiml,
  HOLD_MESSAGES,
  listenVerbs,
  retryUrl,
  splitTwiml,
  withCarriedFields,
} from './protocol.ts';
import { signatureAlgorithm, verifyTwilioSignature, type FormParams } from './signature.ts';
import { twiml, type Verb } from './twiml.ts';

const fields = (record: Record<string, string>) => new URLSearchParams(record);

describe('fields into events', () => {
  it('routes an inbound call by To and an outbound one by From (the business), with its direction', () => {
    const inbound = callStart(
      fields({ CallSid: 'CA1', From: '+5511999990000', To: '+551130000000', Direction: 'inbound' }),
    );
    expect(inbound).toMatchObject({
      line: '+551130000000',
      caller: '+5511999990000',
      direction: 'inbound',
    });
    const outbound = callStart(
      fields({
        CallSid: 'CA2',
        From: '+551130000000',
        To: '+5511999990000',
        Direction: 'outbound-api',
      }),
    );
    expect(outbound).toMatchObject({
      line: '+551130000000',
      caller: '+5511999990000',
      direction: 'outbound',
      event: { type: 'call.started', direction: 'outbound', from: '+551130000000' },
    });
  });

  it('cleans NUL characters and lone surrogates from every field, keeping whole emoji', () => {
    const clean = cleanFields(
      fields({ From: '+55\u000011', SpeechResult: 'oi \uD83D tchau 😀', Digits: '1' }),
    );
    expect(clean.get('From')).toBe('+5511');
    expect(clean.get('SpeechResult')).toBe('oi \uFFFD tchau 😀');
    expect(clean.get('Digits')).toBe('1');
  });

  it('carries the input of a held request in its retry URL, and takes it back from there', () => {
    const url = retryUrl(
      '/voice/gather',
      fields({ CallSid: 'CA1', Digits: '1' }),
      fields({ step: '3' }),
      1,
    );
    expect(url).toBe('/voice/gather?step=3&retry=1&Digits=1');
    const query = new URL(url, 'http://x').searchParams;
    // The <Redirect>'s own request has the call's fields, not the Gather's.
    const merged = withCarriedFields(fields({ CallSid: 'CA1', CallStatus: 'in-progress' }), query);
    expect(merged.get('Digits')).toBe('1');
    // A request that is no retry takes nothing from its URL.
    expect(
      withCarriedFields(fields({ CallSid: 'CA1' }), fields({ Digits: '9' })).has('Digits'),
    ).toBe(false);
  });
});

describe('commands into TwiML, as Twilio draws it', () => {
  it("listens for one key with no finishing key, so a menu's # and * can be chosen", () => {
    const verbs = listenVerbs({
      listen: { modes: ['dtmf', 'speech'] },
      noInputTimeoutMs: 5000,
      language: 'pt-BR',
      step: 2,
      interruptible: [],
    });
    const response = new twilio.twiml.VoiceResponse();
    response.gather({
      input: ['dtmf', 'speech'],
      action: '/voice/gather?step=2',
      method: 'POST',
      timeout: 5,
      numDigits: 1,
      finishOnKey: '',
      language: 'pt-BR',
      speechTimeout: 'auto',
    });
    response.redirect({ method: 'POST' }, '/voice/gather?step=2');
    expect(twiml(verbs)).toBe(response.toString());
  });

  it('splits a long run of prompts across documents under the limit, each leading to the next', () => {
    const text = 'Mensagem longa. '.repeat(250); // about 4 KB each
    const verbs: Verb[] = [
      ...Array.from({ length: 40 }, (): Verb => ({ verb: 'Say', text, language: 'pt-BR' })),
      {
        verb: 'Gather',
        action: '/voice/gather?step=4',
        input: ['dtmf'],
        timeout: 5,
        bargeIn: false,
        children: [],
      },
      { verb: 'Redirect', url: '/voice/gather?step=4' },
    ];
    const parts = splitTwiml(verbs, (part) => continueUrl(4, part), 60 * 1024);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(60 * 1024);
    parts
      .slice(0, -1)
      .forEach((part, i) =>
        expect(part).toMatch(
          new RegExp(
            `<Redirect method="POST">/voice/continue\\?step=4&amp;part=${i + 1}</Redirect></Response>$`,
          ),
        ),
      );
    // Every prompt once, in order; the Gather and its Redirect together at the end.
    expect(parts.join('').split('<Say').length - 1).toBe(40);
    expect(parts.at(-1)).toMatch(
      /<Gather [^>]*\/><Redirect method="POST">\/voice\/gather\?step=4<\/Redirect><\/Response>$/,
    );
    // Short answers are one document, as before.
    expect(splitTwiml(verbs.slice(-3), (part) => continueUrl(4, part))).toEqual([
      twiml(verbs.slice(-3)),
    ]);
  });

  it('holds a caller with an apology and a retry, then gives the call to the default team', () => {
    const messages = HOLD_MESSAGES['pt-BR']!;
    const first = holdTwiml({
      retry: 0,
      maxRetries: 3,
      pauseSeconds: 2,
      url: '/voice/gather?step=3&retry=1&Digits=1',
      messages,
    });
    const response = new twilio.twiml.VoiceResponse();
    response.say({ language: 'pt-BR' }, 'Um momento, por favor.');
    response.pause({ length: 2 });
    response.redirect({ method: 'POST' }, '/voice/gather?step=3&retry=1&Digits=1');
    expect(first).toBe(response.toString());
    const last = holdTwiml({
      retry: 3,
      maxRetries: 3,
      pauseSeconds: 2,
      url: '/x',
      messages,
      defaultTeam: { id: 'recepcao', target: 'sip:r@pbx', agentsAvailable: 1, isDefault: true },
    });
    expect(last).toBe(twiml([{ verb: 'Dial', target: { sip: 'sip:r@pbx' } }, { verb: 'Hangup' }]));
    const alone = holdTwiml({ retry: 3, maxRetries: 3, pauseSeconds: 2, url: '/x', messages });
    expect(alone).toContain(`${messages.sorry}</Say><Hangup/>`);
  });

  it('finds the team and the bot a flow names as publishing checked them ("VENDAS" is "Vendas")', () => {
    // The directory keys each record by id and by name (`PublishDirectory.context`).
    const vendas = { id: 'team-1', target: 'sip:vendas@pbx', agentsAvailable: 2, isDefault: false };
    const teams = [vendas, { ...vendas, id: 'Vendas' }];
    expect(findTeam(teams, 'VENDAS')?.target).toBe('sip:vendas@pbx');
    expect(findTeam(teams, ' vendas ')?.target).toBe('sip:vendas@pbx');
    expect(findTeam(teams, 'Suporte')).toBeUndefined();
    const bots = [
      { id: 'bot-1', target: 'sip:bot@pbx' },
      { id: 'Bot de Vendas', target: 'sip:bot@pbx' },
    ];
    expect(findBot(bots, 'BOT DE VENDAS')?.target).toBe('sip:bot@pbx');
    expect(findBot(bots, 'Bot de Suporte')).toBeUndefined();
  });
});

describe('signatures Twilio signs', () => {
  const params: FormParams = [
    ['CallSid', 'CA1'],
    ['From', '+5511999990000'],
    ['Digits', '#'],
  ];
  const record = Object.fromEntries(params);

  it('accepts the HMAC-SHA256 SharedKey scheme with the secret and the algorithm of the settings header', () => {
    const url = 'https://bot.example.com/voice/gather?step=2';
    const settings = 'key=webhooks_sharedkey_1,algorithm=HMAC_SHA256';
    const signature = twilio.getExpectedTwilioSignature(
      'shared-secret',
      url,
      record,
      'HMAC_SHA256',
    );
    const algorithm = signatureAlgorithm(settings);
    expect(algorithm).toBe('sha256');
    expect(verifyTwilioSignature('shared-secret', url, params, signature, algorithm!)).toBe(true);
    expect(verifyTwilioSignature('shared-secret', url, params, signature, 'sha1')).toBe(false);
    expect(verifyTwilioSignature('auth-token', url, params, signature, algorithm!)).toBe(false);
    expect(signatureAlgorithm('key=k,algorithm=HMAC_MD5')).toBeNull();
  });

  it('accepts the URL signed with or without its default port, as the helper does', () => {
    const plain = 'https://bot.example.com/voice/incoming';
    const withPort = 'https://bot.example.com:443/voice/incoming';
    for (const signedUrl of [plain, withPort]) {
      const signature = twilio.getExpectedTwilioSignature('token', signedUrl, record);
      for (const ourUrl of [plain, withPort]) {
        expect(twilio.validateRequest('token', signature, ourUrl, record)).toBe(true);
        expect(
          verifyTwilioSignature('token', ourUrl, params, signature),
          `${signedUrl} ${ourUrl}`,
        ).toBe(true);
      }
    }
    // Another port is another URL.
    const other = twilio.getExpectedTwilioSignature(
      'token',
      'https://bot.example.com:8443/voice/incoming',
      record,
    );
    expect(verifyTwilioSignature('token', plain, params, other)).toBe(false);
  });
});

describe('WhatsApp calls (Twilio WhatsApp Business Calling)', () => {
  it('reads whatsapp: addresses as the WhatsApp channel of the bare number, either way', () => {
    const inbound = callStart(
      new URLSearchParams({
        CallSid: 'CA1',
        From: 'whatsapp:+5511987650000',
        To: 'whatsapp:+5511930001000',
      }),
    );
    expect(inbound).toMatchObject({
      line: '+5511930001000',
      caller: '+5511987650000',
      direction: 'inbound',
      channel: 'whatsapp',
      event: { channel: 'whatsapp', from: '+5511987650000', to: '+5511930001000' },
    });
    const outbound = callStart(
      new URLSearchParams({
        CallSid: 'CA2',
        From: 'whatsapp:+5511930001000',
        To: 'whatsapp:+5511987650000',
        Direction: 'outbound-api',
      }),
    );
    expect(outbound).toMatchObject({
      line: '+5511930001000',
      caller: '+5511987650000',
      direction: 'outbound',
      channel: 'whatsapp',
    });
    expect(
      callStart(
        new URLSearchParams({ CallSid: 'CA3', From: '+5511987650000', To: '+5511930001000' }),
      ).channel,
    ).toBe('line');
  });

  it('places a business-initiated call with <Dial callerId="whatsapp:…"><WhatsApp>', () => {
    expect(
      whatsappDialTwiml({
        from: '+5511930001000',
        to: '+5511987650000',
        statusCallback: 'https://bot.example.com/provider/ws1/webhooks/calls',
      }),
    ).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Dial callerId="whatsapp:+5511930001000">' +
        '<WhatsApp statusCallback="https://bot.example.com/provider/ws1/webhooks/calls" statusCallbackMethod="POST" statusCallbackEvent="initiated ringing answered completed">+5511987650000</WhatsApp>' +
        '</Dial></Response>',
    );
    // As Twilio's own helper writes it.
    const response = new twilio.twiml.VoiceResponse();
    response.dial({ callerId: 'whatsapp:+5511930001000' }).whatsApp(
      {
        statusCallback: 'https://bot.example.com/provider/ws1/webhooks/calls',
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
      },
      '+5511987650000',
    );
    expect(
      whatsappDialTwiml({
        from: '+5511930001000',
        to: '+5511987650000',
        statusCallback: 'https://bot.example.com/provider/ws1/webhooks/calls',
      }),
    ).toBe(response.toString());
    expect(() => whatsappDialTwiml({ from: 'whatsapp:+55', to: '+5511987650000' })).toThrow(
      /from: "whatsapp:\+55" is not a number in E\.164/,
    );
  });
});
