import { afterEach, describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import type { WorkspaceFile } from '@callbot/shared';
import type { DesignerDb } from './db.ts';
import { checkWorkspaceFile } from './workspaceFile.ts';
import { createTestWorkspace } from './testing.ts';

const opened: DesignerDb[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
});

function setup() {
  const made = createTestWorkspace();
  opened.push(made.db);
  return made;
}

/** A workspace with a bit of everything, the reception flow marked as a callbot on a line. */
async function filled() {
  const made = setup();
  const { workspace, db } = made;
  await db.flows.add({
    id: 'reception',
    name: examples.reception.settings.name,
    doc: examples.reception,
    revision: 2,
    createdAt: 1,
    updatedAt: 1,
  });
  await workspace.setCallbot('reception', true);
  await workspace.createTeam({ name: 'Recepção', agents: 3 });
  await workspace.createTeam({ name: 'Vendas', agents: 1 });
  await workspace.createBot({ name: 'Vendas IA' });
  await workspace.createSchedule({
    name: 'Loja',
    timeZone: 'America/Sao_Paulo',
    weekly: [{ day: 'mon', start: '09:00', end: '18:00' }],
    holidays: [],
  });
  await workspace.putLine({
    id: 'line-1',
    kind: 'purchased',
    country: 'BR',
    number: '+551130000000',
    status: 'active',
    requestedAt: 1,
    orderId: 'o1',
    createdAt: 1,
    callbotId: 'reception',
  });
  await workspace.putCustomer({ id: 'c1', number: '+5511911111111', createdAt: 1 });
  await workspace.putPermission({
    number: '+5511911111111',
    state: 'always',
    updatedAt: 1,
    requests: [1],
    unansweredInRow: 0,
  });
  await workspace.addCallAttempt({
    id: 'a1',
    number: '+5511911111111',
    at: 5,
    outcome: 'answered',
  });
  return made;
}

const parse = (text: string) =>
  JSON.parse(text) as Omit<WorkspaceFile, 'flows'> & {
    flows: { doc: { settings: { name?: string } } }[];
  };

/** What the pages list, to compare two workspaces. */
async function lists(made: ReturnType<typeof setup>) {
  const { workspace } = made;
  return {
    settings: (await workspace.readSettings()).settings,
    teams: (await workspace.listTeams()).items,
    bots: (await workspace.listBots()).items,
    schedules: (await workspace.listSchedules()).items,
    lines: (await workspace.listLines()).items,
    customers: (await workspace.listCustomers()).items,
    permissions: (await workspace.listPermissions()).items,
    attempts: (await workspace.listCallAttempts()).items,
    flows: (await workspace.listFlows()).map(({ revision: _r, ...flow }) => flow),
  };
}

describe('workspace export and import', () => {
  it('exports everything into one file that imports into an empty browser giving the same lists', async () => {
    const source = await filled();
    const exported = await source.workspace.exportWorkspace();
    expect(exported.fileName).toMatch(/^workspace-\d{4}-\d{2}-\d{2}\.callbot-workspace\.json$/);
    expect(exported.skipped).toEqual([]);
    expect(JSON.parse(exported.text)).toMatchObject({
      format: 'callbot-workspace/1',
      callbots: [{ flowId: 'reception' }],
    });

    const target = setup();
    const result = await target.workspace.importWorkspace(exported.text);
    expect(result.ok && result.counts).toEqual({
      flows: 1,
      callbots: 1,
      teams: 2,
      schedules: 1,
      lines: 1,
      customers: 1,
      permissions: 1,
      attempts: 1,
      bots: 1,
    });
    expect(await lists(target)).toEqual(await lists(source));
    expect((await target.workspace.listBots()).items.map((b) => b.name)).toEqual(['Vendas IA']);
    expect((await target.db.flows.get('reception'))!.doc).toEqual(examples.reception);
  });

  it('replaces the workspace: flows not in the file go with their versions, a kept flow gets the next revision and other tabs are told', async () => {
    const source = await filled();
    const { text } = await source.workspace.exportWorkspace();

    const target = await filled();
    await target.db.flows.add({
      id: 'other',
      name: 'Outro',
      doc: examples.aiAgent,
      revision: 1,
      createdAt: 1,
      updatedAt: 1,
    });
    await target.db.versions.add({
      flowId: 'other',
      revision: 1,
      note: 'x',
      auto: false,
      createdAt: 1,
      doc: examples.aiAgent,
    });
    await target.workspace.createTeam({ name: 'Extra', agents: 9 });
    await target.workspace.createBot({ name: 'Bot extra' });
    await target.workspace.importWorkspace(text);

    expect((await target.workspace.listFlows()).map((f) => f.id)).toEqual(['reception']);
    expect(await target.db.versions.count()).toBe(0);
    expect((await target.workspace.listTeams()).items.map((t) => t.name)).toEqual([
      'Recepção',
      'Vendas',
    ]);
    expect((await target.workspace.listBots()).items.map((b) => b.name)).toEqual(['Vendas IA']);
    expect((await target.db.flows.get('reception'))!.revision).toBe(3);
    expect(target.flowSaved).toEqual([['reception', 3]]);
  });

  it('imports a file written before there were bots, leaving the workspace without bots', async () => {
    const source = await filled();
    const { bots: _none, ...older } = parse((await source.workspace.exportWorkspace()).text);
    const target = await filled();
    const result = await target.workspace.importWorkspace(JSON.stringify(older));
    expect(result.ok && result.counts.bots).toBe(0);
    expect((await target.workspace.listBots()).items).toEqual([]);
    expect((await target.workspace.listTeams()).items.map((t) => t.name)).toEqual([
      'Recepção',
      'Vendas',
    ]);
  });

  it('refuses a file with a broken record, saying which record, which field and why, and changes nothing', async () => {
    const source = await filled();
    const file = parse((await source.workspace.exportWorkspace()).text);
    file.teams[1]!.agents = -2;
    const target = await filled();
    const before = await lists(target);
    const result = await target.workspace.importWorkspace(JSON.stringify(file));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          path: 'teams[1].agents',
          message: 'the number of agents cannot be negative',
          code: 'agentsNegative',
        },
      ],
    });
    expect(await lists(target)).toEqual(before);
  });

  it('refuses a file whose flow does not read, naming the flow and the field', async () => {
    const source = await filled();
    const file = parse((await source.workspace.exportWorkspace()).text);
    delete file.flows[0]!.doc.settings.name;
    const result = checkWorkspaceFile(JSON.stringify(file));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0]!.path).toMatch(/^flows\[0\]\.doc\.settings/);
  });

  it('leaves a broken stored record out of the export, listed, and the file still imports', async () => {
    const source = await filled();
    await source.db.teams.put({ id: 'bad', name: '', agents: 1, isDefault: false });
    const exported = await source.workspace.exportWorkspace();
    expect(exported.skipped).toEqual([expect.objectContaining({ table: 'teams', key: 'bad' })]);
    expect(checkWorkspaceFile(exported.text).ok).toBe(true);
  });

  it('R9: a line whose callbot is no longer a callbot is exported without one (the default callbot answers it)', async () => {
    const source = await filled();
    await source.db.flows.update('reception', { callbot: false });
    const file = parse((await source.workspace.exportWorkspace()).text);
    expect(file.lines[0]!.callbotId).toBeUndefined();
    expect(file.callbots).toEqual([]);
  });
});
