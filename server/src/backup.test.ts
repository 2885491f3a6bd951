/**
 * A backup taken of a PGlite database with data restores into a fresh
 * PGlite, and into PostgreSQL (see `testing/postgres.ts` for where that
 * comes from; skipped, saying why, when none can be had), with every row as
 * it was; bad backups are refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocument } from '@callbot/shared';
import { examples } from '@callbot/runtime';
import { createAccountStore } from './accounts.ts';
import { BackupError, dumpDatabase, restoreDatabase } from './backup.ts';
import { openPglite, openPostgres, type Database } from './db.ts';
import { createStore } from './store.ts';
import { databaseOf, testCluster } from './testing/postgres.ts';
import { seedWorkspace } from './workspace/seed.ts';
import { createWorkspaceStore } from './workspace/store.ts';

const at = Date.parse('2026-12-07T12:00:00Z');
const cluster = await testCluster('backup.test.ts');
let source: Database;
let backup = '';
let workspaceId = '';

/** A backup's data lines: what two databases with the same rows share. */
const dataOf = (text: string) => text.split('\n').filter((line) => line.startsWith('INSERT'));

beforeAll(async () => {
  source = await openPglite();
  await createStore(source);
  const accounts = createAccountStore(source);
  const made = await accounts.setup({
    email: 'otto@example.com',
    name: 'Otto',
    passwordHash: 'hash',
    workspaceName: 'Loja “Aspas” d’Oeste',
    at,
  });
  workspaceId = made!.workspaceId;
  const store = createWorkspaceStore(source, () => at);
  const otto = { id: made!.userId, name: 'Otto' };
  await seedWorkspace(store, workspaceId, otto);
  await store.createVersion(
    workspaceId,
    'reception-example',
    { note: "it's v1", auto: false },
    otto,
  );
  await store.createVersion(
    workspaceId,
    'reception-example',
    { note: 'v2\nline', auto: true },
    otto,
  );
  backup = await dumpDatabase(source, new Date(at));
}, 60_000);

afterAll(async () => {
  await source.close();
});

describe('a backup', () => {
  it('restores into a fresh PGlite with every row as it was, and its counters move on', async () => {
    const target = await openPglite();
    try {
      await restoreDatabase(target, backup);
      expect(dataOf(await dumpDatabase(target, new Date(at)))).toEqual(dataOf(backup));
      expect(dataOf(backup).length).toBeGreaterThan(5);
      const store = createWorkspaceStore(target, () => at);
      const flow = await store.getFlow(workspaceId, 'reception-example');
      expect((flow?.doc as FlowDocument).nodes).toEqual(examples.reception.nodes);
      const versions = await store.listVersions(workspaceId, 'reception-example');
      expect(versions?.map((v) => v.note)).toEqual(['v2\nline', "it's v1"]);
      // A version made after the restore gets the next number, not one the backup used.
      const { version } = await store.createVersion(
        workspaceId,
        'reception-example',
        { note: 'after', auto: false },
        { id: 'u', name: 'U' },
      );
      expect(version.id).toBeGreaterThan(Math.max(...versions!.map((v) => v.id)));
    } finally {
      await target.close();
    }
  }, 120_000);

  it('replaces what the database held, and refuses a cut or foreign file writing nothing', async () => {
    const target = await openPglite();
    try {
      await createStore(target);
      await createAccountStore(target).setup({
        email: 'other@example.com',
        name: 'Other',
        passwordHash: 'hash',
        workspaceName: 'Other',
        at,
      });
      const before = await dumpDatabase(target, new Date(at));
      const cut = backup.slice(0, backup.lastIndexOf('COMMIT;'));
      await expect(restoreDatabase(target, cut)).rejects.toThrow(/cut short/);
      await expect(restoreDatabase(target, 'SELECT 1;')).rejects.toBeInstanceOf(BackupError);
      const older = backup.replace(/at schema version \d+\./, 'at schema version 1.');
      await expect(restoreDatabase(target, older)).rejects.toThrow(/schema version 1/);
      expect(dataOf(await dumpDatabase(target, new Date(at)))).toEqual(dataOf(before));

      await restoreDatabase(target, backup);
      const { rows } = await target.query<{ email: string }>('SELECT email FROM users');
      expect(rows.map((r) => r.email)).toEqual(['otto@example.com']);
    } finally {
      await target.close();
    }
  }, 120_000);

  it.skipIf('skip' in cluster)(
    'restores into PostgreSQL with every row as it was',
    async () => {
      if ('skip' in cluster) return;
      const own = await databaseOf(cluster, `callbot_backup_${Date.now().toString(36)}`);
      const target = openPostgres(own.url);
      try {
        await restoreDatabase(target, backup);
        expect(dataOf(await dumpDatabase(target, new Date(at)))).toEqual(dataOf(backup));
      } finally {
        await target.close();
        await own.drop();
        cluster.stop();
      }
    },
    120_000,
  );
});
