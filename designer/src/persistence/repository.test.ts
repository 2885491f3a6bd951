import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFlow, LIMITS, parseFlowJson, type FlowDocument } from '@callbot/shared';
import { examples } from '@callbot/runtime';
import { DesignerDb } from './db.ts';
import {
  FlowNotFoundError,
  InvalidFlowError,
  RevisionConflictError,
  StorageError,
} from './errors.ts';
import { createFlowRepository, exportFileName } from './repository.ts';
import { createTestDb, createTestRepository } from './testing.ts';

const opened: DesignerDb[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
});

function setup() {
  const made = createTestRepository();
  opened.push(made.db);
  return made;
}

/** Everything stored, to check that a refused call wrote nothing. */
async function dump(db: DesignerDb) {
  return {
    flows: await db.flows.toArray(),
    versions: await db.versions.toArray(),
    meta: await db.meta.toArray(),
  };
}

/** The flow document with one more message node. */
function withMessage(doc: FlowDocument, id: string, text: string): FlowDocument {
  return {
    ...doc,
    nodes: [...doc.nodes, { id, kind: 'message', data: { text }, connections: {} }],
    layout: { nodes: { ...doc.layout.nodes, [id]: { x: 200, y: 0 } } },
  };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('create, list, search', () => {
  it('creates a flow from createFlow at revision 1 and lists it', async () => {
    const { repo } = setup();
    const flow = await repo.create('  Suporte  ');
    expect(flow).toEqual({
      id: 'flow-1',
      name: 'Suporte',
      nodeCount: 2,
      revision: 1,
      createdAt: flow.createdAt,
      updatedAt: flow.createdAt,
      isExample: false,
      callbot: false,
    });
    expect(await repo.list()).toEqual([flow]);
    expect((await repo.open('flow-1')).doc).toEqual(createFlow('Suporte'));
  });

  it('names the new flow’s nodes with the labeller it is given', async () => {
    const { repo } = setup();
    const flow = await repo.create('Recepção', {
      labelNode: (nodes, kind) => `${kind} ${nodes.length + 1}`,
    });
    const { doc } = await repo.open(flow.id);
    expect(doc.nodes.map((n) => [n.id, n.label])).toEqual([
      ['greeting', 'greeting 1'],
      ['tchau', 'hangup 2'],
    ]);
  });

  it('writes the new flow’s prompts in the language it is created in', async () => {
    const { repo } = setup();
    const texts = async (language: 'es' | 'en' | 'pt-BR') => {
      const { doc } = await repo.open((await repo.create('Recepción', { language })).id);
      return [doc.settings.locale, ...doc.nodes.map((n) => ('text' in n.data ? n.data.text : ''))];
    };
    expect(await texts('es')).toEqual([
      'es',
      '¡Hola! Gracias por llamar.',
      'Gracias por su llamada. Hasta luego.',
    ]);
    expect(await texts('en')).toEqual([
      'en',
      'Hello! Thank you for calling.',
      'Thank you for calling. Goodbye.',
    ]);
    expect(await texts('pt-BR')).toEqual([
      'pt-BR',
      'Olá! Obrigado por ligar.',
      'Obrigado pela ligação. Até logo.',
    ]);
  });

  it('refuses an empty or too long name, writing nothing', async () => {
    const { repo, db } = setup();
    const error = await rejection(repo.create('   '));
    expect(error).toBeInstanceOf(InvalidFlowError);
    expect((error as InvalidFlowError).diagnostics[0]?.path).toBe('settings.name');
    await expect(repo.create('x'.repeat(121))).rejects.toBeInstanceOf(InvalidFlowError);
    expect(await db.flows.count()).toBe(0);
  });

  it('lists the most recently changed first', async () => {
    const { repo } = setup();
    const a = await repo.create('A');
    await repo.create('B');
    await repo.create('C');
    expect((await repo.list()).map((f) => f.name)).toEqual(['C', 'B', 'A']);
    await repo.save(a.id, (await repo.open(a.id)).doc, 1);
    expect((await repo.list()).map((f) => f.name)).toEqual(['A', 'C', 'B']);
  });

  it('searches names ignoring case and accents', async () => {
    const { repo } = setup();
    await repo.create('Recepção Loja');
    await repo.create('Cobrança');
    await repo.create('SUPORTE técnico');
    const names = async (text: string) => (await repo.search(text)).map((f) => f.name);
    expect(await names('recepcao')).toEqual(['Recepção Loja']);
    expect(await names('COBRANÇA')).toEqual(['Cobrança']);
    expect(await names('tecnico')).toEqual(['SUPORTE técnico']);
    expect(await names('o')).toHaveLength(3);
    expect(await names('  ')).toHaveLength(3);
    expect(await names('nada')).toEqual([]);
  });
});

describe('open', () => {
  it('says when the flow does not exist', async () => {
    const { repo } = setup();
    const error = await rejection(repo.open('nope'));
    expect(error).toBeInstanceOf(FlowNotFoundError);
    expect((error as FlowNotFoundError).flowId).toBe('nope');
  });

  it('reads a broken record as a clear error, not a crash', async () => {
    const { repo, db } = setup();
    const { id } = await repo.create('Quebrado');
    await db.flows.update(id, { doc: { schemaVersion: 1, settings: {}, nodes: 'x' } as never });
    const error = await rejection(repo.open(id));
    expect(error).toBeInstanceOf(InvalidFlowError);
    expect((error as InvalidFlowError).message).toMatch(/^The flow "Quebrado" is stored in a form/);
    expect((error as InvalidFlowError).diagnostics.map((d) => d.path)).toContain('nodes');
    // The library still lists it, so the user can delete it.
    expect((await repo.list())[0]).toMatchObject({ id, nodeCount: 0 });
  });

  it('refuses a record written by a newer designer', async () => {
    const { repo, db } = setup();
    const { id } = await repo.create('Futuro');
    const doc = (await repo.open(id)).doc;
    await db.flows.update(id, { doc: { ...doc, schemaVersion: 99 } as never });
    const error = (await rejection(repo.open(id))) as InvalidFlowError;
    expect(error.diagnostics[0]?.code).toBe('document.futureVersion');
  });

  it('returns fresh objects parsed through the schema', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Fresh');
    const first = await repo.open(id);
    first.doc.nodes.length = 0;
    expect((await repo.open(id)).doc.nodes).toHaveLength(2);
  });
});

