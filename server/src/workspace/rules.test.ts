import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createFlow,
  flowSaveAnswerSchema,
  type FlowDocument,
  type Line,
  type WhatsAppLine,
} from '@callbot/shared';
import { createAccountStore, type AccountStore } from '../accounts.ts';
import { openPglite, type Database } from '../db.ts';
import { createStore } from '../store.ts';
import { createWorkspaceStore, WorkspaceError, type WorkspaceStore } from './store.ts';

const ana = { id: 'u1', name: 'Ana' };
let db: Database;
let store: WorkspaceStore;
let accounts: AccountStore;
let owner = '';
const clock = Date.parse('2026-12-07T12:00:00Z');

beforeAll(async () => {
  db = await openPglite();
  await createStore(db);
  store = createWorkspaceStore(db, () => clock);
  accounts = createAccountStore(db);
  const first = await accounts.setup({
    email: 'otto@example.com',
    name: 'Otto',
    passwordHash: 'unused',
    workspaceName: 'Loja',
    at: clock,
  });
  owner = first!.userId;
}, 60_000);

/** A new workspace's id. */
const workspace = async () => (await accounts.createWorkspace(owner, 'Loja', clock)).id;

afterAll(async () => {
  await db.close();
});

/** The reception callbot R2 asks for: greeting → schedule (open → transfer to `team`). */
function reception(team = 'Suporte'): FlowDocument {
  const doc = createFlow('Recepção');
  doc.nodes = [
    { id: 'greeting', kind: 'greeting', data: { text: 'Olá' }, connections: { next: 'hours' } },
    {
      id: 'hours',
      kind: 'schedule',
      data: { weekly: [{ day: 'mon', start: '09:00', end: '18:00' }], holidays: [] },
      connections: { open: 'transfer', closed: 'tchau' },
    },
    { id: 'transfer', kind: 'transfer', data: { team }, connections: { noAgents: 'tchau' } },
    { id: 'tchau', kind: 'hangup', data: { text: 'Tchau' }, connections: {} },
  ] as FlowDocument['nodes'];
  doc.layout = { nodes: {} };
  return doc;
}

const whatsapp = (over: Partial<WhatsAppLine> = {}): WhatsAppLine => ({
  id: 'w1',
  kind: 'whatsapp',
  number: '+551130000000',
  displayName: 'Loja',
  business: true,
  calling: true,
  callsEnabled: false,
  createdAt: clock,
  ...over,
});

/** A workspace with a team with agents, a reception callbot on a WhatsApp line, calls off. */
async function ready(): Promise<string> {
  const id = await workspace();
  await store.putRecord(
    id,
    'teams',
    'suporte',
    { id: 'suporte', name: 'Suporte', agents: 2, isDefault: true },
    ana,
  );
  await store.saveFlow(id, 'recepcao', { baseRevision: 0, doc: reception(), callbot: true }, ana);
  await store.putRecord(id, 'lines', 'w1', whatsapp(), ana);
  await store.assignLine(id, 'w1', { callbotId: 'recepcao', replace: false }, ana);
  return id;
}

const line = async (id: string) =>
  (await store.getRecord(id, 'lines', 'w1'))!.record as Line & Partial<WhatsAppLine>;

const enable = async (id: string) =>
  store.putRecord(id, 'lines', 'w1', { ...(await line(id)), callsEnabled: true }, ana);

async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkspaceError);
  return error as WorkspaceError;
}

