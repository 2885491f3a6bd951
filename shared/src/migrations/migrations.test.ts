import { describe, expect, it } from 'vitest';
import reception from '../../../runtime/examples/reception.flow.json';
import { loadFlow } from '../document/load.ts';
import { CURRENT_SCHEMA_VERSION } from '../document/schema.ts';
import { migrate, migrations, type Migration } from './index.ts';

/**
 * Fixtures, one per migration: a document as the version `from` wrote it.
 * Appending a migration without its fixture fails the "every migration" test.
 */
const fixtures: Record<number, Record<string, unknown>> = {};

describe('the migration chain', () => {
  it('is contiguous from version 1 to the current version', () => {
    expect(migrations.map((m) => m.from)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
  });

  it('has a fixture for every migration, and each migrates to a valid current document', () => {
    for (const step of migrations) {
      const fixture = fixtures[step.from];
      expect(fixture, `fixture for the v${step.from} migration`).toBeDefined();
      const loaded = loadFlow(fixture);
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.ok && loaded.migratedFrom).toBe(step.from);
    }
  });

  it('loads a current (v1) document unchanged, without migrating', () => {
    const loaded = loadFlow(reception);
    expect(loaded.ok).toBe(true);
    expect(loaded.ok && loaded.migratedFrom).toBeUndefined();
    expect(loaded.doc).toEqual(reception);
  });
});

/** A v1 -> v2 step of the kind the next schema change will add: rename a settings field. */
const renameToV2: Migration = {
  from: 1,
  description: 'settings.noInputTimeoutMs becomes settings.silenceMs',
  up(doc) {
    const { noInputTimeoutMs, ...settings } = doc.settings as Record<string, unknown>;
    return { ...doc, settings: { ...settings, silenceMs: noInputTimeoutMs } };
  },
};
const addTagsToV3: Migration = {
  from: 2,
  description: 'documents get tags',
  up: (doc) => ({ ...doc, tags: [] }),
};

describe('migrate (the machinery, with a test chain up to v3)', () => {
  const v1 = { schemaVersion: 1, settings: { name: 'x', noInputTimeoutMs: 4000 }, nodes: [] };

  it('applies each step in order and stamps the new version', () => {
    const result = migrate(v1, [renameToV2, addTagsToV3], 3);
    expect(result).toEqual({
      ok: true,
      from: 1,
      doc: { schemaVersion: 3, settings: { name: 'x', silenceMs: 4000 }, nodes: [], tags: [] },
    });
  });

  it('starts from the document’s own version', () => {
    const v2 = { schemaVersion: 2, settings: { silenceMs: 1 } };
    const result = migrate(v2, [renameToV2, addTagsToV3], 3);
    expect(result.ok && result.doc).toEqual({
      schemaVersion: 3,
      settings: { silenceMs: 1 },
      tags: [],
    });
  });

  it('never changes its input', () => {
    const input = structuredClone(v1);
    migrate(input, [renameToV2, addTagsToV3], 3);
    expect(input).toEqual(v1);
  });

  it('refuses a document from a newer version, saying so', () => {
    const result = migrate({ schemaVersion: 4 }, [renameToV2, addTagsToV3], 3);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.diagnostics[0]).toMatchObject({
      code: 'document.futureVersion',
      path: 'schemaVersion',
      message: expect.stringContaining('newer version') as string,
    });
  });

  it('refuses a missing or malformed version', () => {
    for (const [raw, code] of [
      [{}, 'document.noVersion'],
      [{ schemaVersion: '1' }, 'document.badVersion'],
      [{ schemaVersion: 0 }, 'document.badVersion'],
      [{ schemaVersion: 1.5 }, 'document.badVersion'],
    ] as const) {
      const result = migrate(raw, [renameToV2], 2);
      expect(!result.ok && result.diagnostics[0]?.code).toBe(code);
    }
  });

  it('refuses a gap in the chain', () => {
    const result = migrate({ schemaVersion: 1 }, [addTagsToV3], 3);
    expect(!result.ok && result.diagnostics[0]?.code).toBe('document.noMigration');
  });

  it('reports a failing step as a diagnostic, not an exception', () => {
    const broken: Migration = {
      from: 1,
      description: 'throws',
      up: () => {
        throw new Error('settings missing');
      },
    };
    const result = migrate({ schemaVersion: 1 }, [broken], 2);
    expect(!result.ok && result.diagnostics[0]).toMatchObject({
      code: 'document.migrationFailed',
      message: expect.stringContaining('settings missing') as string,
    });
  });
});
