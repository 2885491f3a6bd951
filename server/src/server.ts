/**
 * The server over HTTP: the API under `/api/` (its route table in
 * `routes.ts`: accounts with a session cookie or API token, the publish
 * routes with the server-wide token), the voice webhooks under `/voice/`
 * (provider signature), `/health` (the process and its database), `/ready`
 * (for load balancers), and the built designer for every other path. Node's
 * own `http`; no framework.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIMITS, WORKSPACE_FILE_MAX_BYTES } from '@callbot/shared';
import type { AgentAdapter, Clock } from '@callbot/runtime';
import { createAdmission, startLagMonitor, type Priority } from './admission.ts';
import type { AccountStore } from './accounts.ts';
import { createApi } from './api.ts';
import { clientAddress, createRouter, withoutSecrets, type Reply } from './router.ts';
import { apiRoutes } from './routes.ts';
import { newSecret, type ScryptCost } from './secrets.ts';
import { serveDesigner } from './static.ts';
import type { HoldMessages } from './protocol.ts';
import { signatureAlgorithm, verifyTwilioSignature, type FormParams } from './signature.ts';
import { isDatabaseUnavailable } from './db.ts';
import { isUniqueViolation, type Store } from './store.ts';
import { createVoiceHandler, type Webhook } from './voice.ts';
import { writeEventStream, type WorkspaceHub } from './workspace/events.ts';
import { workspaceRoutes } from './workspace/routes.ts';
import { seedWorkspace } from './workspace/seed.ts';
import { callRoutes, type CallsService } from './calls/routes.ts';
import { writeFile } from './calls/download.ts';
import type { WorkspaceStore } from './workspace/store.ts';
import { createPublishDirectory } from './workspace/publishDirectory.ts';
import { publishRoutes } from './workspace/publishRoutes.ts';
import type { PublishStore } from './workspace/publishStore.ts';
import { providerRoutes, serveProviderWebhook } from './provider/routes.ts';
import type { ProviderService } from './provider/service.ts';

export interface ServerOptions {
  store: Store;
  /** Accounts, sessions, workspaces and API tokens. */
  accounts: AccountStore;
  /** The publish API's bearer token. */
  token: string;
  /**
   * The one-time token of the setup link that makes the first account
   * (valid while no account exists); random when not given.
   */
  setupToken?: string;
  /** A built designer to serve at `/` (e.g. `designer/dist`); without it, only the API and webhooks. */
  designerDir?: string;
  /**
   * Behind a proxy that appends the client's address to `X-Forwarded-For`:
   * that address (its last entry) is the one sign-in throttling counts.
   */
  trustProxy?: boolean;
  /** The password hash's cost (tests lower it; see `secrets.ts`). */
  scryptCost?: ScryptCost;
  /** The provider account's auth token, which signs every webhook. */
  authToken: string | undefined;
  /**
   * The secret of the provider's SharedKey, for webhooks signed with it
   * (`X-Twilio-Webhooks-Signature-Settings`, HMAC-SHA256 or HMAC-SHA1).
   */
  sharedKeySecret?: string;
  /**
   * The public origin the provider calls, e.g. `https://bot.example.com`: the
   * signature covers the full URL. Without it, `http://` + the Host header.
   */
  baseUrl?: string;
  /** The wall clock; each request reads its time from it once. */
  clock: Pick<Clock, 'now'>;
  /** Answers AI agent nodes. */
  agent?: AgentAdapter;
  /** Development only: accept webhooks without checking their signature. */
  insecureNoSignature?: boolean;
  /** Where errors and notices go (standard error by default). */
  log?: (line: string) => void;
  /**
   * Webhook requests served at once before new calls are shed (held with a
   * retry) at half of it, and requests of calls in progress at all of it.
   */
  maxInFlight?: number;
  /**
   * How late the event loop may run (ms) before new calls are shed: past
   * capacity, requests wait unseen in the kernel's queues, and a late loop is
   * the sign of it. Default 50 ms.
   */
  maxLagMs?: number;
  /**
   * The overload signal, for tests: how late the event loop runs now (ms) and
   * a monotonic clock (ms). By default the loop is sampled every 10 ms while
   * the server listens.
   */
  overload?: { lagMs(): number; now(): number };
  /** A webhook's deadline (the database included) before the caller is held; default 8 s. */
  deadlineMs?: number;
  /** Holds in a row before the default team takes the call (default 8), and their pause (2 s). */
  maxRetries?: number;
  pauseSeconds?: number;
  holdMessages?: HoldMessages;
  /**
   * How long an idle kept-alive connection stays open: longer than the load
   * balancer's idle timeout (60 s on common ones), so the balancer closes
   * first and never sends on a connection being closed. Default 65 s; the
   * headers timeout is one second more.
   */
  keepAliveTimeoutMs?: number;
  /**
   * The workspace's data (`/api/workspaces/:ws/flows`, teams, lines, ...,
   * the events stream): its store and the hub that carries changes to
   * every instance. Without it, those routes are not served.
   */
  workspace?: {
    store: WorkspaceStore;
    hub: WorkspaceHub;
    /**
     * Publishing under the workspace and its calls: with it, the voice
     * webhooks answer a workspace's numbers from its own lines, published
     * callbots, teams and bots.
     */
    published?: PublishStore;
    /** How often an open event stream checks that its member still is one (default 10 s). */
    memberCheckMs?: number;
    /** The calls page's reads and live calls (`/api/workspaces/:ws/calls…`); not served without. */
    calls?: CallsService;
  };
  /** The workspaces' provider (`provider/service.ts`): its API routes and webhooks. */
  provider?: ProviderService;
}