describe('save and the revision check', () => {
  it('writes the document and returns the next revision', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Flow');
    const { doc, revision } = await repo.open(id);
    const changed = withMessage(doc, 'aviso', 'Aviso');
    expect(await repo.save(id, changed, revision)).toBe(2);
    expect(await repo.open(id)).toEqual({ id, doc: changed, revision: 2 });
    expect(
      await repo.save(id, { ...changed, settings: { ...changed.settings, name: 'Novo' } }, 2),
    ).toBe(3);
    expect((await repo.list())[0]).toMatchObject({ name: 'Novo', nodeCount: 3, revision: 3 });
  });

  it('refuses to overwrite a save made by another tab, writing nothing', async () => {
    const { repo, db } = setup();
    const { id } = await repo.create('Flow');
    // Two tabs open the same flow at revision 1.
    const otherTab = createFlowRepository({ db, now: () => 0, newId: () => 'x' });
    const mine = await repo.open(id);
    const theirs = await otherTab.open(id);
    expect(
      await otherTab.save(id, withMessage(theirs.doc, 'deles', 'Deles'), theirs.revision),
    ).toBe(2);
    const before = await dump(db);

    const error = await rejection(
      repo.save(id, withMessage(mine.doc, 'meu', 'Meu'), mine.revision),
    );
    expect(error).toBeInstanceOf(RevisionConflictError);
    expect(error).toMatchObject({ flowId: id, expectedRevision: 1, actualRevision: 2 });
    expect((error as Error).message).toMatch(/changed in another tab/);
    expect(await dump(db)).toEqual(before);
  });

  it('says when the flow was deleted meanwhile', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Flow');
    const { doc } = await repo.open(id);
    await repo.remove(id);
    await expect(repo.save(id, doc, 1)).rejects.toBeInstanceOf(FlowNotFoundError);
    expect(await repo.list()).toEqual([]);
  });
});

