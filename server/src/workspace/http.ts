/**
 * The workspace routes over HTTP: matching a request to its route, who is
 * calling (the accounts' `access`: a session cookie with its CSRF token, or
 * an API token, and the caller's membership of the path's workspace), the
 * role check against the route's least role, the path parameters' checks,
 * then the handler; JSON answers and the server-sent events stream.
 */
import type http from 'node:http';
import { roleAtLeast, type WorkspaceEvent } from '@callbot/shared';
import { paramSchemas, type Member, type WorkspaceRoute } from './routes.ts';
import { WorkspaceError } from './store.ts';

/**
 * The caller's membership of workspace `ws`, or the refusal to send: 401
 * when nobody is signed in, 403 for a missing CSRF token on a state change,
 * 404 when the workspace is unknown or the caller is not a member of it.
 */
export type WorkspaceAccess = (
  req: http.IncomingMessage,
  ws: string,
) => Promise<Member | { status: number; body: unknown }>;

export interface WorkspaceHttpOptions {
  routes: WorkspaceRoute[];
  access: WorkspaceAccess;
  /** Reads the request's JSON body (undefined when empty); throws the server's HTTP errors. */
  readJson: (req: http.IncomingMessage) => Promise<unknown>;
  /** How often an open event stream gets a comment line, so proxies keep it open (default 25 s). */
  keepAliveMs?: number;
}

export interface WorkspaceHttp {
  /** Serves the request when a workspace route has its path; false when none has. */
  serve(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean>;
}

interface Compiled {
  route: WorkspaceRoute;
  segments: string[];
}

function match(
  compiled: readonly Compiled[],
  segments: readonly string[],
): { route: WorkspaceRoute; params: Map<string, string> }[] {
  const found: { route: WorkspaceRoute; params: Map<string, string> }[] = [];
  for (const { route, segments: pattern } of compiled) {
    if (pattern.length !== segments.length) continue;
    const params = new Map<string, string>();
    const fits = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params.set(part.slice(1), segments[i]!);
        return true;
      }
      return part === segments[i];
    });
    if (fits) found.push({ route, params });
  }
  return found;
}

const refusal = (status: number, error: string, message: string) => ({
  status,
  body: { error, message },
});

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  if (status === 204) {
    res.writeHead(204);
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

/**
 * The workspace routes as a request handler for `server.ts`.
 *
 * @example
 * const workspace = createWorkspaceHttp({ routes, access, readJson });
 * if (await workspace.serve(req, res, url)) return;
 */
export function createWorkspaceHttp(options: WorkspaceHttpOptions): WorkspaceHttp {
  const compiled: Compiled[] = options.routes.map((route) => ({
    route,
    segments: route.path.split('/').filter(Boolean),
  }));
  const keepAliveMs = options.keepAliveMs ?? 25_000;

  async function answer(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    segments: string[],
  ): Promise<{ status: number; body: unknown } | null> {
    const candidates = match(compiled, segments);
    if (candidates.length === 0) return null;
    const found = candidates.find((c) => c.route.method === req.method);
    if (!found) {
      res.setHeader('allow', candidates.map((c) => c.route.method).join(', '));
      return refusal(405, 'method_not_allowed', `${req.method} is not a method of this route.`);
    }
    const { route, params } = found;
    const ws = params.get('ws')!;
    if (!paramSchemas.get('ws')!.safeParse(ws).success) {
      return refusal(404, 'not_found', 'There is no such workspace.');
    }
    const member = await options.access(req, ws);
    if (!('role' in member)) return member;
    if (!roleAtLeast(member.role, route.minRole)) {
      return refusal(
        403,
        'forbidden',
        `This needs the ${route.minRole} role or above; you are ${member.role} in this workspace.`,
      );
    }
    for (const [name, value] of params) {
      const parsed = paramSchemas.get(name)?.safeParse(value);
      if (parsed && !parsed.success) {
        return refusal(422, 'invalid_request', `${name}: ${parsed.error.issues[0]?.message}.`);
      }
    }
    const body = req.method === 'GET' ? undefined : await options.readJson(req);
    try {
      const result = await route.handle({ ws, params, body, member });
      if ('stream' in result) {
        stream(req, res, result.stream);
        return { status: 200, body: undefined };
      }
      return result;
    } catch (error) {
      if (error instanceof WorkspaceError) {
        return {
          status: error.status,
          body: { error: error.code, message: error.message, ...error.extra },
        };
      }
      throw error;
    }
  }

  function stream(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    open: (send: (event: WorkspaceEvent) => void) => () => void,
  ) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const close = open((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), keepAliveMs);
    keepAlive.unref();
    const stop = () => {
      clearInterval(keepAlive);
      close();
    };
    req.on('close', stop);
    res.on('error', stop);
  }

  return {
    async serve(req, res, url) {
      let segments: string[];
      try {
        segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      } catch {
        return false;
      }
      if (segments[0] !== 'api' || segments[1] !== 'workspaces' || segments.length < 4) {
        return false;
      }
      const result = await answer(req, res, segments);
      if (result === null) return false;
      if (!res.headersSent) sendJson(res, result.status, result.body);
      return true;
    },
  };
}
