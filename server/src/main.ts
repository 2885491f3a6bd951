/**
 * `npm run server`: the runtime server configured from the environment (see
 * the runtime README). Embedded PGlite in `runtime/.data/` unless
 * `DATABASE_URL` names a PostgreSQL server.
 */
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { openAiChatAgent, realClock, type AgentAdapter } from '@callbot/runtime';
import { openPglite, openPostgres } from './db.ts';
import { createServer } from './server.ts';
import { createStore } from './store.ts';

const env = process.env;
const say = (line: string) => process.stderr.write(`${line}\n`);

const dataDir = env.CALLBOT_DATA_DIR ?? fileURLToPath(new URL('../.data', import.meta.url));
const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : await openPglite(dataDir);
const store = await createStore(db);

let token = env.CALLBOT_API_TOKEN;
if (!token) {
  token = randomBytes(18).toString('base64url');
  say(`CALLBOT_API_TOKEN is not set: this run's API token is ${token}`);
}
const insecureNoSignature = env.CALLBOT_INSECURE_NO_SIGNATURE === '1';
if (insecureNoSignature) {
  say('CALLBOT_INSECURE_NO_SIGNATURE=1: webhook signatures are NOT checked. Development only.');
} else if (!env.TWILIO_AUTH_TOKEN) {
  say('TWILIO_AUTH_TOKEN is not set: every webhook will be refused (403) until it is.');
}

let agent: AgentAdapter | undefined;
if (env.CALLBOT_AGENT_URL) {
  agent = openAiChatAgent({
    url: env.CALLBOT_AGENT_URL,
    model: env.CALLBOT_AGENT_MODEL ?? 'gpt-4o-mini',
    ...(env.CALLBOT_AGENT_API_KEY && { apiKey: env.CALLBOT_AGENT_API_KEY }),
    // A turn must come back well within the provider's webhook timeout (15 s for Twilio).
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) }),
  });
}

const server = createServer({
  store,
  token,
  authToken: env.TWILIO_AUTH_TOKEN,
  clock: realClock,
  insecureNoSignature,
  ...(env.CALLBOT_PUBLIC_URL && { baseUrl: env.CALLBOT_PUBLIC_URL.replace(/\/$/, '') }),
  ...(agent && { agent }),
});
const url = await server.listen(Number(env.PORT ?? 8787), env.HOST ?? '127.0.0.1');
say(`callbot server on ${url} (${db.description})`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    void server
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