describe('R2 on the server', () => {
  it("R2: calls are enabled once the line's callbot checks a schedule and transfers to a team with agents", async () => {
    const id = await ready();
    await enable(id);
    expect((await line(id)).callsEnabled).toBe(true);
  });

  it('R2: a greeting → hang-up flow is not a reception callbot: enabling is refused, naming what is missing', async () => {
    const id = await workspace();
    await store.putRecord(
      id,
      'teams',
      'suporte',
      { id: 'suporte', name: 'Suporte', agents: 2, isDefault: true },
      ana,
    );
    // A schedule in the workspace that the callbot does not use does not count either.
    await store.putRecord(
      id,
      'schedules',
      'comercial',
      {
        id: 'comercial',
        name: 'Comercial',
        timeZone: 'America/Sao_Paulo',
        weekly: [{ day: 'mon', start: '09:00', end: '18:00' }],
        holidays: [],
      },
      ana,
    );
    await store.saveFlow(id, 'oi', { baseRevision: 0, doc: createFlow('Oi'), callbot: true }, ana);
    await store.putRecord(id, 'lines', 'w1', whatsapp(), ana);
    await store.assignLine(id, 'w1', { callbotId: 'oi', replace: false }, ana);
    const error = await refusal(enable(id));
    expect(error.status).toBe(409);
    expect(error.code).toBe('R2.checklistIncomplete');
    expect(error.extra.missing).toEqual(['receptionCallbot', 'openingHours', 'teamWithAgents']);
    expect((await line(id)).callsEnabled).toBe(false);
  });

  it('R2: taking the callbot off the line turns its calls off, saying why', async () => {
    const id = await ready();
    await enable(id);
    const { line: after, changes } = await store.unassignLine(id, 'w1', ana);
    expect(after).toMatchObject({
      callsEnabled: false,
      callsTurnedOff: {
        at: clock,
        missing: ['receptionCallbot', 'openingHours', 'teamWithAgents'],
      },
    });
    expect(changes.filter((c) => c.table === 'lines')).toHaveLength(2);
    expect(await line(id)).toMatchObject({ callsEnabled: false });
  });

  it('R2: a team emptied of agents, or deleted, turns calls off on the lines whose callbot transfers to it', async () => {
    const id = await ready();
    await enable(id);
    await store.putRecord(
      id,
      'teams',
      'suporte',
      { id: 'suporte', name: 'Suporte', agents: 0, isDefault: true },
      ana,
    );
    expect(await line(id)).toMatchObject({
      callsEnabled: false,
      callsTurnedOff: { missing: ['teamWithAgents'] },
    });
    // Enabled again once the team has agents: the reason is cleared.
    await store.putRecord(
      id,
      'teams',
      'suporte',
      { id: 'suporte', name: 'Suporte', agents: 1, isDefault: true },
      ana,
    );
    await enable(id);
    expect((await line(id)).callsTurnedOff).toBeUndefined();
    await store.deleteRecord(id, 'teams', 'suporte', ana);
    expect(await line(id)).toMatchObject({
      callsEnabled: false,
      callsTurnedOff: { missing: ['teamWithAgents'] },
    });
  });

  it("R2: renaming the callbot's team keeps calls on (the flow follows the rename)", async () => {
    const id = await ready();
    await enable(id);
    await store.putRecord(
      id,
      'teams',
      'suporte',
      { id: 'suporte', name: 'Atendimento', agents: 2, isDefault: true },
      ana,
    );
    expect((await line(id)).callsEnabled).toBe(true);
  });

  it('R2: saving the reception flow without its schedule turns calls off in the same save', async () => {
    const id = await ready();
    await enable(id);
    const doc = reception();
    doc.nodes = doc.nodes.filter((n) => n.id !== 'hours');
    doc.nodes[0]!.connections = { next: 'transfer' };
    const saved = await store.saveFlow(id, 'recepcao', { baseRevision: 1, doc }, ana);
    expect(saved.ok && saved.changes.map((c) => c.table)).toEqual(['flows', 'lines']);
    expect(await line(id)).toMatchObject({
      callsEnabled: false,
      callsTurnedOff: { missing: ['openingHours'] },
    });
    // The save's own answer says so (the editor shows it at once), and a contract reads it.
    expect(saved.ok && saved.callsTurnedOff).toEqual([
      {
        lineId: 'w1',
        number: '+551130000000',
        missing: ['openingHours'],
        message: expect.stringContaining(
          'WhatsApp calls on +551130000000 were turned off',
        ) as string,
      },
    ]);
    if (!saved.ok) return;
    const answer = flowSaveAnswerSchema.parse({
      ...saved.flow,
      callsTurnedOff: saved.callsTurnedOff,
    });
    expect(answer.callsTurnedOff?.[0]?.missing).toEqual(['openingHours']);
    // A save that breaks nothing (calls already off) says nothing.
    const again = await store.saveFlow(id, 'recepcao', { baseRevision: 2, doc }, ana);
    expect(again.ok && again.callsTurnedOff).toEqual([]);
  });

  it('R2: replacing the callbot by one that is not ready, or deleting it, turns calls off', async () => {
    const id = await ready();
    await store.saveFlow(id, 'oi', { baseRevision: 0, doc: createFlow('Oi'), callbot: true }, ana);
    await enable(id);
    const { line: replaced } = await store.assignLine(
      id,
      'w1',
      { callbotId: 'oi', replace: true },
      ana,
    );
    expect(replaced).toMatchObject({ callsEnabled: false, callbotId: 'oi' });

    const other = await ready();
    await enable(other);
    await store.deleteFlow(other, 'recepcao', ana);
    expect(await line(other)).toMatchObject({ callsEnabled: false });
  });

  it('R2: enabling calls and breaking the flow at the same time never leave calls on with a broken flow', async () => {
    const id = await ready();
    const broken = createFlow('Recepção');
    await Promise.allSettled([
      enable(id),
      store.saveFlow(id, 'recepcao', { baseRevision: 1, doc: broken }, ana),
    ]);
    const after = await line(id);
    const flow = await store.getFlow(id, 'recepcao');
    // The save always lands (its base is right); whichever went first, calls end up off.
    expect(flow!.revision).toBe(2);
    expect(after.callsEnabled).toBe(false);
  });
});

