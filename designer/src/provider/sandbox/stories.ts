import type { RequestHandler } from 'msw';
import { createProviderClient, type ProviderClient } from '../client.ts';
import { SANDBOX_BASE_URL } from '../settings.ts';
import { createSandboxHandlers, type SandboxOptions } from './handlers.ts';
import { sandboxTransport } from './transport.ts';

export interface StorySandbox {
  /** A client answered by this sandbox, in-process. */
  client: ProviderClient;
  /** The same sandbox's handlers, e.g. for `parameters.msw.handlers`. */
  handlers: RequestHandler[];
}

/**
 * A fresh sandbox provider for a story (or a component test): its own state
 * in memory, nothing kept in the browser, realistic delays unless
 * `delayMs: 0`, the wall clock unless `now` is given.
 */
export function sandboxForStories(options: Omit<SandboxOptions, 'storage'> = {}): StorySandbox {
  const handlers = createSandboxHandlers({ ...options, baseUrl: SANDBOX_BASE_URL });
  return {
    client: createProviderClient({
      baseUrl: SANDBOX_BASE_URL,
      ...(options.requiredToken && { token: options.requiredToken }),
      transport: sandboxTransport(handlers),
    }),
    handlers,
  };
}
