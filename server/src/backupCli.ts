/**
 * `npm run backup --workspace @callbot/server -- <file>` and
 * `npm run restore --workspace @callbot/server -- <file>`: a backup of the
 * server's database (PGlite in CALLBOT_DATA_DIR, or DATABASE_URL's
 * PostgreSQL), as one plain SQL file (`backup.ts`), and its restore. PGlite's
 * folder is one process's: stop the server first (it says so otherwise).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { BackupError, dumpDatabase, restoreDatabase } from './backup.ts';
import { readConfig } from './config.ts';
import { openPglite, openPostgres, type Database } from './db.ts';
import { FolderLockedError } from './lock.ts';
import { migrate } from './schema.ts';

const say = (line: string) => process.stderr.write(`${line}\n`);
const [command, file] = process.argv.slice(2);
if ((command !== 'backup' && command !== 'restore') || !file) {
  say('Usage: npm run backup -- <file.sql>   |   npm run restore -- <file.sql>');
  process.exit(2);
}
const read = readConfig(process.env, {
  dataDir: fileURLToPath(new URL('../.data', import.meta.url)),
});
if (!read.ok) {
  say(read.errors.join('\n'));
  process.exit(2);
}
const { config } = read;

let db: Database;
try {
  db = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
} catch (error) {
  say(
    error instanceof FolderLockedError
      ? `${error.message} Stop the server, then run this again.`
      : `The database did not open: ${(error as Error).message}`,
  );
  process.exit(1);
}

try {
  if (command === 'backup') {
    await migrate(db);
    const text = await dumpDatabase(db, new Date());
    // Written beside the file, then renamed: a backup is whole or not there.
    writeFileSync(`${file}.partial`, text, { mode: 0o600 });
    renameSync(`${file}.partial`, file);
    say(`Backed up ${db.description} to ${file} (${text.length} bytes).`);
  } else {
    if (!existsSync(file)) throw new BackupError(`${file}: no such file.`);
    const { statements } = await restoreDatabase(db, readFileSync(file, 'utf8'));
    say(`Restored ${file} into ${db.description} (${statements} statements, one transaction).`);
  }
} catch (error) {
  say(error instanceof BackupError ? error.message : `Failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
