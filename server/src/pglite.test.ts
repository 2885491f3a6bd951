/**
 * PGlite is one process: a second server on the same data folder is refused
 * with a clear message, a lock left by a killed server does not block its
 * restart, and calls in progress before a `kill -9` go on after the restart
 * (the provider's retry of a request that fell in the gap is served, the
 * step tokens make it safe). Real processes of `npm run server`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import { LOCK_FILE, lockFolder } from './lock.ts';
import { postWebhook } from './webhookClient.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const AUTH_TOKEN = 'pglite-auth-token';
const LINE = '+551130000000';

const dir = mkdtempSync(path.join(tmpdir(), 'callbot-pglite-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run server` on the folder; resolves with its origin, or with its exit and what it said. */
function startServer(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      CALLBOT_DATA_DIR: path.join(dir, 'data'),
      PORT: '0',
      HOST: '127.0.0.1',
      TWILIO_AUTH_TOKEN: AUTH_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  let said = '';
  return new Promise<
    | { origin: string; child: ChildProcess; said: () => string }
    | { code: number | null; said: string }
  >((resolve) => {
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const url = /callbot server on (http:\/\/\S+)/.exec(said)?.[1];
      if (url) resolve({ origin: url, child, said: () => said });
    });
    child.once('exit', (code) => resolve({ code, said }));
  });
}

async function started(env: Record<string, string> = {}) {
  const result = await startServer(env);
  if (!('origin' in result)) throw new Error(`the server exited (${result.code}): ${result.said}`);
  return result;
}

describe('one server per PGlite folder', () => {
  it('refuses a second server on the folder, and a killed one restarts with its calls', async () => {
    const first = await started({ CALLBOT_API_TOKEN: 'pglite-api-token' });
    const api = (method: string, route: string, body: unknown) =>
      fetch(first.origin + route, {
        method,
        headers: { authorization: 'Bearer pglite-api-token', 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const flow = structuredClone(examples.reception);
    flow.nodes = flow.nodes
      .filter((n) => !['horario', 'fechado', 'bot-fora'].includes(n.id))
      .map((n) => (n.id === 'greeting' ? { ...n, connections: { next: 'menu' } } : n));
    expect((await api('POST', '/api/callbots/recepcao/versions', { flow })).status).toBe(201);
    expect(
      (await api('PUT', `/api/lines/${LINE}`, { callbot: 'recepcao', version: 1 })).status,
    ).toBe(200);

    const second = await startServer();
    expect(second).toMatchObject({ code: 1 });
    expect('said' in second && second.said).toMatch(
      /The data folder .* is in use by another callbot server \(process \d+/,
    );

    // Calls in progress, each at step 2 (a wrong key heard).
    const sids = Array.from({ length: 10 }, (_, i) => `CApglite${i}`);
    for (const CallSid of sids) {
      const from = { CallSid, From: '+5511999990000', To: LINE, Direction: 'inbound' };
      expect(
        (await postWebhook(first.origin, '/voice/incoming', from, { authToken: AUTH_TOKEN }))
          .status,
      ).toBe(200);
      const wrong = await postWebhook(
        first.origin,
        '/voice/gather?step=1',
        { CallSid, Digits: '7' },
        { authToken: AUTH_TOKEN },
      );
      expect(wrong.body).toContain('Opção inválida.');
    }
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    // The lock the killed server left does not block its restart, and every call goes on.
    const restarted = await started({ CALLBOT_API_TOKEN: 'pglite-api-token' });
    for (const CallSid of sids) {
      const next = await postWebhook(
        restarted.origin,
        '/voice/gather?step=2',
        { CallSid, Digits: '7' },
        { authToken: AUTH_TOKEN },
      );
      expect(next.body, CallSid).toMatch(/Opção inválida.*action="\/voice\/gather\?step=3"/);
    }
    restarted.child.kill('SIGTERM');
    await new Promise((resolve) => restarted.child.once('exit', resolve));
  }, 240_000);

  it('takes over a lock whose process is gone, and keeps one whose process lives', () => {
    const folder = mkdtempSync(path.join(dir, 'lock-'));
    writeFileSync(
      path.join(folder, LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 1, started: '1', host: hostname() }),
    );
    const release = lockFolder(folder);
    expect(() => lockFolder(folder)).not.toThrow(); // the same process: its own lock is not another's
    release();
    // A live process (this test runner's parent) holding it: refused.
    writeFileSync(
      path.join(folder, LOCK_FILE),
      JSON.stringify({ pid: process.ppid, started: null, host: hostname() }),
    );
    expect(() => lockFolder(folder)).toThrow(/in use by another callbot server/);
  });

  it('writes a generated API token to a file only its user reads, never to the log', async () => {
    const server = await started({ CALLBOT_DATA_DIR: path.join(dir, 'token-data') });
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    const file = path.join(dir, 'token-data', 'api-token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  }, 180_000);

  it('prints a one-time setup link while no account exists', async () => {
    const server = await started({ CALLBOT_DATA_DIR: path.join(dir, 'setup-data') });
    const link = await new Promise<string>((resolve) => {
      const look = () => {
        const found = /No account yet: open (\S+) /.exec(server.said())?.[1];
        if (found) resolve(found);
      };
      server.child.stderr!.on('data', look);
      look();
    });
    expect(link).toMatch(new RegExp(`^${server.origin}/setup\\?token=[\\w-]{43}$`));
    const setup = (email: string) =>
      fetch(`${server.origin}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          setupToken: new URL(link).searchParams.get('token'),
          email,
          name: 'Olivia',
          password: 'correct horse battery',
          workspaceName: 'Acme',
        }),
      });
    expect((await setup('owner@acme.test')).status).toBe(201);
    expect((await setup('second@acme.test')).status).toBe(403);
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
  }, 180_000);

  it('refuses to start beyond loopback without signature checks, or with a short API token', async () => {
    const unsigned = await startServer({ HOST: '0.0.0.0', CALLBOT_INSECURE_NO_SIGNATURE: '1' });
    expect(unsigned).toMatchObject({ code: 2 });
    expect('said' in unsigned && unsigned.said).toMatch(
      /CALLBOT_INSECURE_NO_SIGNATURE=1 with HOST=0\.0\.0\.0/,
    );
    const short = await startServer({ HOST: '0.0.0.0', CALLBOT_API_TOKEN: 'short' });
    expect(short).toMatchObject({ code: 2 });
    expect('said' in short && short.said).toMatch(/CALLBOT_API_TOKEN has 5 characters/);
  }, 180_000);
});
