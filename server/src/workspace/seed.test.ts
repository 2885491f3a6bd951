import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE, type FlowDocument } from '@callbot/shared';
import { examples } from '@callbot/runtime';
import { createAccountStore } from '../accounts.ts';
import { openPglite, type Database } from '../db.ts';
import { createServer, type CallbotServer } from '../server.ts';
import { createStore } from '../store.ts';
import { createHub, inProcessBus } from './events.ts';
import { EXAMPLE_FLOW_ID } from './seed.ts';
import { createWorkspaceStore } from './store.ts';

const clock = { now: () => Date.parse('2026-12-07T12:00:00Z') };
let db: Database;
let server: CallbotServer;
let origin: string;
let cookie = '';
let csrf = '';

beforeAll(async () => {
  db = await openPglite();
  server = createServer({
    store: await createStore(db),
    accounts: createAccountStore(db),
    token: 'token',
    authToken: 'auth',
    setupToken: 'setup-token',
    scryptCost: { N: 1024, r: 8, p: 1 },
    clock,
    log: () => {},
    workspace: {
      store: createWorkspaceStore(db, clock.now),
      hub: createHub(inProcessBus(), clock.now),
    },
  });
  origin = await server.listen(0);
}, 60_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(origin + path, {
    method,
    headers: {
      ...(cookie && { cookie }),
      ...(csrf && method !== 'GET' && { [CSRF_HEADER]: csrf }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const setCookie = response.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0]!;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What a new user finds in the workspace `ws`. */
async function contents(ws: string) {
  const flows = (await call('GET', `/api/workspaces/${ws}/flows`)).body.flows;
  const teams = (await call('GET', `/api/workspaces/${ws}/teams`)).body.teams;
  const bots = (await call('GET', `/api/workspaces/${ws}/bots`)).body.bots;
  const settings = (await call('GET', `/api/workspaces/${ws}/settings`)).body.settings;
  const example = (await call('GET', `/api/workspaces/${ws}/flows/${EXAMPLE_FLOW_ID}`)).body;
  return { flows, teams, bots, settings, example };
}

describe('a new server workspace', () => {
  it('starts with the reception example, its teams (one the default) and its bots, for the first owner and any later workspace', async () => {
    const setup = await call('POST', '/api/setup', {
      setupToken: 'setup-token',
      email: 'otto@example.com',
      name: 'Otto',
      password: 'a long enough password',
      workspaceName: 'Loja A',
    });
    expect(setup.status).toBe(201);
    expect(cookie).toContain(SESSION_COOKIE);
    csrf = String(setup.body.csrfToken);
    const first = (setup.body.workspaces as { id: string }[])[0]!.id;
    const made = await call('POST', '/api/workspaces', { name: 'Loja B' });
    expect(made.status).toBe(201);

    for (const ws of [first, String(made.body.id)]) {
      const { flows, teams, bots, settings, example } = await contents(ws);
      expect(flows).toEqual([
        expect.objectContaining({
          id: EXAMPLE_FLOW_ID,
          name: examples.reception.settings.name,
          isExample: true,
          revision: 1,
          nodeCount: examples.reception.nodes.length,
          updatedBy: expect.objectContaining({ name: 'Otto' }) as unknown,
        }),
      ]);
      expect((example.doc as FlowDocument).nodes).toEqual(examples.reception.nodes);
      const defaults = (teams as { id: string; isDefault: boolean }[]).filter((t) => t.isDefault);
      expect(defaults.map((t) => t.id)).toEqual(['recepcao']);
      expect(settings).toMatchObject({ defaultTeamId: 'recepcao' });
      // Every team the example transfers to is one of the workspace's teams.
      const named = new Set((teams as { id: string }[]).map((t) => t.id));
      const transfers = examples.reception.nodes.flatMap((n) =>
        n.kind === 'transfer' ? [n.data.team] : [],
      );
      expect(transfers.length).toBeGreaterThan(0);
      for (const team of transfers) expect(named).toContain(team);
      // So is every bot it hands calls to (publishing refuses a flow naming unknown bots).
      const handedTo = examples.reception.nodes.flatMap((n) =>
        n.kind === 'fallbackBot' ? [n.data.bot] : [],
      );
      expect(handedTo.length).toBeGreaterThan(0);
      expect(new Set((bots as { id: string }[]).map((b) => b.id))).toEqual(new Set(handedTo));
    }
  });
});