describe('rename, duplicate, remove', () => {
  it('renames the flow and its document, bumping the revision', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Antigo');
    expect(await repo.rename(id, ' Novo nome ')).toBe(2);
    const opened = await repo.open(id);
    expect(opened.doc.settings.name).toBe('Novo nome');
    expect((await repo.list())[0]).toMatchObject({ name: 'Novo nome', revision: 2 });
    // An editor still at revision 1 cannot silently undo the rename.
    await expect(repo.save(id, createFlow('Antigo'), 1)).rejects.toBeInstanceOf(
      RevisionConflictError,
    );
  });

  it('refuses an empty name and an unknown flow', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Nome');
    await expect(repo.rename(id, '')).rejects.toBeInstanceOf(InvalidFlowError);
    await expect(repo.rename('nope', 'X')).rejects.toBeInstanceOf(FlowNotFoundError);
    expect((await repo.open(id)).revision).toBe(1);
  });

  it('duplicates under a new id and a "(copy)" name, without the versions', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Original');
    const doc = withMessage((await repo.open(id)).doc, 'extra', 'Extra');
    await repo.save(id, doc, 1);
    await repo.saveVersion(id, 'v1');

    const copy = await repo.duplicate(id);
    expect(copy).toMatchObject({ name: 'Original (copy)', revision: 1, nodeCount: 3 });
    const second = await repo.duplicate(id);
    expect(second.name).toBe('Original (copy) (2)');
    await repo.remove(second.id);
    expect(copy.id).not.toBe(id);
    expect((await repo.open(copy.id)).doc).toEqual({
      ...doc,
      settings: { ...doc.settings, name: 'Original (copy)' },
    });
    expect(await repo.listVersions(copy.id)).toEqual([]);
    expect(await repo.listVersions(id)).toHaveLength(1);
  });

  it('keeps a copy of a long name within the name limit', async () => {
    const { repo } = setup();
    const { id } = await repo.create('n'.repeat(120));
    const copy = await repo.duplicate(id);
    expect(copy.name).toHaveLength(120);
    expect(copy.name.endsWith(' (copy)')).toBe(true);
    expect((await repo.open(copy.id)).doc.settings.name).toBe(copy.name);
  });

  it('removes a flow with its versions, and nothing else', async () => {
    const { repo, db } = setup();
    const a = await repo.create('A');
    const b = await repo.create('B');
    await repo.saveVersion(a.id, 'a1');
    await repo.saveVersion(b.id, 'b1');
    await repo.remove(a.id);
    expect((await repo.list()).map((f) => f.id)).toEqual([b.id]);
    expect((await db.versions.toArray()).map((v) => v.flowId)).toEqual([b.id]);
    await expect(repo.remove(a.id)).resolves.toBeUndefined();
  });

  it('R9: frees the lines of a deleted callbot, which the default callbot then answers', async () => {
    const { repo, db } = setup();
    const a = await repo.create('A');
    await db.lines.bulkPut([
      { id: 'l1', kind: 'sip', callbotId: a.id },
      { id: 'l2', kind: 'sip', callbotId: 'other' },
    ]);
    await repo.remove(a.id);
    expect(await db.lines.toArray()).toEqual([
      { id: 'l1', kind: 'sip' },
      { id: 'l2', kind: 'sip', callbotId: 'other' },
    ]);
  });
});

