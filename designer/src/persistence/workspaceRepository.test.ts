import Dexie from 'dexie';
import { i18n } from '../i18n/index.ts';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDocument, Line, NamedSchedule } from '@callbot/shared';
import { examples } from '@callbot/runtime';
import { DesignerDb } from './db.ts';
import { workspaceMessage } from '../app/workspaceMessages.ts';
import { formatPhone } from '../forms/phone.ts';
import { createTestWorkspace, refusal } from './testing.ts';

const opened: DesignerDb[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
});

function setup() {
  const made = createTestWorkspace();
  opened.push(made.db);
  return made;
}

/** The reception example with its schedule node using the named schedule `scheduleId`. */
function receptionUsing(scheduleId: string): FlowDocument {
  const doc = structuredClone(examples.reception);
  return {
    ...doc,
    nodes: doc.nodes.map((node) =>
      node.kind === 'schedule' ? { ...node, data: { ...node.data, scheduleId } } : node,
    ),
  };
}

const scheduleNode = (doc: FlowDocument) => doc.nodes.find((n) => n.kind === 'schedule')!;

describe('schema upgrade', () => {
  it('opens a database of schema version 2 keeping its flows, versions, test cases and meta', async () => {
    const name = 'workspace-upgrade';
    const indexedDB = new IDBFactory();
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({
      flows: 'id, updatedAt',
      versions: '++id, flowId, [flowId+createdAt]',
      meta: 'key',
    });
    old.version(2).stores({ testCases: '++id, flowId, [flowId+createdAt]' });
    const doc = examples.reception;
    await old.table('flows').add({
      id: 'f1',
      name: doc.settings.name,
      doc,
      revision: 3,
      createdAt: 1,
      updatedAt: 2,
      isExample: true,
    });
    await old.table('versions').add({
      flowId: 'f1',
      revision: 2,
      note: 'before',
      auto: false,
      createdAt: 2,
      doc,
    });
    await old.table('testCases').add({
      flowId: 'f1',
      name: 'opens',
      script: { steps: [] },
      transcript: [],
      createdAt: 3,
      flowRevision: 3,
    });
    await old.table('meta').put({ key: 'exampleSeeded', value: true });
    old.close();

    const db = new DesignerDb({ name, indexedDB, IDBKeyRange });
    opened.push(db);
    expect(db.verno).toBe(5);
    expect(await db.flows.toArray()).toEqual([
      expect.objectContaining({ id: 'f1', revision: 3, isExample: true, doc }),
    ]);
    expect(await db.versions.toArray()).toEqual([
      expect.objectContaining({ flowId: 'f1', note: 'before' }),
    ]);
    expect(await db.testCases.toArray()).toEqual([
      expect.objectContaining({ flowId: 'f1', name: 'opens' }),
    ]);
    expect(await db.meta.get('exampleSeeded')).toEqual({ key: 'exampleSeeded', value: true });
    expect(await db.teams.count()).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });
});

describe('settings', () => {
  it('gives the defaults until something is stored, then the stored settings', async () => {
    const { workspace } = setup();
    expect(await workspace.readSettings()).toEqual({
      settings: { timeZone: 'America/Sao_Paulo', country: 'BR' },
      broken: [],
    });
    await workspace.updateSettings({ timeZone: 'Europe/Lisbon', country: 'PT' });
    expect((await workspace.readSettings()).settings).toEqual({
      timeZone: 'Europe/Lisbon',
      country: 'PT',
    });
  });

  it('refuses settings with an unknown time zone, naming the field, and keeps the stored ones', async () => {
    const { workspace } = setup();
    const error = await refusal(workspace.updateSettings({ timeZone: 'Mars/Olympus' }));
    expect(error.code).toBe('invalid');
    expect(error.params.problems).toEqual([
      {
        path: 'timeZone',
        message: 'expected a time zone such as America/Sao_Paulo',
        code: 'timeZone',
      },
    ]);
    expect((await workspace.readSettings()).settings.timeZone).toBe('America/Sao_Paulo');
  });

  it('reports broken stored settings and reads the defaults instead of crashing', async () => {
    const { workspace, db } = setup();
    await db.settings.put({ key: 'workspace', value: { timeZone: 42 } });
    const read = await workspace.readSettings();
    expect(read.settings.country).toBe('BR');
    expect(read.broken).toEqual([expect.objectContaining({ table: 'settings', key: 'workspace' })]);
  });
});

