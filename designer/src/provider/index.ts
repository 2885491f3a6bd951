import {
  createProviderClient,
  fetchTransport,
  type ProviderClient,
  type Transport,
} from './client.ts';
import { SANDBOX_BASE_URL, type ProviderSettings } from './settings.ts';

export * from './api.ts';
export * from './client.ts';
export * from './settings.ts';

/**
 * The sandbox as the app runs it: msw and the handlers load on the first
 * request (not with the first screen), with realistic delays, the wall
 * clock, and its state kept in this browser's local storage across reloads.
 * One sandbox for the whole app, however many clients use it.
 */
let appSandbox: Promise<Transport> | undefined;
const lazySandboxTransport: Transport = async (request) => {
  appSandbox ??= Promise.all([
    import('./sandbox/handlers.ts'),
    import('./sandbox/transport.ts'),
  ]).then(([{ createSandboxHandlers }, { sandboxTransport }]) =>
    sandboxTransport(createSandboxHandlers({ storage: globalThis.localStorage })),
  );
  return (await appSandbox)(request);
};

/** The client for the designer's provider settings: the sandbox, or a real provider over fetch. */
export function providerClientFor(settings: ProviderSettings): ProviderClient {
  if (settings.mode === 'remote') {
    return createProviderClient({
      baseUrl: settings.baseUrl,
      ...(settings.token && { token: settings.token }),
      transport: fetchTransport,
    });
  }
  return createProviderClient({ baseUrl: SANDBOX_BASE_URL, transport: lazySandboxTransport });
}
