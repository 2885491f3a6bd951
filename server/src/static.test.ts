/**
 * The designer served by the server: content types, the SPA fallback,
 * cache headers, and nothing outside its folder however the path is spelt.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountStore } from './accounts.ts';
import { openPglite } from './db.ts';
import { createServer, type CallbotServer } from './server.ts';
import { serveDesigner } from './static.ts';
import { createStore, type Store } from './store.ts';

let root: string;
let store: Store;
let server: CallbotServer;
let port: number;

/** A raw request: the path is sent as written (fetch would normalise `..`). */
function get(
  rawPath: string,
  method = 'GET',
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'callbot-static-'));
  const dist = path.join(root, 'dist');
  mkdirSync(path.join(dist, 'assets'), { recursive: true });
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>designer</title>');
  writeFileSync(path.join(dist, 'assets', 'index-Bx7a9f.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'assets', 'index-Cq2.css'), 'body{}');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
  writeFileSync(path.join(dist, '.env'), 'SECRET=dotfile');
  writeFileSync(path.join(root, 'secret.txt'), 'SECRET=outside');
  const db = await openPglite();
  store = await createStore(db);
  server = createServer({
    store,
    accounts: createAccountStore(db),
    token: 'token',
    authToken: 'auth',
    designerDir: dist,
    clock: { now: () => 0 },
    log: () => {},
  });
  port = Number(new URL(await server.listen(0)).port);
}, 60_000);

afterAll(async () => {
  await server.close();
  await store.close();
  rmSync(root, { recursive: true, force: true });
});

describe('the designer served by the server', () => {
  it('serves its files with their types; hashed assets are cached for good, the page never', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('<title>designer</title>');

    const script = await get('/assets/index-Bx7a9f.js');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await get('/assets/index-Cq2.css')).headers['content-type']).toMatch(/^text\/css/);
    expect((await get('/favicon.svg')).headers['content-type']).toMatch(/^image\/svg\+xml/);
  });

  it("answers the page for the designer's own paths, but not for the API, webhooks or missing files", async () => {
    for (const route of ['/setup?token=abc', '/invite', '/flows/recepcao']) {
      const page = await get(route);
      expect(page.status, route).toBe(200);
      expect(page.body).toContain('<title>designer</title>');
    }
    const api = await get('/api/nothing');
    expect(api.status).toBe(404);
    expect(api.headers['content-type']).toMatch(/^application\/json/);
    expect((await get('/voice/nothing')).status).toBe(404);
    expect((await get('/assets/missing-abc.js')).status).toBe(404);
    expect((await get('/', 'POST')).status).toBe(405);
  });

  it('never serves a file outside its folder, nor a dotfile', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/.env',
      '/assets/%2e%2e/.env',
      '//etc/passwd',
    ]) {
      const answer = await get(attempt);
      expect(answer.body, attempt).not.toContain('SECRET');
      expect(answer.body, attempt).not.toContain('root:');
    }
  });

  it('refuses a folder without a built designer, naming it', () => {
    const result = serveDesigner(path.join(root, 'nowhere'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/nowhere has no index\.html: build the designer/);
  });
});
