import { getResponse, type RequestHandler } from 'msw';
import type { Transport } from '../client.ts';

/**
 * A transport that answers in-process from MSW handlers (no service worker,
 * no network): the app's default, and what stories and tests use. A request
 * no handler answers gets a 404 in the API's error format; an aborted request
 * rejects with the abort reason, as `fetch` does.
 */
export function sandboxTransport(handlers: RequestHandler[]): Transport {
  return async (request) => {
    const { signal } = request;
    signal.throwIfAborted();
    const answer = getResponse(handlers, request).then(
      (response) =>
        response ??
        Response.json(
          {
            error: {
              code: 'not_found',
              message: `The sandbox has no ${request.method} ${new URL(request.url).pathname}.`,
            },
          },
          { status: 404 },
        ),
    );
    const aborted = new Promise<never>((_, reject) =>
      signal.addEventListener('abort', () => reject(signal.reason as Error), { once: true }),
    );
    return Promise.race([answer, aborted]);
  };
}