export interface CallbotServer {
  readonly http: http.Server;
  /** The setup link's token (print it as `<public url>/setup?token=…` while no account exists). */
  readonly setupToken: string;
  /** Starts listening; resolves with the URL (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests and ends open connections. The store stays open. */
  close(): Promise<void>;
}

/** Webhook bodies are a few hundred bytes; anything near this is not from a provider. */
export const WEBHOOK_MAX_BYTES = 64 * 1024;
/** A flow may be up to the document limit, in a JSON envelope. */
export const API_MAX_BYTES = LIMITS.maxBytes + 64 * 1024;

const WEBHOOKS: ReadonlyMap<string, Webhook> = new Map([
  ['/voice/incoming', 'incoming'],
  ['/voice/gather', 'gather'],
  ['/voice/dial-result', 'dial-result'],
  ['/voice/status', 'status'],
  ['/voice/continue', 'continue'],
  ['/voice/queue-wait', 'queue-wait'],
  // A business-initiated WhatsApp call, answered: its line's callbot takes it like any call
  // (the provider posts Direction=outbound-api, From=whatsapp:+business, To=whatsapp:+customer).
  ['/voice/whatsapp/outbound', 'incoming'],
]);

/** Connections waiting to be accepted (the kernel caps it at net.core.somaxconn). */
const LISTEN_BACKLOG = 4096;

/** What a webhook is to load shedding, from its path alone (decided before its body is read). */
const PRIORITY: Readonly<Record<Webhook, Priority>> = {
  incoming: 'new',
  gather: 'in-progress',
  'dial-result': 'in-progress',
  continue: 'in-progress',
  status: 'always',
  // A caller already waiting in a queue: never held, or the wait would be a pause and no music.
  'queue-wait': 'always',
};

