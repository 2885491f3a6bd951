/**
 * Two server instances on one PostgreSQL, as `DATABASE_URL` runs them: the
 * workspace's rules hold across them (the row and workspace locks are the
 * database's), and each instance's event streams hear the other's changes
 * and heartbeats through LISTEN/NOTIFY. See `testing/postgres.ts` for where
 * the PostgreSQL comes from (skipped, saying why, when none can be had).
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFlow,
  CSRF_HEADER,
  SESSION_COOKIE,
  type Role,
  type WorkspaceEvent,
} from '@callbot/shared';
import { createAccountStore } from '../accounts.ts';
import { openPostgres, type Database } from '../db.ts';
import { createServer, type CallbotServer } from '../server.ts';
import { createStore } from '../store.ts';
import { databaseOf, testCluster } from '../testing/postgres.ts';
import { createHub, postgresBus } from './events.ts';
import { createWorkspaceStore } from './store.ts';

const cluster = await testCluster('workspace/postgres.test.ts');
const skip = 'skip' in cluster;

const clock = { now: () => Date.parse('2026-12-07T12:00:00Z') };

interface Instance {
  origin: string;
  server: CallbotServer;
  db: Database;
  closeBus: () => Promise<void>;
}

describe.skipIf(skip)('two instances on one PostgreSQL', () => {
  const instances: Instance[] = [];
  let drop: () => Promise<void> = async () => {};
  let ws = '';
  const sessions = new Map<string, { secret: string; csrfToken: string }>();

  beforeAll(async () => {
    if ('skip' in cluster) return;
    const own = await databaseOf(cluster, `callbot_ws_${Date.now().toString(36)}`);
    drop = own.drop;
    for (let i = 0; i < 2; i++) {
      const db = openPostgres(own.url);
      const store = await createStore(db);
      const bus = postgresBus(db, own.url);
      await bus.ready;
      const hub = createHub(bus, clock.now);
      const server = createServer({
        store,
        accounts: createAccountStore(db),
        token: 'token',
        authToken: 'auth',
        clock,
        log: () => {},
        workspace: { store: createWorkspaceStore(db, clock.now), hub },
      });
      instances.push({ origin: await server.listen(0), server, db, closeBus: () => bus.close() });
    }
    const accounts = createAccountStore(instances[0]!.db);
    const owner = await accounts.setup({
      email: 'otto@example.com',
      name: 'Otto',
      passwordHash: 'unused',
      workspaceName: 'Loja',
      at: clock.now(),
    });
    ws = owner!.workspaceId;
    sessions.set('otto', await accounts.createSession(owner!.userId, clock.now()));
    for (const [key, name, role] of [
      ['ana', 'Ana', 'editor'],
      ['bruno', 'Bruno', 'editor'],
    ] as [string, string, Role][]) {
      const invitation = await accounts.createInvitation({
        workspaceId: ws,
        role,
        createdBy: owner!.userId,
        at: clock.now(),
      });
      const joined = await accounts.acceptInvitation(invitation.token, clock.now(), {
        email: `${key}@example.com`,
        name,
        passwordHash: 'unused',
      });
      if (!joined.ok) throw new Error(joined.error);
      sessions.set(key, await accounts.createSession(joined.userId, clock.now()));
    }
  }, 120_000);

  afterAll(async () => {
    for (const instance of instances) {
      await instance.server.close();
      await instance.closeBus();
      await instance.db.close();
    }
    await drop();
    if (!('skip' in cluster)) cluster.stop();
  });

  async function call(
    instance: number,
    user: string,
    method: string,
    path: string,
    body?: unknown,
  ) {
    const session = sessions.get(user)!;
    const response = await fetch(`${instances[instance]!.origin}/api/workspaces/${ws}${path}`, {
      method,
      headers: {
        cookie: `${SESSION_COOKIE}=${session.secret}`,
        ...(method !== 'GET' && { [CSRF_HEADER]: session.csrfToken }),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
    };
  }

  it('gives a line to exactly one of 20 assignments at once, sent to both instances', async () => {
    await call(0, 'ana', 'PUT', '/lines/l1', {
      id: 'l1',
      kind: 'sip',
      label: 'PBX',
      host: 'pbx.example.com',
      port: 5060,
      transport: 'udp',
      username: 'bot',
      password: 'secret',
      createdAt: clock.now(),
    });
    const bots = Array.from({ length: 20 }, (_, i) => `bot${i}`);
    for (const id of bots) {
      const created = await call(0, 'ana', 'PUT', `/flows/${id}`, {
        baseRevision: 0,
        doc: createFlow(id),
        callbot: true,
      });
      expect(created.status).toBe(201);
    }
    const answers = await Promise.all(
      bots.map((callbotId, i) =>
        call(i % 2, i % 3 === 0 ? 'bruno' : 'ana', 'PUT', '/lines/l1/callbot', { callbotId }),
      ),
    );
    expect(answers.map((a) => a.status).filter((s) => s === 200)).toHaveLength(1);
    expect(
      answers.filter((a) => a.status === 409 && a.body.error === 'R3.lineHasCallbot'),
    ).toHaveLength(19);
    const winner = bots[answers.findIndex((a) => a.status === 200)];
    expect((await call(1, 'ana', 'GET', '/lines/l1')).body.record).toMatchObject({
      callbotId: winner,
    });
  }, 60_000);

  it('gives one of two saves on the same revision, one on each instance, a 409', async () => {
    await call(0, 'ana', 'PUT', '/flows/shared', { baseRevision: 0, doc: createFlow('Shared') });
    for (let round = 1; round <= 5; round++) {
      const answers = await Promise.all(
        [0, 1].map((instance) =>
          call(instance, instance === 0 ? 'ana' : 'bruno', 'PUT', '/flows/shared', {
            baseRevision: round,
            doc: createFlow(`Round ${round} by ${instance}`),
          }),
        ),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(answers.find((a) => a.status === 409)!.body).toMatchObject({
        error: 'revision_conflict',
        revision: round + 1,
      });
    }
  }, 60_000);

  it('tells one instance’s event streams of the other’s changes and heartbeats', async () => {
    const events: WorkspaceEvent[] = [];
    const waiting: [(e: WorkspaceEvent) => boolean, (e: WorkspaceEvent) => void][] = [];
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const request = http.get(
      `${instances[1]!.origin}/api/workspaces/${ws}/events`,
      { headers: { cookie: `${SESSION_COOKIE}=${sessions.get('otto')!.secret}` } },
      (res) => {
        // The server subscribed the stream before sending its headers.
        opened();
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .find((l) => l.startsWith('data: '));
            buffer = buffer.slice(end + 2);
            if (!data) continue;
            const event = JSON.parse(data.slice(6)) as WorkspaceEvent;
            events.push(event);
            for (const w of waiting.filter(([fits]) => fits(event))) {
              waiting.splice(waiting.indexOf(w), 1);
              w[1](event);
            }
          }
        });
      },
    );
    const next = (fits: (e: WorkspaceEvent) => boolean) =>
      new Promise<WorkspaceEvent>((resolve) => {
        const found = events.find(fits);
        if (found) resolve(found);
        else waiting.push([fits, resolve]);
      });
    await open;
    await call(0, 'ana', 'PUT', '/teams/vendas', {
      id: 'vendas',
      name: 'Vendas',
      agents: 1,
      isDefault: true,
    });
    expect(await next((e) => e.type === 'change' && e.table === 'teams')).toMatchObject({
      id: 'vendas',
      revision: 1,
      by: { name: 'Ana' },
    });
    await call(0, 'bruno', 'POST', '/flows/shared/presence');
    expect(await next((e) => e.type === 'presence')).toMatchObject({
      flowId: 'shared',
      editors: [{ name: 'Bruno' }],
    });
    request.destroy();
  }, 60_000);
});
