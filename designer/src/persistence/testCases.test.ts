import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it } from 'vitest';
import { DesignerDb } from './db.ts';
import { DuplicateTestCaseNameError, FlowNotFoundError } from './errors.ts';
import { uniqueName } from './names.ts';
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

const recorded = (name: string) => ({
  name,
  script: { call: { channel: 'line' }, steps: [] },
  transcript: [{ t: 0, kind: 'end', outcome: 'hung_up', durationMs: 0 }],
  flowRevision: 1,
});

describe('test cases of a flow', () => {
  it('saves them with their time and lists them per flow, oldest first', async () => {
    const { repo } = setup();
    const a = await repo.create('A');
    const b = await repo.create('B');
    const first = await repo.saveTestCase(a.id, recorded('  Vendas sem agentes '));
    await repo.saveTestCase(b.id, recorded('Other flow'));
    await repo.saveTestCase(a.id, recorded('Fechado no domingo'));

    expect(first).toMatchObject({ flowId: a.id, name: 'Vendas sem agentes', flowRevision: 1 });
    expect(first.id).toEqual(expect.any(Number));
    const list = await repo.listTestCases(a.id);
    expect(list.map((c) => c.name)).toEqual(['Vendas sem agentes', 'Fechado no domingo']);
    expect(list[0]!.createdAt).toBeLessThan(list[1]!.createdAt);
    expect(list[0]!.script).toEqual(recorded('x').script);
    expect(await repo.listTestCases('nobody')).toEqual([]);
  });

  it('refuses a test case for a flow that is gone, and an empty or too long name', async () => {
    const { repo, db } = setup();
    const flow = await repo.create('A');
    await expect(repo.saveTestCase('gone', recorded('x'))).rejects.toBeInstanceOf(
      FlowNotFoundError,
    );
    await expect(repo.saveTestCase(flow.id, recorded('   '))).rejects.toThrow(/1 to 120/);
    await expect(repo.saveTestCase(flow.id, recorded('x'.repeat(121)))).rejects.toThrow(RangeError);
    expect(await db.testCases.count()).toBe(0);
  });

  it('renames and deletes one test case, leaving the others', async () => {
    const { repo } = setup();
    const flow = await repo.create('A');
    const one = await repo.saveTestCase(flow.id, recorded('one'));
    const two = await repo.saveTestCase(flow.id, recorded('two'));

    expect(await repo.renameTestCase(one.id, ' uno ')).toBe(true);
    await repo.deleteTestCase(two.id);
    await repo.deleteTestCase(two.id); // gone already: not an error

    expect((await repo.listTestCases(flow.id)).map((c) => c.name)).toEqual(['uno']);
    expect(await repo.renameTestCase(two.id, 'dos')).toBe(false);
    await expect(repo.renameTestCase(one.id, '')).rejects.toThrow(RangeError);
  });

  it('deletes a flow’s test cases with the flow, and only those', async () => {
    const { repo, db } = setup();
    const a = await repo.create('A');
    const b = await repo.create('B');
    await repo.saveTestCase(a.id, recorded('a1'));
    await repo.saveTestCase(a.id, recorded('a2'));
    await repo.saveTestCase(b.id, recorded('b1'));

    await repo.remove(a.id);

    expect(await repo.listTestCases(a.id)).toEqual([]);
    expect((await db.testCases.toArray()).map((c) => c.name)).toEqual(['b1']);
  });

  it('keeps the flows of a database written before test cases existed', async () => {
    const name = 'callbot-designer-upgrade';
    const indexedDB = new IDBFactory();
    const v1 = new Dexie(name, { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      flows: 'id, updatedAt',
      versions: '++id, flowId, [flowId+createdAt]',
      meta: 'key',
    });
    await v1.table('flows').put({ id: 'old', name: 'Old', revision: 3, updatedAt: 1 });
    v1.close();

    const db = new DesignerDb({ name, indexedDB, IDBKeyRange });
    opened.push(db);
    expect(await db.flows.get('old')).toMatchObject({ name: 'Old', revision: 3 });
    expect(await db.testCases.count()).toBe(0);
  });
});

describe('test case names', () => {
  it('are unique in a flow (ignoring case and accents), not across flows', async () => {
    const { repo } = setup();
    const a = await repo.create('A');
    const b = await repo.create('B');
    await repo.saveTestCase(a.id, recorded('Horário'));
    await repo.saveTestCase(b.id, recorded('Horário'));
    const refused = await repo.saveTestCase(a.id, recorded(' horario ')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DuplicateTestCaseNameError);
    expect(refused).toMatchObject({ testCaseName: 'horario', suggestion: 'horario (2)' });
    expect((await repo.listTestCases(a.id)).map((c) => c.name)).toEqual(['Horário']);
    const taken = await repo.saveTestCase(a.id, recorded('Horário'), { uniqueName: true });
    expect(taken.name).toBe('Horário (2)');
  });

  it('cannot be renamed to another test case’s name, but can keep their own', async () => {
    const { repo } = setup();
    const a = await repo.create('A');
    const first = await repo.saveTestCase(a.id, recorded('Vendas'));
    const second = await repo.saveTestCase(a.id, recorded('Suporte'));
    await expect(repo.renameTestCase(second.id, 'VENDAS')).rejects.toBeInstanceOf(
      DuplicateTestCaseNameError,
    );
    expect(await repo.renameTestCase(first.id, 'vendas')).toBe(true);
    expect((await repo.listTestCases(a.id)).map((c) => c.name)).toEqual(['vendas', 'Suporte']);
  });

  it('count on from a numbered name, and stay within the length limit', () => {
    expect(uniqueName('Vendas (2)', ['Vendas', 'Vendas (2)'], 120)).toBe('Vendas (3)');
    expect(uniqueName('Novo', [], 120)).toBe('Novo');
    const long = 'x'.repeat(120);
    expect(uniqueName(long, [long], 120)).toBe(`${'x'.repeat(116)} (2)`);
  });
});

describe('re-recording a test case', () => {
  it('writes the new transcript and gives back the old one, to undo', async () => {
    const { repo } = setup();
    const a = await repo.create('A');
    const saved = await repo.saveTestCase(a.id, recorded('Vendas'));
    const next = { transcript: [{ t: 5, kind: 'end' }], flowRevision: 4 };
    const before = await repo.rerecordTestCase(saved.id, next);
    expect(before).toEqual({ transcript: saved.transcript, flowRevision: 1 });
    expect((await repo.listTestCases(a.id))[0]).toMatchObject(next);
    await repo.rerecordTestCase(saved.id, before!);
    expect((await repo.listTestCases(a.id))[0]).toMatchObject({
      transcript: saved.transcript,
      flowRevision: 1,
    });
    await repo.deleteTestCase(saved.id);
    expect(await repo.rerecordTestCase(saved.id, next)).toBeNull();
  });
});