/** How long `/health` and `/ready` wait for the database. */
const PROBE_MS = 2000;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      reject(new HttpError(413, `The request body is over ${limit} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // The rest is read and dropped, so that the 413 can still be sent.
        req.off('data', collect);
        req.resume();
        reject(new HttpError(413, `The request body is over ${limit} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', collect);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const mediaType = (req: http.IncomingMessage) =>
  (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * The server, not yet listening.
 *
 * @example
 * const server = createServer({ store, token, authToken, clock: realClock });
 * const url = await server.listen(0, '127.0.0.1');
 */
export function createServer(options: ServerOptions): CallbotServer {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const api = createApi(options.store, () => options.clock.now());
  const setupToken = options.setupToken ?? newSecret();
  const router = createRouter({
    routes: [
      ...apiRoutes({
        accounts: options.accounts,
        api,
        setupToken,
        secureCookies: options.baseUrl?.startsWith('https://') ?? false,
        ...(options.scryptCost && { scryptCost: options.scryptCost }),
        ...(options.workspace && {
          seedWorkspace: seedWorkspace.bind(null, options.workspace.store),
        }),
      }),
      ...(options.workspace
        ? workspaceRoutes(options.workspace.store, options.workspace.hub, {
            log,
            stillMember: async (ws, userId) =>
              (await options.accounts.membership(ws, userId)) !== null,
            ...(options.workspace.memberCheckMs !== undefined && {
              memberCheckMs: options.workspace.memberCheckMs,
            }),
          })
        : []),
      ...(options.workspace?.published
        ? publishRoutes({ ...options.workspace, published: options.workspace.published, log })
        : []),
      ...(options.provider ? providerRoutes(options.provider) : []),
      ...(options.workspace?.calls
        ? callRoutes({
            stillMember: async (ws, userId) =>
              (await options.accounts.membership(ws, userId)) !== null,
            ...(options.workspace.memberCheckMs !== undefined && {
              memberCheckMs: options.workspace.memberCheckMs,
            }),
            ...options.workspace.calls,
          })
        : []),
    ],
    accounts: options.accounts,
    serverToken: options.token,
    now: () => options.clock.now(),
  });
  const designer = options.designerDir === undefined ? null : serveDesigner(options.designerDir);
  if (designer && !designer.ok) throw new Error(designer.error);
  const directory =
    options.workspace?.published &&
    createPublishDirectory({
      published: options.workspace.published,
      hub: options.workspace.hub,
    });
  const voice = createVoiceHandler({
    store: options.store,
    ...(directory && { directory }),
    clock: options.clock,
    log,
    ...(options.agent && { agent: options.agent }),
    ...(options.deadlineMs !== undefined && { deadlineMs: options.deadlineMs }),
    ...(options.maxRetries !== undefined && { maxRetries: options.maxRetries }),
    ...(options.pauseSeconds !== undefined && { pauseSeconds: options.pauseSeconds }),
    ...(options.holdMessages && { holdMessages: options.holdMessages }),
  });
  const maxInFlight = options.maxInFlight ?? 64;
  /** The event loop's lateness, measured while listening unless the options give it. */
  let monitor: ReturnType<typeof startLagMonitor> | null = null;
  const admission = createAdmission({
    maxInFlight,
    maxLagMs: options.maxLagMs ?? 25,
    lagMs: options.overload ? () => options.overload!.lagMs() : () => monitor?.lagMs() ?? 0,
    now: options.overload ? () => options.overload!.now() : () => performance.now(),
  });

  /** Checks the request's signature; throws a 403 when it is missing or wrong. */
  function checkSignature(req: http.IncomingMessage, params: URLSearchParams) {
    const settings = req.headers['x-twilio-webhooks-signature-settings'];
    const sharedKey = typeof settings === 'string' && settings.trim() !== '';
    const secret = sharedKey ? options.sharedKeySecret : options.authToken;
    if (!secret) {
      throw new HttpError(
        403,
        sharedKey
          ? 'The webhook is signed with a SharedKey and no TWILIO_SHARED_KEY_SECRET is configured.'
          : 'No TWILIO_AUTH_TOKEN is configured: webhooks cannot be checked.',
      );
    }
    const algorithm = sharedKey ? signatureAlgorithm(settings) : 'sha1';
    if (algorithm === null) {
      throw new HttpError(403, 'The webhook signature algorithm is not one this server knows.');
    }
    const signed = (options.baseUrl ?? `http://${req.headers.host ?? 'localhost'}`) + req.url;
    const pairs: FormParams = [...params.entries()];
    const signature = req.headers['x-twilio-signature'];
    const given = typeof signature === 'string' ? signature : undefined;
    if (!verifyTwilioSignature(secret, signed, pairs, given, algorithm)) {
      throw new HttpError(403, 'The request signature (X-Twilio-Signature) is missing or wrong.');
    }
  }

  async function serveVoice(req: http.IncomingMessage, url: URL, hook: Webhook) {
    if (req.method !== 'POST') throw new HttpError(405, 'Webhooks are POST requests.');
    const raw = await readBody(req, WEBHOOK_MAX_BYTES);
    if (mediaType(req) !== 'application/x-www-form-urlencoded') {
      throw new HttpError(
        400,
        'A webhook body is form-encoded (application/x-www-form-urlencoded).',
      );
    }
    const params = new URLSearchParams(raw.toString('utf8'));
    if (!options.insecureNoSignature) checkSignature(req, params);
    // Decided from the path alone, once the request is known to be the provider's (its signature,
    // a few microseconds): past capacity a new call is held at once (a pause and the same request
    // again), so that calls in progress keep their latency. Holding never touches the database.
    if (!admission.enter(PRIORITY[hook])) return voice.shed(hook, params, url.searchParams);
    try {
      return await voice.handle(hook, params, url.searchParams);
    } finally {
      admission.leave();
    }
  }

  /** The database's state, probed at most once a second (concurrent probes share one). */
  let probe: { at: number; result: Promise<DatabaseState> } | null = null;
  function databaseState(): Promise<DatabaseState> {
    const now = performance.now();
    if (probe && now - probe.at < 1000) return probe.result;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const result = Promise.race([
      options.store.ping().then((): DatabaseState => ({
        state: 'up',
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
      })),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_MS} ms`)), PROBE_MS);
      }),
    ])
      .catch((error: unknown): DatabaseState => ({
        state: 'down',
        error: (error as Error)?.message ?? String(error),
      }))
      .finally(() => clearTimeout(timer));
    probe = { at: now, result };
    return result;
  }

  async function serveApi(req: http.IncomingMessage, url: URL): Promise<Reply> {
    // A workspace file moving in may be larger than a flow (the owner's route; checked whole).
    const limit = /^\/api\/workspaces\/[^/]+\/import$/.test(url.pathname)
      ? WORKSPACE_FILE_MAX_BYTES
      : API_MAX_BYTES;
    // Read by the router once the caller may call the route (never for a refused one).
    const readJsonBody = async (): Promise<unknown> => {
      const raw = await readBody(req, limit);
      if (raw.length === 0) return undefined;
      if (mediaType(req) !== 'application/json') {
        throw new HttpError(400, 'The API takes JSON bodies (Content-Type: application/json).');
      }
      try {
        return JSON.parse(raw.toString('utf8'));
      } catch (error) {
        throw new HttpError(400, `The body is not JSON: ${(error as Error).message}`);
      }
    };
    let segments: string[];
    try {
      segments = url.pathname.slice(1).split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new HttpError(400, 'The path is not valid percent-encoding.');
    }
    const reply = await router({
      method: req.method ?? 'GET',
      segments,
      query: url.searchParams,
      headers: req.headers,
      body: readJsonBody,
      ip: clientAddress(req, options.trustProxy ?? false),
      origin: options.baseUrl ?? `http://${req.headers.host ?? 'localhost'}`,
    });
    return (
      reply ?? {
        status: 404,
        body: { error: 'not_found', message: `No such API route: ${req.method} ${url.pathname}.` },
      }
    );
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://server');
    const hook = WEBHOOKS.get(url.pathname);
    if (hook) {
      const { status, body } = await serveVoice(req, url, hook);
      const isXml = body.startsWith('<?xml');
      res.writeHead(status, {
        'content-type': isXml ? 'text/xml; charset=utf-8' : 'text/plain; charset=utf-8',
      });
      res.end(body);
      return;
    }
    if (options.provider && url.pathname.startsWith('/provider/')) {
      const raw = req.method === 'POST' ? await readBody(req, WEBHOOK_MAX_BYTES) : Buffer.alloc(0);
      const publicUrl = (options.baseUrl ?? `http://${req.headers.host ?? 'localhost'}`) + req.url;
      const { status, body } = await serveProviderWebhook(
        options.provider,
        req,
        url,
        raw,
        publicUrl,
        options.clock.now(),
      );
      // A WhatsApp call the business placed reports here only: its voice record closes too.
      if (status === 200 && url.pathname.endsWith('/webhooks/calls')) {
        await voice.closeKnown(new URLSearchParams(raw.toString('utf8')));
      }
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(body);
      return;
    }
    if (url.pathname === '/health') {
      // The process answers (200) and says how its database is: a load balancer's liveness check.
      const database = await databaseState();
      sendJson(res, 200, {
        ok: database.state === 'up',
        database,
        webhooks: {
          inFlight: admission.inFlight,
          maxInFlight,
          shed: admission.shed,
          sheddingNewCalls: admission.sheddingNewCalls,
          newCallsPerSecond: Math.round(admission.newCallRate),
        },
      });
      return;
    }
    if (url.pathname === '/ready') {
      // Whether to send calls here now: the database answers and the server is not shedding.
      const database = await databaseState();
      const ready = database.state === 'up' && !admission.sheddingNewCalls;
      sendJson(res, ready ? 200 : 503, {
        ready,
        database: database.state,
        inFlight: admission.inFlight,
      });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // Scripts and a designer on another origin call with a bearer token, so any origin may:
      // only who holds a token gets anything done. A browser never sends the session cookie
      // to a wildcard origin's script with credentials readable, and changes made with the
      // cookie need the CSRF header besides.
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      const { status, body, cookies, stream, file } = await serveApi(req, url).catch(
        (error: unknown): Reply => {
          // Two changes at once that the database refused one of (a unique index): the other won.
          if (isUniqueViolation(error)) {
            return {
              status: 409,
              body: { error: 'conflict', message: 'Another change to this record won; try again.' },
            };
          }
          if (isDatabaseUnavailable(error)) {
            log(`API: the database cannot answer: ${(error as Error).message}`);
            return {
              status: 503,
              body: { error: 'database_unavailable', message: 'The database cannot answer now.' },
            };
          }
          throw error;
        },
      );
      if (cookies) res.setHeader('set-cookie', cookies);
      if (stream) {
        writeEventStream(req, res, stream);
        return;
      }
      if (file) {
        await writeFile(res, status, file);
        return;
      }
      // Answers about accounts are the caller's own: never kept by a cache.
      res.setHeader('cache-control', 'no-store');
      sendJson(res, status, body);
      return;
    }
    if (designer?.ok && !url.pathname.startsWith('/voice/')) {
      designer.handle(req, res);
      return;
    }
    sendJson(res, 404, { error: 'not_found', message: `Nothing at ${url.pathname}.` });
  }

  const server = http.createServer((req, res) => {
    serve(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) {
        if (!res.headersSent) {
          res.writeHead(error.status, {
            'content-type': 'text/plain; charset=utf-8',
            connection: 'close',
          });
        }
        res.end(`${error.message}\n`);
        return;
      }
      log(
        `internal error on ${req.method} ${withoutSecrets(req.url ?? '')}: ${(error as Error)?.stack ?? String(error)}`,
      );
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error.\n');
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 65_000;
  // Above the keep-alive timeout, or a request arriving just before it ends would be cut.
  server.headersTimeout = server.keepAliveTimeout + 1000;
  server.requestTimeout = Math.max(server.requestTimeout, server.headersTimeout + 1000);

  return {
    http: server,
    setupToken,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        // A long accept queue: a burst of new connections (the provider opens many) waits to be
        // accepted instead of being dropped, which the caller's side retries only after 1, 3, 7 s.
        server.listen({ port, host, backlog: LISTEN_BACKLOG }, () => {
          server.off('error', reject);
          if (!options.overload) monitor ??= startLagMonitor();
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      directory?.close();
      monitor?.stop();
      monitor = null;
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** What `/health` says of the database. */
export type DatabaseState = { state: 'up'; latencyMs: number } | { state: 'down'; error: string };

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (status === 204) {
    res.writeHead(204);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