describe('teams', () => {
  it('R9: the first team becomes the default team, mirrored in the settings; the next ones do not', async () => {
    const { workspace } = setup();
    const reception = await workspace.createTeam({ name: 'Recepção', agents: 3 });
    const sales = await workspace.createTeam({ name: 'Vendas', agents: 0 });
    expect(reception.isDefault).toBe(true);
    expect(sales.isDefault).toBe(false);
    expect((await workspace.readSettings()).settings.defaultTeamId).toBe(reception.id);
    expect((await workspace.listTeams()).items.map((t) => [t.name, t.isDefault])).toEqual([
      ['Recepção', true],
      ['Vendas', false],
    ]);
  });

  it('R9: choosing another default team leaves exactly one default', async () => {
    const { workspace } = setup();
    await workspace.createTeam({ name: 'A', agents: 1 });
    const b = await workspace.createTeam({ name: 'B', agents: 1 });
    await workspace.createTeam({ name: 'C', agents: 1 });
    await workspace.setDefaultTeam(b.id);
    const teams = (await workspace.listTeams()).items;
    expect(teams.filter((t) => t.isDefault).map((t) => t.name)).toEqual(['B']);
    expect((await workspace.readSettings()).settings.defaultTeamId).toBe(b.id);
  });

  it('renames a team and sets its agents, refusing a negative count with the field and why', async () => {
    const { workspace } = setup();
    const team = await workspace.createTeam({ name: 'Suporte', agents: 2 });
    expect(await workspace.updateTeam(team.id, { name: ' Suporte técnico ', agents: 5 })).toEqual({
      ...team,
      name: 'Suporte técnico',
      agents: 5,
    });
    const error = await refusal(workspace.updateTeam(team.id, { agents: -1 }));
    expect(error.params.problems).toEqual([
      {
        path: 'agents',
        message: 'the number of agents cannot be negative',
        code: 'agentsNegative',
      },
    ]);
    expect((await workspace.listTeams()).items[0]!.agents).toBe(5);
  });

  it('refuses a team or bot named as another one is (case and spaces do not count), naming it', async () => {
    const { workspace } = setup();
    const vendas = await workspace.createTeam({ name: 'Vendas', agents: 1 });
    const created = await refusal(workspace.createTeam({ name: 'vendas ', agents: 2 }));
    expect(created.code).toBe('team.nameTaken');
    expect(created.params.existing).toEqual({ id: vendas.id, name: 'Vendas' });
    expect(workspaceMessage(created)).toBe(
      'Not saved: the team “Vendas” already has this name (case and spaces do not tell names apart).',
    );
    const suporte = await workspace.createTeam({ name: 'Suporte', agents: 1 });
    expect((await refusal(workspace.updateTeam(suporte.id, { name: 'VENDAS' }))).code).toBe(
      'team.nameTaken',
    );
    // Its own name in another case is fine.
    await workspace.updateTeam(vendas.id, { name: 'VENDAS' });
    expect((await workspace.listTeams()).items.map((t) => t.name).sort()).toEqual([
      'Suporte',
      'VENDAS',
    ]);

    const bot = await workspace.createBot({ name: 'Atendimento' });
    expect((await refusal(workspace.createBot({ name: ' atendimento' }))).params.existing).toEqual({
      id: bot.id,
      name: 'Atendimento',
    });
    const other = await workspace.createBot({ name: 'Outro' });
    expect((await refusal(workspace.renameBot(other.id, 'ATENDIMENTO'))).code).toBe(
      'bot.nameTaken',
    );
  });

  it('refuses a schedule named as another one is (case and spaces do not count), naming it', async () => {
    const { workspace } = setup();
    const hours = { timeZone: 'America/Sao_Paulo', weekly: [], holidays: [] };
    const comercial = await workspace.createSchedule({ name: 'Comercial', ...hours });
    const created = await refusal(workspace.createSchedule({ name: ' comercial', ...hours }));
    expect(created.code).toBe('schedule.nameTaken');
    expect(created.params.existing).toEqual({ id: comercial.id, name: 'Comercial' });
    expect(workspaceMessage(created)).toBe(
      'Not saved: the schedule “Comercial” already has this name (case and spaces do not tell names apart).',
    );
    const plantao = await workspace.createSchedule({ name: 'Plantão', ...hours });
    const renamed = await refusal(workspace.saveSchedule({ ...plantao, name: 'COMERCIAL' }));
    expect(renamed.code).toBe('schedule.nameTaken');
    // Its own name in another case is fine.
    await workspace.saveSchedule({ ...comercial, name: 'COMERCIAL' });
    expect((await workspace.listSchedules()).items.map((s) => s.name)).toEqual([
      'COMERCIAL',
      'Plantão',
    ]);
  });

  it('refuses a customer whose number another customer has, naming that customer', async () => {
    const { workspace } = setup();
    const alma = await workspace.putCustomer({
      id: 'alma',
      number: '+5511912340005',
      name: 'Alma',
      createdAt: 1,
    });
    const twice = await refusal(
      workspace.putCustomer({ id: 'other', number: '+5511912340005', createdAt: 2 }),
    );
    expect(twice.code).toBe('customer.numberTaken');
    expect(twice.params.customer).toEqual({ id: 'alma', number: '+5511912340005', name: 'Alma' });
    expect(workspaceMessage(twice, formatPhone)).toBe(
      'Not saved: +55 11 91234 0005 is already the number of the customer “Alma” (calls are counted per number).',
    );
    await i18n.changeLanguage('pt-BR');
    try {
      expect(workspaceMessage(twice, formatPhone)).toBe(
        'Não salvo: +55 11 91234 0005 já é o número do cliente “Alma” (as chamadas são contadas por número).',
      );
    } finally {
      await i18n.changeLanguage('en');
    }
    // A customer keeps its own number (a rename); one without a name is named by its number.
    await workspace.putCustomer({ ...alma, name: 'Alma Souza' });
    const bruno = await workspace.putCustomer({ id: 'b', number: '+5511912340006', createdAt: 3 });
    const moved = await refusal(workspace.putCustomer({ ...alma, number: bruno.number }));
    expect(workspaceMessage(moved, formatPhone)).toBe(
      'Not saved: +55 11 91234 0006 is already in the customer list (calls are counted per number).',
    );
    expect((await workspace.listCustomers()).items.map((c) => [c.id, c.number])).toEqual([
      ['alma', '+5511912340005'],
      ['b', '+5511912340006'],
    ]);
  });

  it('R9: refuses deleting the default team while other teams exist, then deletes it once another is the default', async () => {
    const { workspace } = setup();
    const a = await workspace.createTeam({ name: 'A', agents: 1 });
    const b = await workspace.createTeam({ name: 'B', agents: 1 });
    const error = await refusal(workspace.deleteTeam(a.id));
    expect(error.code).toBe('team.defaultWithOthers');
    expect((await workspace.listTeams()).items).toHaveLength(2);

    await workspace.setDefaultTeam(b.id);
    await workspace.deleteTeam(a.id);
    expect((await workspace.listTeams()).items.map((t) => t.name)).toEqual(['B']);
  });

  it('deletes the last team, the default one, and the settings no longer name a default team', async () => {
    const { workspace } = setup();
    const only = await workspace.createTeam({ name: 'Única', agents: 1 });
    await workspace.deleteTeam(only.id);
    expect((await workspace.listTeams()).items).toEqual([]);
    expect((await workspace.readSettings()).settings.defaultTeamId).toBeUndefined();
    // A team created afterwards is the default again.
    expect((await workspace.createTeam({ name: 'Nova', agents: 0 })).isDefault).toBe(true);
  });

  it('lists a broken team record apart, with which field and why, and the others normally', async () => {
    const { workspace, db } = setup();
    await workspace.createTeam({ name: 'Boa', agents: 1 });
    await db.teams.put({ id: 'broken', name: 'Quebrada', agents: 'many', isDefault: false });
    const listed = await workspace.listTeams();
    expect(listed.items.map((t) => t.name)).toEqual(['Boa']);
    expect(listed.broken).toEqual([
      {
        table: 'teams',
        key: 'broken',
        problems: [
          {
            path: 'agents',
            message: 'the number of agents is a whole number',
            code: 'agentsWhole',
          },
        ],
      },
    ]);
  });
});

