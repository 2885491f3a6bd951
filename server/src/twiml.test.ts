import { expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature } from './signature.ts';
import { escapeXml, twiml } from './twiml.ts';

it('escapes every text and attribute, so user text never becomes markup', () => {
  const hostile = `</Say><Hangup/><Say a="1" b='2'> & \u0007bell`;
  const doc = twiml([
    { verb: 'Say', text: hostile, language: 'pt-BR"><Hangup/>' },
    { verb: 'Enqueue', action: '/voice/dial-result?step=1&x=<y>', queue: 'fila <1>' },
  ]);
  expect(doc).toBe(
    '<?xml version="1.0" encoding="UTF-8"?><Response>' +
      '<Say language="pt-BR&quot;&gt;&lt;Hangup/&gt;">&lt;/Say&gt;&lt;Hangup/&gt;&lt;Say a=&quot;1&quot; b=&apos;2&apos;&gt; &amp; bell</Say>' +
      '<Enqueue action="/voice/dial-result?step=1&amp;x=&lt;y&gt;" method="POST">fila &lt;1&gt;</Enqueue>' +
      '</Response>',
  );
  expect(escapeXml('Olá, 😀 ação')).toBe('Olá, 😀 ação');
});

it('renders a Gather with its prompts inside, a Dial to a number, a Redirect and a Hangup', () => {
  expect(
    twiml([
      {
        verb: 'Gather',
        action: '/voice/gather?step=2',
        input: ['speech'],
        timeout: 5,
        language: 'es',
        bargeIn: true,
        children: [{ verb: 'Say', text: 'Hola' }],
      },
      { verb: 'Redirect', url: '/voice/gather?step=2' },
      { verb: 'Dial', action: '/voice/dial-result?step=2', target: { number: '+551140000000' } },
      { verb: 'Hangup' },
    ]),
  ).toBe(
    '<?xml version="1.0" encoding="UTF-8"?><Response>' +
      '<Gather input="speech" action="/voice/gather?step=2" method="POST" timeout="5" language="es" speechTimeout="auto" bargeIn="true"><Say>Hola</Say></Gather>' +
      '<Redirect method="POST">/voice/gather?step=2</Redirect>' +
      '<Dial action="/voice/dial-result?step=2" method="POST"><Number>+551140000000</Number></Dial>' +
      '<Hangup/></Response>',
  );
});

it("computes the provider's signature as its documentation's examples do", () => {
  const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
  const params = (caller: string): [string, string][] => [
    ['To', '+18005551212'],
    ['Digits', '1234'],
    ['From', caller],
    ['Caller', caller],
    ['CallSid', 'CA1234567890ABCDE'],
  ];
  expect(twilioSignature('12345', url, params('+14158675309'))).toBe(
    'RSOYDt4T1cUTdK1PDd93/VVr8B8=',
  );
  expect(twilioSignature('12345', url, params('+14158675310'))).toBe(
    'GvWf1cFY/Q7PnoempGyD5oXAezc=',
  );
  const signature = twilioSignature('12345', url, params('+14158675309'));
  expect(verifyTwilioSignature('12345', url, params('+14158675309'), signature)).toBe(true);
  expect(verifyTwilioSignature('12345', url, params('+14158675310'), signature)).toBe(false);
  expect(verifyTwilioSignature('12345', url, params('+14158675309'), 'short')).toBe(false);
  expect(verifyTwilioSignature('12345', url, params('+14158675309'), undefined)).toBe(false);
});
