import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { createFlow, type FlowDocument } from '@callbot/shared';
import { DesignerDb } from './db.ts';
import { MAX_STORED_HISTORY } from './repository.ts';
import { createTestRepository } from './testing.ts';

const opened: Dexie[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
});

function setup() {
  const made = createTestRepository();
  opened.push(made.db);
  return made;
}

const named = (doc: FlowDocument, name: string): FlowDocument => ({
  ...doc,
  settings: { ...doc.settings, name },
});

describe('undo history kept with the flow', () => {
  it('is read back with the revision it was saved with', async () => {
    const { repo } = setup();
    const flow = await repo.create('A');
    const { doc: first } = await repo.open(flow.id);
    const second = named(first, 'B');
    const third = named(first, 'C');
    const r2 = await repo.save(flow.id, second, 1, {
      past: [{ name: 'updateSettings', doc: first }],
      future: [],
    });
    await repo.save(flow.id, third, r2, {
      past: [
        { name: 'updateSettings', doc: first },
        { name: 'updateSettings', doc: second },
      ],
      future: [{ name: 'addNode', doc: named(first, 'D') }],
    });
    const reopened = await repo.open(flow.id);
    expect(reopened.doc).toEqual(third);
    expect(reopened.history).toEqual({
      past: [
        { name: 'updateSettings', doc: first },
        { name: 'updateSettings', doc: second },
      ],
      future: [{ name: 'addNode', doc: named(first, 'D') }],
    });
  });

  it('is left unused once the flow was saved without it (another tab, a rename)', async () => {
    const { repo } = setup();
    const flow = await repo.create('A');
    const { doc } = await repo.open(flow.id);
    await repo.save(flow.id, named(doc, 'B'), 1, { past: [{ name: 'x', doc }], future: [] });
    await repo.rename(flow.id, 'Renamed');
    expect((await repo.open(flow.id)).history).toBeUndefined();
  });

  it('keeps at most MAX_STORED_HISTORY steps each way, the nearest ones', async () => {
    const { repo } = setup();
    const flow = await repo.create('A');
    const { doc } = await repo.open(flow.id);
    const steps = Array.from({ length: MAX_STORED_HISTORY + 10 }, (_, i) => ({
      name: 'updateSettings',
      doc: named(doc, `v${i}`),
    }));
    await repo.save(flow.id, doc, 1, { past: steps, future: steps });
    const { history } = await repo.open(flow.id);
    expect(history?.past).toHaveLength(MAX_STORED_HISTORY);
    expect(history?.past[0]?.doc.settings.name).toBe('v10');
    expect(history?.future).toHaveLength(MAX_STORED_HISTORY);
    expect(history?.future[0]?.doc.settings.name).toBe('v0');
  });

  it('is never trusted: a step that does not read cuts the history there', async () => {
    const { repo, db } = setup();
    const flow = await repo.create('A');
    const { doc } = await repo.open(flow.id);
    const ok = (name: string) => ({ name: 'updateSettings', doc: named(doc, name) });
    const broken = { name: 'updateSettings', doc: { schemaVersion: 1, nodes: 'nope' } };
    await db.histories.put({
      flowId: flow.id,
      revision: 1,
      past: [ok('old'), broken, ok('near')],
      future: [ok('next'), broken, ok('far')],
    });
    const { history } = await repo.open(flow.id);
    expect(history?.past.map((s) => s.doc.settings.name)).toEqual(['near']);
    expect(history?.future.map((s) => s.doc.settings.name)).toEqual(['next']);
  });

  it('goes with its flow when the flow is deleted', async () => {
    const { repo, db } = setup();
    const flow = await repo.create('A');
    const { doc } = await repo.open(flow.id);
    await repo.save(flow.id, doc, 1, { past: [{ name: 'x', doc }], future: [] });
    expect(await db.histories.count()).toBe(1);
    await repo.remove(flow.id);
    expect(await db.histories.count()).toBe(0);
  });
});

describe('schema version 4', () => {
  it('opens a database of version 3 keeping its records, with no history yet', async () => {
    const name = 'history-upgrade';
    const indexedDB = new IDBFactory();
    const old = new Dexie(name, { indexedDB, IDBKeyRange });
    old.version(1).stores({
      flows: 'id, updatedAt',
      versions: '++id, flowId, [flowId+createdAt]',
      meta: 'key',
    });
    old.version(2).stores({ testCases: '++id, flowId, [flowId+createdAt]' });
    old.version(3).stores({
      teams: 'id',
      schedules: 'id',
      lines: 'id, callbotId',
      customers: 'id, number',
      permissions: 'number',
      callAttempts: 'id, number, [number+at]',
      settings: 'key',
    });
    const doc = createFlow('Antigo');
    await old
      .table('flows')
      .add({ id: 'f1', name: 'Antigo', doc, revision: 4, createdAt: 1, updatedAt: 2 });
    await old.table('teams').add({ id: 't1', name: 'Vendas' });
    old.close();

    const db = new DesignerDb({ name, indexedDB, IDBKeyRange });
    opened.push(db);
    expect(db.verno).toBe(5);
    expect(await db.flows.get('f1')).toMatchObject({ revision: 4, doc });
    expect(await db.teams.toArray()).toEqual([{ id: 't1', name: 'Vendas' }]);
    expect(await db.histories.count()).toBe(0);
    const { repo } = createTestRepository(db);
    expect((await repo.open('f1')).history).toBeUndefined();
  });
});
