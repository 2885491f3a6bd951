import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFlow,
  CLIENT_HEADER,
  CSRF_HEADER,
  SESSION_COOKIE,
  WORKSPACE_FILE_FORMAT,
  type FlowDocument,
  type Role,
  type WorkspaceEvent,
} from '@callbot/shared';
import { examples } from '@callbot/runtime';
import { createAccountStore, type AccountStore } from '../accounts.ts';
import { openPglite, type Database } from '../db.ts';
import { createServer, type CallbotServer } from '../server.ts';
import { createStore } from '../store.ts';
import { createHub, inProcessBus, type WorkspaceHub } from './events.ts';
import { createWorkspaceStore } from './store.ts';

let clock = Date.parse('2026-12-07T12:00:00Z');
let db: Database;
let server: CallbotServer;
let origin: string;
let hub: WorkspaceHub;
let accounts: AccountStore;
/** Workspace ids by the names the tests use. */
const ws = { A: '', B: '' };
/** Sessions by person: Otto owns A; Ana and Bruno edit A; Tina trains in A; Vera views A; Beto edits B only. */
const sessions = new Map<string, { secret: string; csrfToken: string }>();

beforeAll(async () => {
  db = await openPglite();
  const store = await createStore(db);
  accounts = createAccountStore(db);
  hub = createHub(inProcessBus(), () => clock);
  const workspaceStore = createWorkspaceStore(db, () => clock);
  server = createServer({
    store,
    accounts,
    token: 'token',
    authToken: 'auth',
    clock: { now: () => clock },
    log: () => {},
    // Open streams check their member often here, so a removal is seen soon.
    workspace: { store: workspaceStore, hub, memberCheckMs: 20 },
  });
  origin = await server.listen(0);

  const first = await accounts.setup({
    email: 'otto@example.com',
    name: 'Otto',
    passwordHash: 'unused',
    workspaceName: 'Loja A',
    at: clock,
  });
  ws.A = first!.workspaceId;
  ws.B = (await accounts.createWorkspace(first!.userId, 'Loja B', clock)).id;
  const people: [string, string, Role, string][] = [
    ['ana', 'Ana', 'editor', ws.A],
    ['bruno', 'Bruno', 'editor', ws.A],
    ['tina', 'Tina', 'trainer', ws.A],
    ['vera', 'Vera', 'viewer', ws.A],
    ['beto', 'Beto', 'editor', ws.B],
  ];
  sessions.set('otto', await accounts.createSession(first!.userId, clock));
  for (const [key, name, role, workspaceId] of people) {
    const invitation = await accounts.createInvitation({
      workspaceId,
      role,
      createdBy: first!.userId,
      at: clock,
    });
    const accepted = await accounts.acceptInvitation(invitation.token, clock, {
      email: `${key}@example.com`,
      name,
      passwordHash: 'unused',
    });
    if (!accepted.ok) throw new Error(`${key} could not join: ${accepted.error}`);
    sessions.set(key, await accounts.createSession(accepted.userId, clock));
  }
}, 60_000);