describe('R19 and R6 on the server', () => {
  const sip = (number: string, over: Record<string, unknown> = {}) => ({
    id: 's1',
    kind: 'sip',
    label: 'PABX',
    host: 'pbx.example.com',
    port: 5060,
    transport: 'udp',
    username: 'loja',
    password: 'segredo',
    number,
    createdAt: clock,
    ...over,
  });

  it('R19: a certain mobile is refused; a number that may be a mobile needs the business to declare it', async () => {
    const id = await workspace();
    expect(
      (await refusal(store.putRecord(id, 'lines', 's1', sip('+5511912345678'), ana))).code,
    ).toBe('R19.personalMobile');
    const uncertain = await refusal(store.putRecord(id, 'lines', 's1', sip('+12125550100'), ana));
    expect(uncertain.code).toBe('R19.declarationNeeded');
    expect(uncertain.message).toContain('number:');
    await store.putRecord(
      id,
      'lines',
      's1',
      sip('+12125550100', { numberDeclared: 'business' }),
      ana,
    );
    expect((await store.getRecord(id, 'lines', 's1'))?.record).toMatchObject({
      number: '+12125550100',
    });
  });

  it('R6: a Brazilian mobile WhatsApp Business number is also the voice line, with one callbot for both', async () => {
    const id = await ready();
    const mobile = '+5511912345678';
    // The WhatsApp line (verified Business, calling on) on a mobile number, answered by the reception callbot.
    await store.putRecord(id, 'lines', 'w2', whatsapp({ id: 'w2', number: mobile }), ana);
    await store.assignLine(id, 'w2', { callbotId: 'recepcao', replace: false }, ana);
    // Its voice line: declared the business's line; it takes the number's callbot.
    await store.putRecord(id, 'lines', 's1', sip(mobile, { numberDeclared: 'business' }), ana);
    expect((await store.getRecord(id, 'lines', 's1'))?.record).toMatchObject({
      callbotId: 'recepcao',
    });
    const linked = { ...(await store.getRecord(id, 'lines', 'w2'))!.record, voiceLineId: 's1' };
    await store.putRecord(id, 'lines', 'w2', linked, ana);

    // One number, one callbot: another callbot on the voice line is refused, or replaces both.
    await store.saveFlow(id, 'vendas', { baseRevision: 0, doc: reception(), callbot: true }, ana);
    const refused = await refusal(
      store.assignLine(id, 's1', { callbotId: 'vendas', replace: false }, ana),
    );
    expect(refused.code).toBe('R3.lineHasCallbot');
    await store.assignLine(id, 's1', { callbotId: 'vendas', replace: true }, ana);
    const both = (await store.listRecords(id, 'lines')).filter((l) => l.number === mobile);
    expect(both.map((l) => [l.id, l.callbotId])).toEqual([
      ['s1', 'vendas'],
      ['w2', 'vendas'],
    ]);
    await store.unassignLine(id, 'w2', ana);
    expect(
      (await store.listRecords(id, 'lines'))
        .filter((l) => l.number === mobile)
        .map((l) => l.callbotId),
    ).toEqual([undefined, undefined]);
  });
});

