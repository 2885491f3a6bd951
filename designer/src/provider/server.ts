import { CSRF_HEADER, sessionSchema } from '@callbot/shared';
import { createProviderClient, type ProviderClient, type Transport } from './client.ts';

/**
 * The provider as a workspace on a callbot server uses it: the same API,
 * served by the server under `/api/workspaces/:ws/provider` with the
 * workspace's own provider (its credentials never reach the browser), the
 * records kept and the rules (R7, R13-R15) applied there. The session
 * cookie goes along; a change carries the session's CSRF token.
 */
export function serverProviderClient(
  workspaceId: string,
  send: typeof globalThis.fetch = (input, init) => globalThis.fetch(input, init),
): ProviderClient {
  let csrf: Promise<string | null> | null = null;
  const readCsrf = async () => {
    const response = await send('/api/session', {
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
    });
    const session = sessionSchema.safeParse(await response.json().catch(() => null));
    return session.success ? session.data.csrfToken : null;
  };
  const transport: Transport = async (request) => {
    const headers = new Headers(request.headers);
    if (request.method !== 'GET') {
      csrf ??= readCsrf();
      const token = await csrf;
      if (token !== null) headers.set(CSRF_HEADER, token);
    }
    const body = request.method === 'GET' ? undefined : await request.text();
    return send(request.url, {
      method: request.method,
      headers,
      credentials: 'same-origin',
      signal: request.signal,
      ...(body && { body }),
    });
  };
  return createProviderClient({
    baseUrl: `${globalThis.location?.origin ?? ''}/api/workspaces/${encodeURIComponent(workspaceId)}/provider`,
    transport,
  });
}