afterAll(async () => {
  await server.close();
  await db.close();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

/** `path` with `{A}` and `{B}` standing for the workspaces' ids. */
const at = (path: string) => path.replace('{A}', ws.A).replace('{B}', ws.B);

/** A request as `user` with their session cookie (and its CSRF token on changes). */
async function call(
  user: string | null,
  method: string,
  path: string,
  body?: unknown,
  { csrf = true, headers = {} }: { csrf?: boolean; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const session = user === null ? undefined : sessions.get(user);
  const response = await fetch(origin + at(path), {
    method,
    headers: {
      ...headers,
      ...(session && { cookie: `${SESSION_COOKIE}=${session.secret}` }),
      ...(session && csrf && method !== 'GET' && { [CSRF_HEADER]: session.csrfToken }),
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  };
}

const flow = (name: string): FlowDocument => createFlow(name);
const named = (doc: FlowDocument, name: string): FlowDocument => ({
  ...doc,
  settings: { ...doc.settings, name },
});

const team = (id: string, name: string, isDefault = false) => ({ id, name, agents: 2, isDefault });
const sipLine = (id: string) => ({
  id,
  kind: 'sip',
  label: `PBX ${id}`,
  host: 'pbx.example.com',
  port: 5060,
  transport: 'udp',
  username: 'bot',
  password: 'secret',
  createdAt: clock,
});
const script = {
  call: { channel: 'line', direction: 'inbound', from: '+5511999990000', to: '+551130000000' },
  steps: [],
};

describe('flows', () => {
  it('creates, reads and saves a flow on top of its revision; a stale save writes nothing', async () => {
    const created = await call('ana', 'PUT', '/api/workspaces/{A}/flows/f1', {
      baseRevision: 0,
      doc: flow('Recepção'),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: 'f1',
      name: 'Recepção',
      revision: 1,
      updatedBy: { name: 'Ana' },
      nodeCount: flow('x').nodes.length,
    });
    // A save answers with the summary, without the document sent.
    expect(created.body).not.toHaveProperty('doc');

    const saved = await call('ana', 'PUT', '/api/workspaces/{A}/flows/f1', {
      baseRevision: 1,
      doc: named(flow('x'), 'Recepção 2'),
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 2, name: 'Recepção 2' });

    clock += 1000;
    const stale = await call('bruno', 'PUT', '/api/workspaces/{A}/flows/f1', {
      baseRevision: 1,
      doc: named(flow('x'), 'Bruno’s copy'),
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      error: 'revision_conflict',
      revision: 2,
      updatedBy: { name: 'Ana' },
    });
    expect(typeof stale.body.updatedAt).toBe('string');

    const read = await call('vera', 'GET', '/api/workspaces/{A}/flows/f1');
    expect(read.body).toMatchObject({ revision: 2, name: 'Recepção 2' });
    expect((read.body.doc as FlowDocument).settings.name).toBe('Recepção 2');
    const list = await call('vera', 'GET', '/api/workspaces/{A}/flows');
    expect(list.body.flows).toContainEqual(
      expect.objectContaining({ id: 'f1', nodeCount: flow('x').nodes.length }),
    );
  });

  it('gives one of two concurrent saves on the same base revision a 200 and the other a 409', async () => {
    await call('ana', 'PUT', '/api/workspaces/{A}/flows/race', {
      baseRevision: 0,
      doc: flow('Race'),
    });
    const answers = await Promise.all(
      ['ana', 'bruno'].map((user) =>
        call(user, 'PUT', '/api/workspaces/{A}/flows/race', {
          baseRevision: 1,
          doc: named(flow('x'), `By ${user}`),
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = answers.find((a) => a.status === 200)!;
    const read = await call('ana', 'GET', '/api/workspaces/{A}/flows/race');
    expect(read.body).toMatchObject({ revision: 2, name: winner.body.name });
  });

  it('refuses a document that does not read, naming where, and writes nothing', async () => {
    const broken = {
      ...flow('Broken'),
      nodes: [{ id: 'n1', kind: 'nope', data: {}, connections: {} }],
    };
    const answer = await call('ana', 'PUT', '/api/workspaces/{A}/flows/broken', {
      baseRevision: 0,
      doc: broken,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error).toBe('invalid_flow');
    expect(String(answer.body.message)).toMatch(/^doc/);
    expect((await call('ana', 'GET', '/api/workspaces/{A}/flows/broken')).status).toBe(404);

    const noBase = await call('ana', 'PUT', '/api/workspaces/{A}/flows/broken', { doc: flow('x') });
    expect(noBase.status).toBe(422);
    expect(String(noBase.body.message)).toContain('baseRevision');
  });

  it('keeps versions and test cases with their flow; test case names are unique per flow', async () => {
    await call('ana', 'PUT', '/api/workspaces/{A}/flows/tv', {
      baseRevision: 0,
      doc: flow('Tested'),
    });
    const version = await call('ana', 'POST', '/api/workspaces/{A}/flows/tv/versions', {
      note: 'first',
    });
    expect(version.status).toBe(201);
    const nodeCount = flow('x').nodes.length;
    expect(version.body).toMatchObject({ revision: 1, note: 'first', auto: false, nodeCount });
    const versions = await call('vera', 'GET', '/api/workspaces/{A}/flows/tv/versions');
    expect(versions.body.versions).toEqual([expect.objectContaining({ nodeCount })]);
    const one = await call(
      'vera',
      'GET',
      `/api/workspaces/{A}/flows/tv/versions/${String(version.body.id)}`,
    );
    expect((one.body.doc as FlowDocument).settings.name).toBe('Tested');

    const test = { name: 'Horário comercial', script, transcript: [], flowRevision: 1 };
    expect((await call('tina', 'PUT', '/api/workspaces/{A}/flows/tv/tests/t1', test)).status).toBe(
      200,
    );
    const clash = await call('tina', 'PUT', '/api/workspaces/{A}/flows/tv/tests/t2', {
      ...test,
      name: 'horário COMERCIAL',
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toBe('test_name_taken');
    const badScript = await call('tina', 'PUT', '/api/workspaces/{A}/flows/tv/tests/t3', {
      ...test,
      name: 'Other',
      script: { call: { channel: 'fax' } },
    });
    expect(badScript.status).toBe(422);
    expect(String(badScript.body.message)).toContain('script.call');
    const tests = await call('vera', 'GET', '/api/workspaces/{A}/flows/tv/tests');
    expect((tests.body.tests as { name: string }[]).map((t) => t.name)).toEqual([
      'Horário comercial',
    ]);

    expect((await call('ana', 'DELETE', '/api/workspaces/{A}/flows/tv')).status).toBe(204);
    expect((await call('vera', 'GET', '/api/workspaces/{A}/flows/tv/tests')).status).toBe(404);
  });
});

describe('workspace records', () => {
  it('refuses a record by its schema, naming the field, and writes nothing', async () => {
    const answer = await call('ana', 'PUT', '/api/workspaces/{A}/teams/bad', {
      ...team('bad', 'X'),
      agents: -1,
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe('The team: agents: the number of agents cannot be negative.');
    expect(answer.body.problems).toEqual([
      {
        path: 'agents',
        message: 'the number of agents cannot be negative',
        code: 'agentsNegative',
      },
    ]);
    const other = await call('ana', 'PUT', '/api/workspaces/{A}/teams/bad', {
      ...team('other', 'X'),
    });
    expect(other.status).toBe(422);
    expect(String(other.body.message)).toContain('id');
    expect((await call('ana', 'GET', '/api/workspaces/{A}/teams/bad')).status).toBe(404);
  });

  it('keeps one default team, and a renamed team is followed by the transfer nodes naming it', async () => {
    expect(
      (await call('ana', 'PUT', '/api/workspaces/{A}/teams/vendas', team('vendas', 'vendas')))
        .status,
    ).toBe(200);
    await call('ana', 'PUT', '/api/workspaces/{A}/teams/suporte', team('suporte', 'suporte', true));
    const teams = await call('vera', 'GET', '/api/workspaces/{A}/teams');
    expect(
      (teams.body.teams as { id: string; isDefault: boolean }[]).map((t) => [t.id, t.isDefault]),
    ).toEqual([
      ['suporte', true],
      ['vendas', false],
    ]);
    expect((await call('vera', 'GET', '/api/workspaces/{A}/settings')).body.settings).toMatchObject(
      {
        defaultTeamId: 'suporte',
      },
    );
    const refused = await call('ana', 'DELETE', '/api/workspaces/{A}/teams/suporte');
    expect(refused.status).toBe(409);
    expect(refused.body.error).toBe('team.defaultWithOthers');

    await call('ana', 'PUT', '/api/workspaces/{A}/flows/recepcao', {
      baseRevision: 0,
      doc: examples.reception,
    });
    const renamed = await call(
      'ana',
      'PUT',
      '/api/workspaces/{A}/teams/vendas',
      team('vendas', 'Ventas'),
    );
    expect(renamed.status).toBe(200);
    const read = await call('ana', 'GET', '/api/workspaces/{A}/flows/recepcao');
    expect(read.body.revision).toBe(2);
    const teamsNamed = (read.body.doc as FlowDocument).nodes.flatMap((n) =>
      n.kind === 'transfer' ? [n.data.team] : [],
    );
    expect(teamsNamed).toContain('Ventas');
    expect(teamsNamed).not.toContain('vendas');
  });

  it('keeps the workspace’s bots, and a renamed bot is followed by the fallback-bot nodes naming it', async () => {
    const bot = (id: string, name: string) => ({ id, name });
    const put = await call(
      'ana',
      'PUT',
      '/api/workspaces/{A}/bots/noite',
      bot('noite', 'bot-vendas'),
    );
    expect(put.status).toBe(200);
    const nameless = await call('ana', 'PUT', '/api/workspaces/{A}/bots/x', bot('x', ' '));
    expect(nameless.status).toBe(422);
    expect(nameless.body.message).toMatch(/name/);
    await call('ana', 'PUT', '/api/workspaces/{A}/flows/com-bots', {
      baseRevision: 0,
      doc: {
        ...examples.reception,
        settings: { ...examples.reception.settings, name: 'Com bots' },
      },
    });
    const renamed = await call(
      'ana',
      'PUT',
      '/api/workspaces/{A}/bots/noite',
      bot('noite', 'Bot da Noite'),
    );
    expect(renamed.status).toBe(200);
    const read = await call('ana', 'GET', '/api/workspaces/{A}/flows/com-bots');
    expect(read.body.revision).toBe(2);
    const botsNamed = (read.body.doc as FlowDocument).nodes.flatMap((n) =>
      n.kind === 'fallbackBot' ? [n.data.bot] : [],
    );
    expect(botsNamed).toContain('Bot da Noite');
    expect(botsNamed).not.toContain('bot-vendas');
    const listed = await call('vera', 'GET', '/api/workspaces/{A}/bots');
    expect(listed.body.bots).toEqual([bot('noite', 'Bot da Noite')]);
  });

  it('gives a line to exactly one of 20 callbots assigning it at once (R3)', async () => {
    await call('ana', 'PUT', '/api/workspaces/{A}/lines/l1', sipLine('l1'));
    const bots = Array.from({ length: 20 }, (_, i) => `bot${i}`);
    for (const id of bots) {
      await call('ana', 'PUT', `/api/workspaces/{A}/flows/${id}`, {
        baseRevision: 0,
        doc: flow(id),
        callbot: true,
      });
    }
    const answers = await Promise.all(
      bots.map((callbotId) =>
        call('ana', 'PUT', '/api/workspaces/{A}/lines/l1/callbot', { callbotId }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status === 409);
    expect(refused).toHaveLength(19);
    expect(refused.every((a) => a.body.error === 'R3.lineHasCallbot')).toBe(true);
    const winner = bots[answers.findIndex((a) => a.status === 200)];
    const line = await call('vera', 'GET', '/api/workspaces/{A}/lines/l1');
    expect(line.body.record).toMatchObject({ callbotId: winner });

    // A line's callbot changes through its own route, never with the record.
    const sneaky = await call('ana', 'PUT', '/api/workspaces/{A}/lines/l1', {
      ...sipLine('l1'),
      callbotId: 'bot0' === winner ? 'bot1' : 'bot0',
    });
    expect(sneaky.status).toBe(422);
    expect(String(sneaky.body.message)).toContain('callbotId');

    // Unmarking the callbot gives the line to the default callbot (R9).
    await call('ana', 'PUT', `/api/workspaces/{A}/flows/${winner}`, {
      baseRevision: 1,
      doc: flow(winner!),
      callbot: false,
    });
    const released = await call('vera', 'GET', '/api/workspaces/{A}/lines/l1');
    expect(released.body.record).not.toHaveProperty('callbotId');
  });

  it('refuses to delete a schedule flows use, naming them', async () => {
    const schedule = {
      id: 's1',
      name: 'Comercial',
      timeZone: 'America/Sao_Paulo',
      weekly: [{ day: 'mon', start: '09:00', end: '18:00' }],
      holidays: [],
    };
    const put = await call('ana', 'PUT', '/api/workspaces/{A}/schedules/s1', schedule);
    expect(put.status).toBe(200);
    const doc = flow('Horário');
    const withSchedule: FlowDocument = {
      ...doc,
      nodes: [
        ...doc.nodes,
        {
          id: 'sched',
          kind: 'schedule',
          data: { scheduleId: 's1', timeZone: 'America/Sao_Paulo', weekly: [], holidays: [] },
          connections: {},
        } as unknown as FlowDocument['nodes'][number],
      ],
    };
    expect(
      (
        await call('ana', 'PUT', '/api/workspaces/{A}/flows/uses-s1', {
          baseRevision: 0,
          doc: withSchedule,
        })
      ).status,
    ).toBe(201);
    const refused = await call('ana', 'DELETE', '/api/workspaces/{A}/schedules/s1');
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      error: 'schedule.inUse',
      flows: [{ id: 'uses-s1', name: 'Horário' }],
    });
  });
});

describe('settings', () => {
  it('keeps the time zone and the default callbot’s language; refuses a field, naming it', async () => {
    const read = await call('vera', 'GET', '/api/workspaces/{A}/settings');
    expect(read.body).toMatchObject({ name: 'Loja A', revision: expect.any(Number) as number });
    const settings = read.body.settings as Record<string, unknown>;
    const saved = await call('ana', 'PUT', '/api/workspaces/{A}/settings', {
      ...settings,
      timeZone: 'America/Manaus',
      defaultCallbotLanguage: 'es',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({
      timeZone: 'America/Manaus',
      defaultCallbotLanguage: 'es',
    });
    const badZone = await call('ana', 'PUT', '/api/workspaces/{A}/settings', {
      ...settings,
      timeZone: 'Mars/Olympus',
    });
    expect(badZone.status).toBe(422);
    expect(badZone.body.message).toBe(
      'The workspace settings: timeZone: expected a time zone such as America/Sao_Paulo.',
    );
    const unknown = await call('ana', 'PUT', '/api/workspaces/{A}/settings', {
      ...settings,
      currency: 'BRL',
    });
    expect(unknown.status).toBe(422);
    expect(String(unknown.body.message)).toContain('currency');
    expect((await call('vera', 'GET', '/api/workspaces/{A}/settings')).body.settings).toMatchObject(
      { timeZone: 'America/Manaus' },
    );
  });
});

describe('workspace isolation', () => {
  it('never shows nor changes another workspace’s records, even by id', async () => {
    await call('beto', 'PUT', '/api/workspaces/{B}/flows/f1', {
      baseRevision: 0,
      doc: flow('Beto’s'),
    });
    const fromA = await call('ana', 'GET', '/api/workspaces/{A}/flows/f1');
    expect(fromA.body.name).not.toBe('Beto’s');
    expect((await call('ana', 'GET', '/api/workspaces/{B}/flows/f1')).status).toBe(404);
    expect(
      (
        await call('ana', 'PUT', '/api/workspaces/{B}/flows/f1', {
          baseRevision: 1,
          doc: flow('x'),
        })
      ).status,
    ).toBe(404);
    expect((await call('ana', 'DELETE', '/api/workspaces/{B}/flows/f1')).status).toBe(404);
    const bList = await call('beto', 'GET', '/api/workspaces/{B}/flows');
    expect((bList.body.flows as { name: string }[]).map((f) => f.name)).toEqual(['Beto’s']);
    expect((await call('beto', 'GET', '/api/workspaces/{B}/teams')).body.teams).toEqual([]);
  });
});

/** Follows a workspace's event stream; `next` waits for an event that fits. */
function follow(user: string, ws: string) {
  const events: WorkspaceEvent[] = [];
  const waiting: { fits: (e: WorkspaceEvent) => boolean; resolve: (e: WorkspaceEvent) => void }[] =
    [];
  let request: http.ClientRequest;
  let ended!: () => void;
  const closed = new Promise<void>((resolve) => (ended = resolve));
  const opened = new Promise<number>((resolve, reject) => {
    request = http.get(
      `${origin}/api/workspaces/${ws}/events`,
      { headers: { cookie: `${SESSION_COOKIE}=${sessions.get(user)!.secret}` } },
      (res) => {
        resolve(res.statusCode ?? 0);
        res.on('end', ended);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (!data) continue;
            const event = JSON.parse(data.slice('data: '.length)) as WorkspaceEvent;
            events.push(event);
            for (const w of waiting.filter((w) => w.fits(event))) {
              waiting.splice(waiting.indexOf(w), 1);
              w.resolve(event);
            }
          }
        });
      },
    );
    request.on('error', reject);
  });
  return {
    opened,
    /** Settles when the server ends the stream. */
    closed,
    events,
    next: (fits: (e: WorkspaceEvent) => boolean) =>
      new Promise<WorkspaceEvent>((resolve) => {
        const found = events.find(fits);
        if (found) resolve(found);
        else waiting.push({ fits, resolve });
      }),
    close: () => request.destroy(),
  };
}

describe('changes by others and presence', () => {
  it('streams committed changes with who made them, and who has a flow open', async () => {
    const stream = follow('vera', ws.A);
    expect(await stream.opened).toBe(200);
    const other = follow('beto', ws.B);
    await other.opened;

    await call('ana', 'PUT', '/api/workspaces/{A}/flows/live', {
      baseRevision: 0,
      doc: flow('Live'),
    });
    expect(
      await stream.next((e) => e.type === 'change' && e.table === 'flows' && e.id === 'live'),
    ).toMatchObject({
      type: 'change',
      table: 'flows',
      id: 'live',
      revision: 1,
      deleted: false,
      by: { name: 'Ana' },
    });

    const beat = await call('ana', 'POST', '/api/workspaces/{A}/flows/live/presence');
    expect(beat.body).toMatchObject({ flowId: 'live', editors: [{ name: 'Ana' }] });
    await call('bruno', 'POST', '/api/workspaces/{A}/flows/live/presence');
    expect(await stream.next((e) => e.type === 'presence' && e.editors.length === 2)).toMatchObject(
      { flowId: 'live', editors: [{ name: 'Ana' }, { name: 'Bruno' }] },
    );

    // Ana's heartbeats stop: 31 s later she is gone; Bruno's is fresh.
    clock += 20_000;
    await call('bruno', 'POST', '/api/workspaces/{A}/flows/live/presence');
    clock += 11_000;
    hub.sweep();
    expect(
      await stream.next(
        (e) => e.type === 'presence' && e.editors.length === 1 && e.editors[0]!.name === 'Bruno',
      ),
    ).toBeTruthy();
    // Only the workspace's own flows have editors.
    expect((await call('ana', 'POST', '/api/workspaces/{A}/flows/nowhere/presence')).status).toBe(
      404,
    );
    await call('bruno', 'DELETE', '/api/workspaces/{A}/flows/live/presence');
    expect(await stream.next((e) => e.type === 'presence' && e.editors.length === 0)).toBeTruthy();

    // Nothing of workspace A reached B's stream.
    await call('beto', 'PUT', '/api/workspaces/{B}/teams/t', team('t', 'Time B'));
    await other.next((e) => e.type === 'change' && e.id === 't');
    expect(other.events.some((e) => e.type === 'presence')).toBe(false);
    expect(other.events.some((e) => e.type === 'change' && e.id === 'live')).toBe(false);
    stream.close();
    other.close();
  });
});

describe('the page a change came from', () => {
  it('is named in the change’s event when the request names it as the contract says, and only then', async () => {
    const stream = follow('vera', ws.A);
    expect(await stream.opened).toBe(200);
    await call('ana', 'PUT', '/api/workspaces/{A}/teams/from-tab', team('from-tab', 'Da aba'), {
      headers: { [CLIENT_HEADER]: 'tab-7f3a' },
    });
    expect(await stream.next((e) => e.type === 'change' && e.id === 'from-tab')).toMatchObject({
      table: 'teams',
      by: { name: 'Ana' },
      client: 'tab-7f3a',
    });

    await call('ana', 'PUT', '/api/workspaces/{A}/teams/odd-tab', team('odd-tab', 'Outra'), {
      headers: { [CLIENT_HEADER]: '<script>' },
    });
    const odd = await stream.next((e) => e.type === 'change' && e.id === 'odd-tab');
    expect(odd).not.toHaveProperty('client');
    stream.close();
  });
});

describe('a member removed', () => {
  it('stops hearing the workspace: their open stream ends', async () => {
    const invitation = await accounts.createInvitation({
      workspaceId: ws.A,
      role: 'viewer',
      createdBy: (await accounts.findUserByEmail('otto@example.com'))!.id,
      at: clock,
    });
    const joined = await accounts.acceptInvitation(invitation.token, clock, {
      email: 'rui@example.com',
      name: 'Rui',
      passwordHash: 'unused',
    });
    if (!joined.ok) throw new Error(joined.error);
    sessions.set('rui', await accounts.createSession(joined.userId, clock));
    const stream = follow('rui', ws.A);
    expect(await stream.opened).toBe(200);
    expect(await accounts.removeMember(ws.A, joined.userId, clock)).toBe('ok');
    await stream.closed;
    expect((await call('rui', 'GET', '/api/workspaces/{A}/flows')).status).toBe(404);
  });
});

describe('moving in', () => {
  const file = {
    format: WORKSPACE_FILE_FORMAT,
    exportedAt: clock,
    settings: { timeZone: 'America/Recife', country: 'BR', defaultTeamId: 'vendas' },
    teams: [team('vendas', 'Vendas', true)],
    schedules: [],
    lines: [{ ...sipLine('pbx'), callbotId: 'recepcao' }],
    callbots: [{ flowId: 'recepcao' }],
    flows: [{ id: 'recepcao', name: 'Recepção', callbot: true, doc: examples.reception }],
    customers: [{ id: 'c1', number: '+5511999990000', name: 'Cliente', createdAt: clock }],
    permissions: [],
    attempts: [],
    bots: [{ id: 'madrugada', name: 'Bot da madrugada' }],
  };

  it('refuses a file with one bad record, naming record and field, and writes nothing', async () => {
    const bad = { ...file, teams: [{ ...file.teams[0], agents: 'many' }] };
    const answer = await call('otto', 'POST', '/api/workspaces/C-never/import', bad);
    expect(answer.status).toBe(404);
    const refused = await call('otto', 'POST', '/api/workspaces/{A}/import', bad);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('invalid_workspace_file');
    expect(refused.body.problems).toContainEqual({
      path: 'teams[0].agents',
      message: 'the number of agents is a whole number',
      code: 'agentsWhole',
    });
    expect((await call('vera', 'GET', '/api/workspaces/{A}/lines/pbx')).status).toBe(404);
  });

  it('checks the caller before reading the body: a refused upload is never buffered', async () => {
    // Declares 40 MB and sends 1 KB: the answer comes without the rest being sent.
    const refusedStatus = (cookie?: string) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(`${origin}${at('/api/workspaces/{A}/import')}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(40 * 1024 * 1024),
            ...(cookie !== undefined && { cookie }),
          },
        });
        request.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
          request.destroy();
        });
        request.on('error', reject);
        request.write('x'.repeat(1024));
      });
    expect(await refusedStatus()).toBe(401);
    const ana = sessions.get('ana')!;
    // Ana edits but does not own the workspace; her cookie without the CSRF header is refused too.
    expect(await refusedStatus(`${SESSION_COOKIE}=${ana.secret}`)).toBe(403);
  });

  it('imports a whole file in one go, replacing the workspace’s records', async () => {
    const answer = await call('otto', 'POST', '/api/workspaces/{A}/import', file);
    expect(answer.status).toBe(200);
    expect(answer.body.counts).toMatchObject({
      flows: 1,
      teams: 1,
      lines: 1,
      customers: 1,
      bots: 1,
    });
    const teams = await call('vera', 'GET', '/api/workspaces/{A}/teams');
    expect(teams.body.teams).toEqual([team('vendas', 'Vendas', true)]);
    // The bots the workspace had (set above) are replaced by the file's.
    const bots = await call('vera', 'GET', '/api/workspaces/{A}/bots');
    expect(bots.body.bots).toEqual([{ id: 'madrugada', name: 'Bot da madrugada' }]);
    const line = await call('vera', 'GET', '/api/workspaces/{A}/lines/pbx');
    expect(line.body.record).toMatchObject({ callbotId: 'recepcao' });
    const flows = await call('vera', 'GET', '/api/workspaces/{A}/flows');
    expect((flows.body.flows as { id: string }[]).map((f) => f.id)).toEqual(['recepcao']);
    const settings = await call('vera', 'GET', '/api/workspaces/{A}/settings');
    // The file has no language of the default callbot: the workspace's own (set above) stays.
    expect(settings.body.settings).toMatchObject({
      timeZone: 'America/Recife',
      defaultCallbotLanguage: 'es',
    });
    // Workspace B is untouched.
    expect((await call('beto', 'GET', '/api/workspaces/{B}/flows')).body.flows).toHaveLength(1);
  });
});