describe('month-to-date usage (R21)', () => {
  it("R21: counts the workspace's calls of the month in one country, channel and direction, from the call records", async () => {
    const id = await workspace();
    await store.putSettings(
      id,
      { timeZone: 'America/Mexico_City', country: 'MX', defaultCallbotLanguage: 'es' },
      ana,
    );
    const insert = (
      sid: string,
      at: string,
      seconds: number,
      caller: string,
      direction = 'outbound',
    ) =>
      db.query(
        `INSERT INTO calls (sid, line, caller, status, step, session, last_twiml, created_at, updated_at, direction, channel, workspace_id)
         VALUES ($1, '+525555551234', $2, 'ended', 1, '{}'::jsonb, '', $3, $4, $5, 'whatsapp', $6)`,
        [sid, caller, at, new Date(Date.parse(at) + seconds * 1000).toISOString(), direction, id],
      );
    await insert('c1', '2026-12-01T07:00:00Z', 90, '+525512345678'); // 1 Dec 01:00 in Mexico City
    await insert('c2', '2026-12-01T05:00:00Z', 30, '+525512345678'); // 30 Nov 23:00 there: last month
    await insert('c3', '2026-12-05T12:00:00Z', 30, '+5511912345678'); // a Brazilian customer
    await insert('c4', '2026-12-05T12:00:00Z', 30, '+525512345678', 'inbound'); // the customer called
    expect(
      await store.monthToDate(id, { channel: 'whatsapp', direction: 'outbound', country: 'MX' }),
    ).toEqual({ calls: 1, minutes: 2, timeZone: 'America/Mexico_City' });
  });
});

