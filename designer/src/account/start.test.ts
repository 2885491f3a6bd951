import { describe, expect, it } from 'vitest';
import {
  createFakeAccounts,
  fakeAccountsFetch,
  FAKE_ORIGIN,
  seedFakeAccounts,
} from './handlers.ts';
import { startAccount } from './start.ts';

/** The page's relative requests, sent to the stand-in server's origin. */
const onFake =
  (send: typeof fetch): typeof fetch =>
  (input, init) =>
    send(typeof input === 'string' && input.startsWith('/') ? FAKE_ORIGIN + input : input, init);

describe('startAccount', () => {
  it('is browser-only when nothing answers, or a static host answers with its page', async () => {
    expect(await startAccount(() => Promise.reject(new TypeError('Failed to fetch')))).toBeNull();
    const page = () =>
      Promise.resolve(
        new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
      );
    expect(await startAccount(page)).toBeNull();
  });

  it('starts the account on a callbot server, signed in with its workspaces', async () => {
    const fake = createFakeAccounts();
    seedFakeAccounts(fake, { role: 'editor' });
    const started = await startAccount(onFake(fakeAccountsFetch(fake)));
    expect(started?.account.store.getState()).toEqual({
      status: 'signedIn',
      user: { id: 'u-ana', email: 'ana@example.com', name: 'Ana Souza' },
      workspaces: [{ id: 'ws-loja', name: 'Loja Exemplo', role: 'editor' }],
      workspaceId: 'ws-loja',
    });
  });

  it('asks the server for the session once on a signed-in start', async () => {
    const fake = createFakeAccounts();
    seedFakeAccounts(fake, { role: 'trainer' });
    const asked: string[] = [];
    const send = fakeAccountsFetch(fake);
    const started = await startAccount(
      onFake((input, init) => {
        asked.push(
          `${init?.method ?? 'GET'} ${input instanceof Request ? input.url : input.toString()}`,
        );
        return send(input, init);
      }),
    );
    expect(started?.account.store.getState().status).toBe('signedIn');
    expect(asked.filter((line) => line.endsWith('/api/session'))).toEqual([
      `GET ${FAKE_ORIGIN}/api/session`,
    ]);
  });

  it('on a new server, asks for setup', async () => {
    const started = await startAccount(onFake(fakeAccountsFetch(createFakeAccounts())));
    expect(started?.account.store.getState()).toEqual({
      status: 'signedOut',
      setupNeeded: true,
      ended: false,
    });
  });
});
