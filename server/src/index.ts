/**
 * The server as a module, for scripts and tests that start it
 * themselves (the load script, the PostgreSQL fault test). `npm run server`
 * is `main.ts`, which configures the same pieces from the environment.
 *
 * @example
 * const store = await createStore(await openPglite());
 * const server = createServer({ store, token, authToken, clock: realClock });
 * const origin = await server.listen(0);
 * await postWebhook(origin, '/voice/incoming', { CallSid, From, To }, { authToken });
 */
export { openPglite, openPostgres, type Database, type SqlClient } from './db.ts';
export { SCHEMA_VERSION } from './schema.ts';
export {
  API_MAX_BYTES,
  createServer,
  WEBHOOK_MAX_BYTES,
  type CallbotServer,
  type ServerOptions,
} from './server.ts';
export { twilioSignature, verifyTwilioSignature, type FormParams } from './signature.ts';
export { createStore, deferredStore } from './store.ts';
export { createAccountStore, type AccountStore } from './accounts.ts';
export { lockFolder, FolderLockedError } from './lock.ts';
export { readConfig, type ServerConfig } from './config.ts';
export type * from './store.ts';
export { postWebhook, type WebhookReply } from './webhookClient.ts';
