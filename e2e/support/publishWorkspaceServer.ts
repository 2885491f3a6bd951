import { createHmac } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { originOf, portOf } from './ports.ts';

/**
 * The callbot server of `publish-workspace.spec.ts` (a `webServer` of
 * `playwright.config.ts`): this run's designer build on one origin with the
 * API and the voice webhooks, a fixed setup token and provider auth token
 * (so the spec signs webhooks as the provider does), PGlite emptied each
 * run, on a port of its own (`ports.ts`). `calls.spec.ts` has one of the
 * same kind (`CALLS_WS_*`, the same tokens), so the calls it drives and the
 * counts it checks are its own while both specs run at once.
 */
export const PUBLISH_WS_PORT = portOf('publishWorkspace');
export const PUBLISH_WS_URL = originOf('publishWorkspace');
export const PUBLISH_WS_SETUP_TOKEN = 'e2e-publish-ws-setup-token';
export const PUBLISH_WS_AUTH_TOKEN = 'e2e-publish-ws-auth-token';
export const PUBLISH_WS_DATA_DIR = path.join(tmpdir(), `callbot-e2e-publish-ws-${PUBLISH_WS_PORT}`);
export const CALLS_WS_PORT = portOf('callsWorkspace');
export const CALLS_WS_URL = originOf('callsWorkspace');
export const CALLS_WS_DATA_DIR = path.join(tmpdir(), `callbot-e2e-calls-ws-${CALLS_WS_PORT}`);

/** X-Twilio-Signature: HMAC-SHA1 of the URL and the sorted form fields, base64. */
export function signWebhook(url: string, fields: Record<string, string>): string {
  const data =
    url +
    Object.keys(fields)
      .sort()
      .map((name) => name + fields[name])
      .join('');
  return createHmac('sha1', PUBLISH_WS_AUTH_TOKEN).update(data, 'utf8').digest('base64');
}