describe('versions', () => {
  it('saves versions with a note and lists them newest first', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Flow');
    const v1 = await repo.saveVersion(id, '  Primeira  ');
    await repo.save(id, withMessage((await repo.open(id)).doc, 'm', 'M'), 1);
    const v2 = await repo.saveVersion(id, 'Segunda', { auto: false });
    expect(v1).toMatchObject({
      flowId: id,
      revision: 1,
      note: 'Primeira',
      auto: false,
      nodeCount: 2,
    });
    expect(v2).toMatchObject({ revision: 2, note: 'Segunda', nodeCount: 3 });
    expect(await repo.listVersions(id)).toEqual([v2, v1]);
    expect(await repo.listVersions('other')).toEqual([]);
  });

  it('skips an automatic snapshot when nothing changed since the last version', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Flow');
    const first = await repo.saveVersion(id, 'auto', { auto: true });
    expect(await repo.saveVersion(id, 'auto', { auto: true })).toEqual(first);
    await repo.save(id, (await repo.open(id)).doc, 1);
    const second = await repo.saveVersion(id, 'auto', { auto: true });
    expect(second.id).not.toBe(first.id);
    // A version by hand is always kept.
    expect((await repo.saveVersion(id, 'by hand')).revision).toBe(2);
    expect(await repo.listVersions(id)).toHaveLength(3);
  });

  it('keeps only the newest automatic snapshots, and every version saved by hand', async () => {
    const db = createTestDb();
    opened.push(db);
    let t = 0;
    const repo = createFlowRepository({ db, now: () => ++t, newId: () => 'f', maxAutoVersions: 2 });
    await repo.create('Flow');
    await repo.saveVersion('f', 'hand');
    for (let revision = 1; revision <= 4; revision++) {
      await repo.save('f', (await repo.open('f')).doc, revision);
      await repo.saveVersion('f', `auto ${revision + 1}`, { auto: true });
    }
    expect((await repo.listVersions('f')).map((v) => v.note)).toEqual(['auto 5', 'auto 4', 'hand']);
  });

  it('opens a version with its document', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Flow');
    const version = await repo.saveVersion(id, 'v');
    const doc = (await repo.open(id)).doc;
    expect(await repo.openVersion(id, version.id)).toEqual({ ...version, doc });
    await expect(repo.openVersion('other', version.id)).rejects.toBeInstanceOf(FlowNotFoundError);
    await expect(repo.openVersion(id, 999)).rejects.toBeInstanceOf(FlowNotFoundError);
  });

  it('restores a version as the current document, keeping the replaced one', async () => {
    const { repo } = setup();
    const { id } = await repo.create('Flow');
    const v1 = await repo.saveVersion(id, 'Inicial');
    const original = (await repo.open(id)).doc;
    const edited = withMessage(original, 'm', 'M');
    await repo.save(id, edited, 1);

    const restored = await repo.restoreVersion(id, v1.id, 2);
    expect(restored).toEqual({ id, doc: original, revision: 3 });
    expect(await repo.open(id)).toEqual({ id, doc: original, revision: 3 });
    const versions = await repo.listVersions(id);
    expect(versions[0]).toMatchObject({
      note: 'Before restoring "Inicial"',
      auto: true,
      revision: 2,
    });
    expect((await repo.openVersion(id, versions[0]!.id)).doc).toEqual(edited);
  });

  it('refuses to restore over a newer revision, writing nothing', async () => {
    const { repo, db } = setup();
    const { id } = await repo.create('Flow');
    const v1 = await repo.saveVersion(id, 'v1');
    await repo.save(id, (await repo.open(id)).doc, 1);
    const before = await dump(db);
    await expect(repo.restoreVersion(id, v1.id, 1)).rejects.toBeInstanceOf(RevisionConflictError);
    await expect(repo.restoreVersion(id, 999, 2)).rejects.toBeInstanceOf(FlowNotFoundError);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses to restore a broken version, writing nothing', async () => {
    const { repo, db } = setup();
    const { id } = await repo.create('Flow');
    const v1 = await repo.saveVersion(id, 'v1');
    await db.versions.update(v1.id, { doc: { nope: true } as never });
    const before = await dump(db);
    await expect(repo.restoreVersion(id, v1.id, 1)).rejects.toBeInstanceOf(InvalidFlowError);
    expect(await dump(db)).toEqual(before);
  });
});