describe('named schedules', () => {
  const hours = (start: string, end: string): NamedSchedule['weekly'] =>
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start, end }));

  async function withFlowUsingSchedule() {
    const made = setup();
    const schedule = await made.workspace.createSchedule({
      name: 'Loja',
      timeZone: 'America/Sao_Paulo',
      weekly: hours('09:00', '18:00'),
      holidays: [],
    });
    const at = 1_700_000_000_000;
    await made.db.flows.bulkAdd([
      {
        id: 'uses',
        name: 'Recepção',
        doc: receptionUsing(schedule.id),
        revision: 4,
        createdAt: at,
        updatedAt: at,
      },
      {
        id: 'own',
        name: 'Própria',
        doc: examples.reception,
        revision: 1,
        createdAt: at,
        updatedAt: at,
      },
    ]);
    return { ...made, schedule };
  }

  it('saving a schedule refreshes its copy in every flow that uses it, bumping their revisions and telling other tabs', async () => {
    const { workspace, db, schedule, flowSaved } = await withFlowUsingSchedule();
    const changed = {
      ...schedule,
      timeZone: 'Europe/Lisbon',
      weekly: hours('08:00', '20:00'),
      holidays: [{ date: '2026-12-25', name: 'Natal' }],
    };
    expect(await workspace.saveSchedule(changed)).toEqual([
      { id: 'uses', name: 'Recepção', revision: 5 },
    ]);
    const uses = (await db.flows.get('uses'))!;
    expect(uses.revision).toBe(5);
    expect(scheduleNode(uses.doc).data).toEqual({
      scheduleId: schedule.id,
      timeZone: 'Europe/Lisbon',
      weekly: hours('08:00', '20:00'),
      holidays: [{ date: '2026-12-25', name: 'Natal' }],
    });
    // A flow with its own hours is left alone.
    const own = (await db.flows.get('own'))!;
    expect(own.revision).toBe(1);
    expect(own.doc).toEqual(examples.reception);
    expect(flowSaved).toEqual([['uses', 5]]);
    expect((await workspace.listSchedules()).items).toEqual([changed]);
  });

  it('refuses an invalid schedule with the field and why, changing no flow', async () => {
    const { workspace, db, schedule } = await withFlowUsingSchedule();
    const error = await refusal(
      workspace.saveSchedule({ ...schedule, weekly: [{ day: 'mon', start: '9h', end: '18:00' }] }),
    );
    expect(error.code).toBe('invalid');
    expect(error.params.problems?.[0]?.path).toBe('weekly[0].start');
    expect((await db.flows.get('uses'))!.revision).toBe(4);
  });

  it('refuses deleting a schedule used by flows, naming them, and deletes it once unused', async () => {
    const { workspace, db, schedule } = await withFlowUsingSchedule();
    const error = await refusal(workspace.deleteSchedule(schedule.id));
    expect(error.code).toBe('schedule.inUse');
    expect(error.params.flows).toEqual([{ id: 'uses', name: 'Recepção' }]);
    expect((await workspace.listSchedules()).items).toHaveLength(1);

    await db.flows.delete('uses');
    await workspace.deleteSchedule(schedule.id);
    expect((await workspace.listSchedules()).items).toEqual([]);
  });

  it('lists flows with the schedules they use and their callbot mark', async () => {
    const { workspace, schedule } = await withFlowUsingSchedule();
    expect(await workspace.listFlows()).toEqual([
      { id: 'own', name: 'Própria', callbot: false, revision: 1, scheduleIds: [] },
      { id: 'uses', name: 'Recepção', callbot: false, revision: 4, scheduleIds: [schedule.id] },
    ]);
  });
});

