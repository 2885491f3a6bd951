/**
 * `npm run server` (and `npm start`): the server configured from the
 * environment (see the README). Embedded PGlite in `server/.data/` unless
 * `DATABASE_URL` names a PostgreSQL server; the built designer from
 * `designer/dist` (or `CALLBOT_DESIGNER_DIR`) at `/`.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAiChatAgent, realClock, type AgentAdapter } from '@callbot/runtime';
import { createAccountStore } from './accounts.ts';
import { readConfig } from './config.ts';
import { openPglite, openPostgres } from './db.ts';
import { FolderLockedError } from './lock.ts';
import { createServer } from './server.ts';
import { createStore, deferredStore } from './store.ts';
import { createHub, inProcessBus, postgresBus } from './workspace/events.ts';
import { readSecretKey, SECRET_KEY_VARIABLE } from './provider/credentials.ts';
import { createProviderService } from './provider/service.ts';
import { runCallJobs } from './calls/jobs.ts';
import { createLiveCallsHub, realLiveTimer } from './calls/live.ts';
import { createCallsStore, type CallsStore } from './calls/store.ts';
import { createWorkspaceStore } from './workspace/store.ts';
import { createPublishStore } from './workspace/publishStore.ts';

const env = process.env;
const say = (line: string) => process.stderr.write(`${line}\n`);

const read = readConfig(env, { dataDir: fileURLToPath(new URL('../.data', import.meta.url)) });
if (!read.ok) {
  say(`The server refuses to start:\n${read.errors.map((e) => `- ${e}`).join('\n')}`);
  process.exit(2);
}
const config = read.config;

/**
 * The API token: the one given, or the one kept in the token file (made
 * there on the first start, readable by this user only). Never printed.
 */
function apiToken(): string {
  if (config.token) return config.token;
  const file = config.tokenFile;
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept !== '') {
      say(`CALLBOT_API_TOKEN is not set: using the token kept in ${file}`);
      return kept;
    }
  } catch {
    // Not made yet.
  }
  const token = randomBytes(33).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'wx', 0o600);
  writeSync(fd, `${token}\n`);
  closeSync(fd);
  say(`CALLBOT_API_TOKEN is not set: a token was made and written to ${file} (mode 0600)`);
  return token;
}

// The database opens while the server starts listening: PGlite's start takes a second or more,
// and a request that comes meanwhile waits for it (within its deadline) instead of being refused.
const opening = config.databaseUrl
  ? Promise.resolve(openPostgres(config.databaseUrl, { bounds: config.bounds }))
  : openPglite(config.dataDir);
try {
  // A folder another server holds is refused before anything listens: openPglite takes the lock
  // before its first await, so its promise is already rejected then, and settles first here.
  await Promise.race([opening, Promise.resolve()]);
} catch (error) {
  if (error instanceof FolderLockedError) {
    say(error.message);
    process.exit(1);
  }
  throw error;
}
const store = deferredStore(opening.then(createStore));
// The accounts' tables come with the store's migrations: they are used once those ran.
const accounts = deferredStore(
  opening.then(async (db) => {
    await store.ping();
    return createAccountStore(db);
  }),
);

// The workspace's data, on the same database; its changes reach every instance's event streams
// through PostgreSQL's LISTEN/NOTIFY (PGlite is one process: they stay in it).
const workspaceStore = deferredStore(
  opening.then(async (db) => {
    await store.ping();
    return createWorkspaceStore(db, () => Date.now());
  }),
);
// What was published under each workspace, and what its calls read (same database).
const published = deferredStore(
  opening.then(async (db) => {
    await store.ping();
    return createPublishStore(db, () => Date.now());
  }),
);
// The calls page's reads, live calls and scheduled job (retention, finishing ended calls).
const callsStore = deferredStore<CallsStore>(
  opening.then(async (db) => {
    await store.ping();
    return createCallsStore(db);
  }),
);
const calls = {
  store: callsStore,
  live: createLiveCallsHub((ws) => callsStore.live(ws), realLiveTimer),
};
const callJobs = setInterval(() => {
  void opening
    .then((db) => runCallJobs(db, Date.now(), { serverWideDays: config.callRetentionDays }))
    .then(({ deleted }) => {
      if (deleted > 0) say(`calls: deleted ${deleted} calls past their retention`);
    })
    .catch((error: unknown) => say(`calls job failed: ${(error as Error).message}`));
}, 60_000);
callJobs.unref();
const bus = config.databaseUrl
  ? postgresBus(
      { query: async (text, params) => (await opening).query(text, params) },
      config.databaseUrl,
      {
        log: say,
      },
    )
  : inProcessBus();
const hub = createHub(bus, () => Date.now());
// Presence: who stopped sending heartbeats is gone (checked every 5 s).
const presenceSweep = setInterval(() => hub.sweep(), 5_000);
presenceSweep.unref();