describe('import and export', () => {
  const receptionText = `${JSON.stringify(examples.reception, null, 2)}\n`;

  it('imports a valid file as a new flow', async () => {
    const { repo } = setup();
    const result = await repo.importFlow(receptionText, 'reception.flow.json');
    expect(result).toMatchObject({
      ok: true,
      flow: { name: 'Recepção Loja Exemplo', revision: 1, isExample: false },
    });
    if (!result.ok) return;
    expect(result.flow.nodeCount).toBe(examples.reception.nodes.length);
    expect((await repo.open(result.flow.id)).doc).toEqual(examples.reception);
  });

  it('gives an imported flow whose name is taken the first free “(2)”, “(3)”…', async () => {
    const { repo } = setup();
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = await repo.importFlow(receptionText, 'reception.flow.json');
      if (!result.ok) throw new Error('import failed');
      names.push(result.flow.name);
      if (i > 0) expect(result.renamedFrom).toBe('Recepção Loja Exemplo');
      else expect(result).not.toHaveProperty('renamedFrom');
      expect((await repo.open(result.flow.id)).doc.settings.name).toBe(result.flow.name);
    }
    expect(names).toEqual([
      'Recepção Loja Exemplo',
      'Recepção Loja Exemplo (2)',
      'Recepção Loja Exemplo (3)',
    ]);
  });

  it('drops connections to nodes missing from the file, and lists them', async () => {
    const { repo } = setup();
    const doc = structuredClone(examples.reception);
    const greeting = doc.nodes.find((n) => n.kind === 'greeting')!;
    greeting.connections = { next: 'ghost' };
    greeting.label = 'Boas-vindas';
    const result = await repo.importFlow(JSON.stringify(doc), 'broken.flow.json');
    if (!result.ok) throw new Error('import failed');
    expect(result.dropped).toEqual([
      {
        nodeId: greeting.id,
        node: 'Boas-vindas',
        port: 'next',
        portLabel: 'next',
        target: 'ghost',
      },
    ]);
    const stored = (await repo.open(result.flow.id)).doc;
    expect(stored.nodes.find((n) => n.id === greeting.id)?.connections).toEqual({});
    expect(stored.nodes.filter((n) => n.id !== greeting.id)).toEqual(
      doc.nodes.filter((n) => n.id !== greeting.id),
    );
  });

  const refusals: [string, () => string, string][] = [
    ['invalid JSON', () => '{"schemaVersion": 1,', 'document.invalidJson'],
    [
      'a __proto__ key',
      () => receptionText.replace('"settings": {', '"settings": { "__proto__": { "admin": true },'),
      'document.forbiddenKey',
    ],
    [
      'a future schemaVersion',
      () => JSON.stringify({ ...examples.reception, schemaVersion: 2 }),
      'document.futureVersion',
    ],
    ['a file too large', () => ' '.repeat(LIMITS.maxBytes + 1), 'document.tooLarge'],
    [
      'a broken field',
      () => JSON.stringify({ ...examples.reception, nodes: [{ id: 'x', kind: 'teleport' }] }),
      'schema',
    ],
  ];

  it.each(refusals)('refuses %s with diagnostics, and changes nothing', async (_, text, code) => {
    const { repo, db } = setup();
    await repo.create('Existente');
    await repo.saveVersion('flow-1', 'v');
    const before = await dump(db);
    const result = await repo.importFlow(text(), 'bad.flow.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fileName).toBe('bad.flow.json');
    expect(result.diagnostics[0]?.code).toBe(code);
    expect(result.diagnostics[0]?.message).toBeTruthy();
    expect(await dump(db)).toEqual(before);
    expect(Object.prototype).not.toHaveProperty('admin');
  });

  it('exports pretty JSON that reads back as the same flow', async () => {
    const { repo } = setup();
    const imported = await repo.importFlow(receptionText, 'x.json');
    if (!imported.ok) throw new Error('import failed');
    const file = await repo.exportFlow(imported.flow.id);
    expect(file.fileName).toBe('recepcao-loja-exemplo.flow.json');
    expect(file.text).toBe(receptionText);
    const reread = parseFlowJson(file.text);
    expect(reread.ok && reread.doc).toEqual(examples.reception);
    // And imports again as a second flow.
    expect((await repo.importFlow(file.text, file.fileName)).ok).toBe(true);
    expect(await repo.list()).toHaveLength(2);
  });

  it('names export files safely', () => {
    expect(exportFileName('Recepção Loja Exemplo')).toBe('recepcao-loja-exemplo.flow.json');
    expect(exportFileName('../../etc/passwd')).toBe('etc-passwd.flow.json');
    expect(exportFileName('???')).toBe('flow.flow.json');
    expect(exportFileName('a'.repeat(100))).toBe(`${'a'.repeat(60)}.flow.json`);
  });

  it('refuses to export a broken record', async () => {
    const { repo, db } = setup();
    const { id } = await repo.create('Flow');
    await db.flows.update(id, { doc: null as never });
    await expect(repo.exportFlow(id)).rejects.toBeInstanceOf(InvalidFlowError);
    await expect(repo.exportFlow('nope')).rejects.toBeInstanceOf(FlowNotFoundError);
  });
});