describe('one name per team and per bot', () => {
  it('refuses a team or bot named as another one is (case, spaces), once even under concurrent creates', async () => {
    const id = await workspace();
    const names = [
      'Vendas',
      'vendas ',
      'VENDAS',
      ' Vendas',
      'vEndas',
      'vendas',
      'VENDAS ',
      'Vendas  ',
      'VeNdAs',
      'vendaS',
    ];
    const results = await Promise.allSettled(
      names.map((name, i) =>
        store.putRecord(
          id,
          'teams',
          `t${i}`,
          { id: `t${i}`, name, agents: 1, isDefault: false },
          ana,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const teams = await store.listRecords(id, 'teams');
    expect(teams).toHaveLength(1);
    const winner = teams[0] as { id: string; name: string };
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      expect(r.reason).toBeInstanceOf(WorkspaceError);
      expect(r.reason).toMatchObject({
        status: 409,
        code: 'name_taken',
        extra: { field: 'name', existing: { id: winner.id, name: winner.name } },
      });
    }
    // A rename into the name is refused too, naming the field and the team that has it.
    await store.putRecord(
      id,
      'teams',
      'other',
      { id: 'other', name: 'Suporte', agents: 1, isDefault: false },
      ana,
    );
    const renamed = await refusal(
      store.putRecord(
        id,
        'teams',
        'other',
        { id: 'other', name: ' VENDAS', agents: 1, isDefault: false },
        ana,
      ),
    );
    expect(renamed.message).toBe(
      `The team: name: "VENDAS" is the same name as "${winner.name}" (${winner.id}), which already exists.`,
    );
    // A team may keep its own name in another case; accents still tell names apart.
    await store.putRecord(
      id,
      'teams',
      'other',
      { id: 'other', name: 'SUPORTE', agents: 2, isDefault: false },
      ana,
    );
    await store.putRecord(
      id,
      'teams',
      'pais',
      { id: 'pais', name: 'País', agents: 1, isDefault: false },
      ana,
    );
    await store.putRecord(
      id,
      'teams',
      'pais2',
      { id: 'pais2', name: 'Pais', agents: 1, isDefault: false },
      ana,
    );

    // Bots alike.
    await store.putRecord(id, 'bots', 'b1', { id: 'b1', name: 'Atendimento' }, ana);
    const bot = await refusal(
      store.putRecord(id, 'bots', 'b2', { id: 'b2', name: 'atendimento ' }, ana),
    );
    expect(bot).toMatchObject({
      status: 409,
      code: 'name_taken',
      extra: { existing: { id: 'b1' } },
    });
    expect((await store.listRecords(id, 'bots')).map((b) => (b as { id: string }).id)).toEqual([
      'b1',
    ]);
  });
});

describe('one name per schedule', () => {
  const schedule = (id: string, name: string) => ({
    id,
    name,
    timeZone: 'America/Sao_Paulo',
    weekly: [{ day: 'mon', start: '09:00', end: '18:00' }],
    holidays: [],
  });

  it('refuses a schedule named as another one is (case, spaces), once even under concurrent creates', async () => {
    const id = await workspace();
    const names = [
      'Comercial',
      'comercial',
      'COMERCIAL ',
      ' Comercial',
      'comErcial',
      'Comercial  ',
    ];
    const results = await Promise.allSettled(
      names.map((name, i) =>
        store.putRecord(id, 'schedules', `s${i}`, schedule(`s${i}`, name), ana),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stored = (await store.listRecords(id, 'schedules')) as { id: string; name: string }[];
    expect(stored).toHaveLength(1);
    const winner = stored[0]!;
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      expect(r.reason).toMatchObject({
        status: 409,
        code: 'name_taken',
        extra: { field: 'name', existing: { id: winner.id, name: winner.name } },
      });
    }
    // A rename into it is refused; a schedule keeps its own name in another case.
    await store.putRecord(id, 'schedules', 'plantao', schedule('plantao', 'Plantão'), ana);
    const renamed = await refusal(
      store.putRecord(id, 'schedules', 'plantao', schedule('plantao', 'COMERCIAL'), ana),
    );
    expect(renamed.message).toBe(
      `The schedule: name: "COMERCIAL" is the same name as "${winner.name}" (${winner.id}), which already exists.`,
    );
    await store.putRecord(id, 'schedules', 'plantao', schedule('plantao', 'PLANTÃO'), ana);
    expect((await store.getRecord(id, 'schedules', 'plantao'))?.record.name).toBe('PLANTÃO');
  });
});

describe('one customer per number', () => {
  it('refuses a customer whose number another customer has, once even under concurrent adds', async () => {
    const id = await workspace();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        store.putRecord(
          id,
          'customers',
          `c${i}`,
          { id: `c${i}`, number: '+5511912340005', name: `Alma ${i}`, createdAt: clock },
          ana,
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const stored = (await store.listRecords(id, 'customers')) as { id: string; name: string }[];
    expect(stored).toHaveLength(1);
    const winner = stored[0]!;
    for (const r of results) {
      if (r.status === 'fulfilled') continue;
      expect(r.reason).toMatchObject({
        status: 409,
        code: 'number_taken',
        extra: {
          field: 'number',
          existing: { id: winner.id, number: '+5511912340005', name: winner.name },
        },
      });
    }
    // Without a name, the refusal names the customer by id; a customer keeps its own number.
    await store.putRecord(
      id,
      'customers',
      'bruno',
      { id: 'bruno', number: '+5511912340006', createdAt: clock },
      ana,
    );
    const unnamed = await refusal(
      store.putRecord(
        id,
        'customers',
        'carla',
        { id: 'carla', number: '+5511912340006', name: 'Carla', createdAt: clock },
        ana,
      ),
    );
    expect(unnamed.message).toBe(
      'The customer: number: +5511912340006 is already the number of the customer (bruno).',
    );
    expect(unnamed.extra).toEqual({
      field: 'number',
      existing: { id: 'bruno', number: '+5511912340006' },
    });
    await store.putRecord(
      id,
      'customers',
      'bruno',
      { id: 'bruno', number: '+5511912340006', name: 'Bruno', createdAt: clock },
      ana,
    );
    // A change of number into another's is refused too.
    const moved = await refusal(
      store.putRecord(
        id,
        'customers',
        'bruno',
        { id: 'bruno', number: '+5511912340005', name: 'Bruno', createdAt: clock },
        ana,
      ),
    );
    expect(moved.code).toBe('number_taken');
    expect((await store.listRecords(id, 'customers')).map((c) => c.number).sort()).toEqual([
      '+5511912340005',
      '+5511912340006',
    ]);
  });
});