describe('callbots and lines', () => {
  const purchased = (id: string, status: 'requested' | 'in_process' | 'active' | 'failed') =>
    ({
      id,
      kind: 'purchased',
      country: 'BR',
      number: '+551130000000',
      status,
      requestedAt: 1,
      orderId: `order-${id}`,
      createdAt: 1,
    }) satisfies Line;

  async function withFlow() {
    const made = setup();
    await made.db.flows.add({
      id: 'bot',
      name: 'Recepção',
      doc: examples.reception,
      revision: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    return made;
  }

  it('marks a flow as a callbot without changing its revision (an open editor keeps saving)', async () => {
    const { workspace, db } = await withFlow();
    await workspace.setCallbot('bot', true);
    expect(await db.flows.get('bot')).toEqual(
      expect.objectContaining({ callbot: true, revision: 1 }),
    );
    expect((await workspace.listFlows())[0]!.callbot).toBe(true);
  });

  it('R9: a flow no longer a callbot leaves its lines, which the default callbot then answers', async () => {
    const { workspace } = await withFlow();
    await workspace.setCallbot('bot', true);
    await workspace.putLine({ ...purchased('l1', 'active'), callbotId: 'bot' });
    await workspace.putLine({ ...purchased('l2', 'active') });
    await workspace.setCallbot('bot', false);
    expect((await workspace.listLines()).items.map((l) => [l.id, l.callbotId])).toEqual([
      ['l1', undefined],
      ['l2', undefined],
    ]);
  });

  it('R7: refuses deleting a line while its purchase is requested or in process; deletes it when active or failed', async () => {
    const { workspace } = setup();
    for (const status of ['requested', 'in_process'] as const) {
      await workspace.putLine(purchased(status, status));
      const error = await refusal(workspace.deleteLine(status));
      expect(error.code).toBe('rule');
    }
    for (const status of ['active', 'failed'] as const) {
      await workspace.putLine(purchased(status, status));
      await workspace.deleteLine(status);
    }
    expect((await workspace.listLines()).items.map((l) => l.id).sort()).toEqual([
      'in_process',
      'requested',
    ]);
  });

  it('refuses a line that does not pass its schema, with the field and why', async () => {
    const { workspace } = setup();
    const error = await refusal(workspace.putLine({ ...purchased('x', 'active'), number: '1234' }));
    expect(error.params.problems?.map((p) => p.path)).toEqual(['number']);
    expect((await workspace.listLines()).items).toEqual([]);
  });
});

describe('customers, permissions and call attempts', () => {
  it('deleting a customer deletes its number’s permission and attempts, and no one else’s', async () => {
    const { workspace } = setup();
    await workspace.putCustomer({ id: 'c1', number: '+5511911111111', createdAt: 1 });
    await workspace.putCustomer({ id: 'c2', number: '+5511922222222', createdAt: 1 });
    for (const number of ['+5511911111111', '+5511922222222']) {
      await workspace.putPermission({
        number,
        state: 'always',
        updatedAt: 1,
        requests: [1],
        unansweredInRow: 0,
      });
      await workspace.addCallAttempt({ id: `a${number}`, number, at: 5, outcome: 'answered' });
    }
    await workspace.deleteCustomer('c1');
    expect((await workspace.listCustomers()).items.map((c) => c.id)).toEqual(['c2']);
    expect((await workspace.listPermissions()).items.map((p) => p.number)).toEqual([
      '+5511922222222',
    ]);
    expect((await workspace.listCallAttempts()).items.map((a) => a.number)).toEqual([
      '+5511922222222',
    ]);
  });

  it('lists one number’s call attempts, oldest first', async () => {
    const { workspace } = setup();
    const number = '+5511911111111';
    await workspace.addCallAttempt({ id: 'b', number, at: 20, outcome: 'unanswered' });
    await workspace.addCallAttempt({ id: 'a', number, at: 10, outcome: 'answered' });
    await workspace.addCallAttempt({
      id: 'c',
      number: '+5511900000000',
      at: 5,
      outcome: 'answered',
    });
    expect((await workspace.listCallAttempts(number)).items.map((a) => a.id)).toEqual(['a', 'b']);
  });

  it('counts this month’s WhatsApp calls the business placed, in the workspace’s time zone (R21)', async () => {
    const { workspace, clock } = setup();
    clock.now = Date.parse('2023-11-14T22:00:00Z');
    const br = '+5511911111111';
    const attempts: [id: string, number: string, at: string][] = [
      // 23:00 on 31 October in São Paulo: last month there, though November in UTC.
      ['october', br, '2023-11-01T02:00:00Z'],
      ['first', br, '2023-11-01T04:00:00Z'],
      ['second', br, '2023-11-10T12:00:00Z'],
      ['elsewhere', '+12025550123', '2023-11-10T12:00:00Z'],
      ['later', br, '2023-11-20T12:00:00Z'],
    ];
    for (const [id, number, at] of attempts) {
      await workspace.addCallAttempt({ id, number, at: Date.parse(at), outcome: 'answered' });
    }
    const whatsapp = { channel: 'whatsapp', direction: 'outbound' } as const;
    expect(await workspace.monthToDate({ ...whatsapp, country: 'BR' })).toEqual({
      calls: 2,
      minutes: 0,
    });
    expect(await workspace.monthToDate({ ...whatsapp, country: 'US' })).toEqual({
      calls: 1,
      minutes: 0,
    });
    await workspace.updateSettings({ timeZone: 'UTC' });
    expect(await workspace.monthToDate({ ...whatsapp, country: 'BR' })).toEqual({
      calls: 3,
      minutes: 0,
    });
    // The browser keeps no records of calls by line or of calls the customers start.
    expect(
      await workspace.monthToDate({ channel: 'line', direction: 'inbound', country: 'BR' }),
    ).toEqual({ calls: 0, minutes: 0 });
  });

  it('refuses a temporary permission without its expiry, saying why', async () => {
    const { workspace } = setup();
    const error = await refusal(
      workspace.putPermission({
        number: '+5511911111111',
        state: 'temporary',
        updatedAt: 1,
        requests: [],
        unansweredInRow: 0,
      }),
    );
    expect(error.params.problems).toEqual([
      {
        path: 'expiresAt',
        message: 'a temporary permission has an expiry, and only a temporary one',
        code: 'permissionExpiry',
      },
    ]);
  });
});

describe('subscribe', () => {
  it('tells subscribers after a change is written, and no longer once unsubscribed', async () => {
    const { workspace } = setup();
    let changes = 0;
    const stop = workspace.subscribe(() => changes++);
    await workspace.createTeam({ name: 'Vendas', agents: 1 });
    expect(changes).toBe(1);
    await refusal(workspace.createTeam({ name: '', agents: 1 }));
    expect(changes).toBe(1);
    stop();
    await workspace.createTeam({ name: 'Suporte', agents: 1 });
    expect(changes).toBe(1);
  });
});