describe('the example flow', () => {
  it('is seeded on the first visit only, even after it was deleted', async () => {
    const { repo } = setup();
    const seeded = await repo.ensureExample();
    expect(seeded).toMatchObject({ name: 'Recepção Loja Exemplo', isExample: true, revision: 1 });
    expect((await repo.open(seeded!.id)).doc).toEqual(examples.reception);
    expect(await repo.ensureExample()).toBeNull();
    expect(await repo.list()).toHaveLength(1);

    await repo.remove(seeded!.id);
    expect(await repo.ensureExample()).toBeNull();
    expect(await repo.list()).toEqual([]);
  });

  it('is seeded once when two tabs arrive together', async () => {
    const { repo, db } = setup();
    let n = 0;
    const otherTab = createFlowRepository({ db, now: () => 0, newId: () => `other-${++n}` });
    const results = await Promise.all([repo.ensureExample(), otherTab.ensureExample()]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await repo.list()).toHaveLength(1);
  });

  it('is not seeded for a user who already has flows from before, once seeded', async () => {
    const { repo } = setup();
    await repo.create('Mine');
    await repo.ensureExample();
    expect((await repo.list()).map((f) => f.isExample)).toEqual([true, false]);
  });
});

describe('storage errors', () => {
  it('turns a full disk into a quota error and keeps the stored flow', async () => {
    const { repo, db } = setup();
    const { id } = await repo.create('Flow');
    const { doc } = await repo.open(id);
    const spy = vi
      .spyOn(db.flows, 'put')
      .mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const error = await rejection(repo.save(id, withMessage(doc, 'm', 'M'), 1));
    spy.mockRestore();
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'quota' });
    expect((error as StorageError).message).toMatch(/no room left/);
    expect((error as StorageError).cause).toBeInstanceOf(Error);
    expect(await repo.open(id)).toEqual({ id, doc, revision: 1 });
  });

  it('turns a closed database into a "closed" error', async () => {
    const { repo, db } = setup();
    await repo.create('Flow');
    db.close();
    const error = await rejection(repo.list());
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ kind: 'closed' });
  });

  it('reports an upgrade blocked by another tab holding an older version open', async () => {
    const indexedDB = new IDBFactory();
    const older = new Dexie('shared-name', { indexedDB, IDBKeyRange });
    older.version(0.5).stores({ flows: 'id' });
    older.on('versionchange', () => false); // an old tab that does not let go
    await older.open();

    const db = new DesignerDb({ name: 'shared-name', indexedDB, IDBKeyRange });
    opened.push(db);
    const repo = createFlowRepository({ db, now: () => 0, newId: () => 'x' });
    const reported: StorageError[] = [];
    // Dexie also warns in the console; keep the test output clean.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    repo.onStorageError((error) => reported.push(error));
    const listing = repo.list();
    await vi.waitFor(() => expect(reported).toHaveLength(1));
    expect(reported[0]).toMatchObject({ kind: 'blocked' });
    expect(reported[0]?.message).toMatch(/Close or reload the other designer tabs/);

    // Once the old tab goes, the call completes.
    older.close();
    await expect(listing).resolves.toEqual([]);
    warn.mockRestore();
  });

  it('passes its own errors through, typed', async () => {
    const { repo } = setup();
    const error = await rejection(repo.open('missing'));
    expect(error).toBeInstanceOf(FlowNotFoundError);
    expect(error).not.toBeInstanceOf(StorageError);
  });
});
