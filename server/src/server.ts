/**
 * The runtime server over HTTP: the publish API under `/api/` (bearer
 * token), the voice webhooks under `/voice/` (provider signature), and
 * `/health` for load balancers. Node's own `http`; no framework.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LIMITS } from '@callbot/shared';
import type { AgentAdapter, Clock } from '@callbot/runtime';
import { createApi } from './api.ts';
import { verifyTwilioSignature, type FormParams } from './signature.ts';
import type { Store } from './store.ts';
import { createVoiceHandler, type Webhook } from './voice.ts';

export interface ServerOptions {
  store: Store;
  /** The publish API's bearer token. */
  token: string;
  /** The provider account's auth token, which signs every webhook. */
  authToken: string | undefined;
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
}

export interface CallbotServer {
  readonly http: http.Server;
  /** Starts listening; resolves with the URL (port 0 picks a free port). */
  listen(port?: number, host?: string): Promise<string>;
  /** Stops accepting requests and ends open connections. The store stays open. */
  close(): Promise<void>;
}

/** Webhook bodies are a few hundred bytes; anything near this is not from a provider. */
export const WEBHOOK_MAX_BYTES = 64 * 1024;
/** A flow may be up to the document limit, in a JSON envelope. */
export const API_MAX_BYTES = LIMITS.maxBytes + 64 * 1024;

const WEBHOOKS: Record<string, Webhook> = {
  '/voice/incoming': 'incoming',
  '/voice/gather': 'gather',
  '/voice/dial-result': 'dial-result',
  '/voice/status': 'status',
};

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

/** Equal tokens, compared in constant time whatever their lengths. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
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
  const voice = createVoiceHandler({
    store: options.store,
    clock: options.clock,
    log,
    ...(options.agent && { agent: options.agent }),
  });

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
    if (!options.insecureNoSignature) {
      if (!options.authToken) {
        throw new HttpError(403, 'No TWILIO_AUTH_TOKEN is configured: webhooks cannot be checked.');
      }
      const signed = (options.baseUrl ?? `http://${req.headers.host ?? 'localhost'}`) + req.url;
      const pairs: FormParams = [...params.entries()];
      const signature = req.headers['x-twilio-signature'];
      if (
        !verifyTwilioSignature(
          options.authToken,
          signed,
          pairs,
          typeof signature === 'string' ? signature : undefined,
        )
      ) {
        throw new HttpError(403, 'The request signature (X-Twilio-Signature) is missing or wrong.');
      }
    }
    return voice.handle(hook, params, url.searchParams);
  }

  async function serveApi(req: http.IncomingMessage, url: URL) {
    const auth = req.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice(7) : '';
    if (given === '' || !sameToken(given, options.token)) {
      return {
        status: 401,
        body: { error: 'unauthorized', message: 'A valid bearer token is required.' },
      };
    }
    const raw = await readBody(req, API_MAX_BYTES);
    let body: unknown;
    if (raw.length > 0) {
      if (mediaType(req) !== 'application/json') {
        throw new HttpError(400, 'The API takes JSON bodies (Content-Type: application/json).');
      }
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        throw new HttpError(400, `The body is not JSON: ${(error as Error).message}`);
      }
    }
    let segments: string[];
    try {
      segments = url.pathname
        .slice('/api/'.length)
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
    } catch {
      throw new HttpError(400, 'The path is not valid percent-encoding.');
    }
    return api({ method: req.method ?? 'GET', segments, body });
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://server');
    const hook = WEBHOOKS[url.pathname];
    if (hook) {
      const { status, body } = await serveVoice(req, url, hook);
      const isXml = body.startsWith('<?xml');
      res.writeHead(status, {
        'content-type': isXml ? 'text/xml; charset=utf-8' : 'text/plain; charset=utf-8',
      });
      res.end(body);
      return;
    }
    if (url.pathname === '/health') {
      sendJson(res, 200, { ok: true });
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      // The designer publishes from its own origin. The API takes a bearer token, never a
      // cookie, so any origin may call it: only who holds the token gets anything done.
      res.setHeader('access-control-allow-origin', '*');
      if (req.method === 'OPTIONS') {
        res.writeHead(204, {
          'access-control-allow-methods': 'GET, POST, PUT, DELETE',
          'access-control-allow-headers': 'authorization, content-type',
          'access-control-max-age': '600',
        });
        res.end();
        return;
      }
      const { status, body } = await serveApi(req, url);
      sendJson(res, status, body);
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
        `internal error on ${req.method} ${req.url}: ${(error as Error)?.stack ?? String(error)}`,
      );
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Internal error.\n');
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  });

  return {
    http: server,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (status === 204) {
    res.writeHead(204);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
