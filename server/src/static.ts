/**
 * The built designer (`designer/dist`), served by the server itself: one
 * process, one origin, so the session cookie and the API need no CORS.
 * sirv (maintained, small, no framework) does the file serving: the folder
 * is listed once at start and only those files are ever served (no path
 * from the request reaches the file system, so no traversal), with their
 * content types, ETags and ranges. Any other path without an extension
 * gets `index.html` (the designer routes in the browser: `/setup`,
 * `/invite`); a missing file with an extension is a 404.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import sirv from 'sirv';

/** Vite names built files by their content under `assets/`: they never change. */
const HASHED = /^\/assets\//;

/**
 * A handler for the designer's files in `dir`, or an error naming what is
 * missing. GET and HEAD only.
 *
 * @example
 * const designer = serveDesigner('designer/dist');
 * if (designer.ok) designer.handle(req, res);
 */
export function serveDesigner(
  dir: string,
):
  | { ok: true; handle: (req: http.IncomingMessage, res: http.ServerResponse) => void }
  | { ok: false; error: string } {
  const root = path.resolve(dir);
  if (!existsSync(path.join(root, 'index.html'))) {
    return {
      ok: false,
      error: `${root} has no index.html: build the designer first (npm run build), or set CALLBOT_DESIGNER_DIR to a built designer.`,
    };
  }
  const files = sirv(root, {
    single: true,
    etag: true,
    dotfiles: false,
    setHeaders(res, pathname) {
      res.setHeader(
        'cache-control',
        HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  return {
    ok: true,
    handle(req, res) {
      // Links with a token (an invitation) must not leak through the Referer header.
      res.setHeader('referrer-policy', 'no-referrer');
      res.setHeader('x-content-type-options', 'nosniff');
      res.setHeader('x-frame-options', 'DENY');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
        res.end("The designer's files are read with GET.\n");
        return;
      }
      files(req, res, () => {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Not found.\n');
      });
    },
  };
}
