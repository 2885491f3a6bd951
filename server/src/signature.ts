/**
 * The provider's request signature (`X-Twilio-Signature`): an HMAC over the
 * full URL the provider requested followed by each POST parameter's name and
 * value, sorted by name; base64. Keyed with the account's auth token
 * (HMAC-SHA1), or, for webhooks signed with a SharedKey (they carry
 * `X-Twilio-Webhooks-Signature-Settings: key=...,algorithm=HMAC_SHA256`),
 * with that key's secret and the algorithm it names. As Twilio's helper
 * library does, the URL is tried as given, with its default port and without.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as received: a name may repeat. */
export type FormParams = [name: string, value: string][];

export type SignatureAlgorithm = 'sha1' | 'sha256';

/**
 * The signature the provider sends for a request.
 *
 * @example
 * twilioSignature(token, 'https://bot.example.com/voice/incoming', [['CallSid', 'CA1']]);
 */
export function twilioSignature(
  secret: string,
  url: string,
  params: FormParams,
  algorithm: SignatureAlgorithm = 'sha1',
): string {
  const sorted = [...params].sort(([a, av], [b, bv]) =>
    a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const data = url + sorted.map(([name, value]) => name + value).join('');
  return createHmac(algorithm, secret).update(data, 'utf8').digest('base64');
}

/** Whether `signature` is the right one for the request, compared in constant time. */
export function verifyTwilioSignature(
  secret: string,
  url: string,
  params: FormParams,
  signature: string | undefined,
  algorithm: SignatureAlgorithm = 'sha1',
): boolean {
  if (signature === undefined) return false;
  const given = Buffer.from(signature);
  return urlForms(url).some((candidate) => {
    const expected = Buffer.from(twilioSignature(secret, candidate, params, algorithm));
    // Equal lengths first: timingSafeEqual throws on a length mismatch.
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}

const DEFAULT_PORT: Readonly<Record<string, string>> = { 'https:': '443', 'http:': '80' };

/** The URL as given, and with its default port written or left out (whichever it is not). */
export function urlForms(url: string): string[] {
  const match = /^(https?:)\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!match) return [url];
  const [, scheme, authority, rest] = match as unknown as [string, string, string, string];
  const port = DEFAULT_PORT[scheme.toLowerCase()]!;
  const withPort = new RegExp(`:${port}$`);
  const other = withPort.test(authority)
    ? authority.replace(withPort, '')
    : /:\d+$/.test(authority)
      ? null
      : `${authority}:${port}`;
  return other === null ? [url] : [url, `${scheme}//${other}${rest}`];
}

/**
 * The algorithm of a SharedKey signature, from the
 * `X-Twilio-Webhooks-Signature-Settings` header (`key=...,algorithm=HMAC_SHA256`);
 * null for an algorithm this server does not know.
 */
export function signatureAlgorithm(settings: string): SignatureAlgorithm | null {
  for (const part of settings.split(',')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === 'algorithm') {
      const name = part
        .slice(at + 1)
        .trim()
        .toUpperCase();
      return name === 'HMAC_SHA256'
        ? 'sha256'
        : name === 'HMAC_SHA1' || name === ''
          ? 'sha1'
          : null;
    }
  }
  return 'sha1';
}