// The provider: the sandbox for every workspace, or a workspace's own Twilio account once its owner
// enters it (kept sealed with CALLBOT_SECRET_KEY; without the key, the sandbox only).
let secretKey: Buffer | null;
try {
  secretKey = readSecretKey(env[SECRET_KEY_VARIABLE]);
} catch (error) {
  say(`The server refuses to start: ${(error as Error).message}`);
  process.exit(2);
}
if (!secretKey) {
  say(
    `${SECRET_KEY_VARIABLE} is not set: provider credentials cannot be kept, every workspace uses the sandbox provider.`,
  );
}
const provider = createProviderService({
  db: deferredStore(
    opening.then(async (db) => {
      // The provider's tables come with the store's migrations.
      await store.ping();
      return db;
    }),
  ),
  workspaces: workspaceStore,
  hub,
  now: () => Date.now(),
  secretKey,
  log: say,
});

/** The designer to serve: the one named, or the repository's build when there is one. */
const defaultDesigner = fileURLToPath(new URL('../../designer/dist', import.meta.url));
const designerDir =
  config.designerDir ??
  (existsSync(path.join(defaultDesigner, 'index.html')) ? defaultDesigner : undefined);
if (!designerDir) {
  say(`The designer is not served: ${defaultDesigner} has no build (npm run build makes it).`);
}
const token = apiToken();

if (config.insecureNoSignature) {
  say('CALLBOT_INSECURE_NO_SIGNATURE=1: webhook signatures are NOT checked. Development only.');
} else if (!config.authToken && !config.sharedKeySecret) {
  say('TWILIO_AUTH_TOKEN is not set: every webhook will be refused (403) until it is.');
}

let agent: AgentAdapter | undefined;
if (env.CALLBOT_AGENT_URL) {
  agent = openAiChatAgent({
    url: env.CALLBOT_AGENT_URL,
    model: env.CALLBOT_AGENT_MODEL ?? 'gpt-4o-mini',
    ...(env.CALLBOT_AGENT_API_KEY && { apiKey: env.CALLBOT_AGENT_API_KEY }),
    // A turn must come back well within the provider's webhook timeout (15 s for Twilio).
    fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(7_000) }),
  });
}

let server: ReturnType<typeof createServer>;
try {
  server = createServer({
    store,
    accounts,
    token,
    ...(config.setupToken && { setupToken: config.setupToken }),
    trustProxy: config.trustProxy,
    ...(designerDir && { designerDir }),
    authToken: config.authToken,
    clock: realClock,
    insecureNoSignature: config.insecureNoSignature,
    keepAliveTimeoutMs: config.keepAliveTimeoutMs,
    maxInFlight: config.maxInFlight,
    deadlineMs: config.deadlineMs,
    holdMessages: config.holdMessages,
    ...(config.sharedKeySecret && { sharedKeySecret: config.sharedKeySecret }),
    ...(config.baseUrl && { baseUrl: config.baseUrl }),
    ...(agent && { agent }),
    workspace: { store: workspaceStore, hub, published, calls },
    provider,
  });
} catch (error) {
  say(`The server refuses to start: ${(error as Error).message}`);
  process.exit(2);
}
const url = await server.listen(config.port, config.host).catch((error: unknown) => {
  const code = (error as { code?: unknown }).code;
  say(
    code === 'EADDRINUSE'
      ? `Port ${config.port} on ${config.host} is in use (another server?): stop it, or set PORT.`
      : `The server cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`,
  );
  process.exit(1);
});
const db = await opening;
await store.ping().catch((error: unknown) => {
  say(`The database cannot be opened: ${(error as Error).message}`);
  process.exit(1);
});
say(
  `callbot server on ${url} (${db.description})${designerDir ? `, designer from ${designerDir}` : ''}`,
);
if (!(await accounts.hasUsers())) {
  // The one place the setup link is shown: whoever reads this console makes the first account.
  say(
    `No account yet: open ${config.baseUrl ?? url}/setup?token=${server.setupToken} to create the owner's.`,
  );
}

// Calls whose end the provider never reported (a lost status callback) are closed.
const sweep = setInterval(
  () => {
    store
      .sweep(Date.now() - config.sweepAfterMs)
      .then((closed) => {
        if (closed > 0)
          say(`sweep: closed ${closed} calls with no request for ${config.sweepAfterMs} ms`);
      })
      .catch((error: unknown) => say(`sweep failed: ${(error as Error).message}`));
  },
  Math.min(60_000, config.sweepAfterMs / 4),
);
sweep.unref();

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    say('stopping');
    clearInterval(sweep);
    clearInterval(presenceSweep);
    clearInterval(callJobs);
    void server
      .close()
      .then(() => bus.close())
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
