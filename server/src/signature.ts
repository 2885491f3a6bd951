/**
 * The provider's request signature (`X-Twilio-Signature`): HMAC-SHA1, keyed
 * with the account's auth token, over the full URL the provider requested
 * followed by each POST parameter's name and value, sorted by name; base64.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as received: a name may repeat. */
export type FormParams = [name: string, value: string][];

/**
 * The signature the provider sends for a request.
 *
 * @example
 * twilioSignature(token, 'https://bot.example.com/voice/incoming', [['CallSid', 'CA1']]);
 */
export function twilioSignature(authToken: string, url: string, params: FormParams): string {
  const sorted = [...params].sort(([a, av], [b, bv]) =>
    a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0,
  );
  const data = url + sorted.map(([name, value]) => name + value).join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** Whether `signature` is the right one for the request, compared in constant time. */
export function verifyTwilioSignature(
  authToken: string,
  url: string,
  params: FormParams,
  signature: string | undefined,
): boolean {
  if (signature === undefined) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  // Equal lengths first: timingSafeEqual throws on a length mismatch.
  return expected.length === given.length && timingSafeEqual(expected, given);
}
