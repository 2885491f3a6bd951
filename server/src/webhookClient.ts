/**
 * Sends voice webhooks the way the provider does (form-encoded, signed), to
 * replay calls against a server: in tests, in the load script, by hand.
 */
import { twilioSignature } from './signature.ts';

export interface WebhookReply {
  status: number;
  body: string;
}

/**
 * POSTs `params` to `path` (with its query, e.g. `/voice/gather?step=2`) on
 * `origin`, signed with `authToken` when given. `signedOrigin` is the origin
 * the server believes it is reached at (its `baseUrl`), when not `origin`.
 *
 * @example
 * await postWebhook('http://127.0.0.1:8787', '/voice/incoming', { CallSid: 'CA1', From, To }, { authToken });
 */
export async function postWebhook(
  origin: string,
  path: string,
  params: Record<string, string>,
  options: { authToken?: string; signedOrigin?: string; timeoutMs?: number } = {},
): Promise<WebhookReply> {
  const pairs = Object.entries(params);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
  };
  if (options.authToken !== undefined) {
    headers['x-twilio-signature'] = twilioSignature(
      options.authToken,
      (options.signedOrigin ?? origin) + path,
      pairs,
    );
  }
  const response = await fetch(origin + path, {
    method: 'POST',
    headers,
    body: new URLSearchParams(pairs).toString(),
    ...(options.timeoutMs !== undefined && { signal: AbortSignal.timeout(options.timeoutMs) }),
  });
  return { status: response.status, body: await response.text() };
}
