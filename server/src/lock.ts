/**
 * One server per PGlite folder. PGlite is PostgreSQL in this process: two
 * processes on one folder would each see only their own writes and, after a
 * restart, lose one side's. Like PostgreSQL's `postmaster.pid`, the folder
 * holds a lock file naming the process that has it; a second process is
 * refused with a message naming that one, and a lock left by a process that
 * is gone (killed with SIGKILL, a crash) is taken over at once, so a restart
 * is never blocked.
 *
 * Written by hand rather than with a lock package: the file is created with
 * O_EXCL (atomic on a local file system), and a stale lock is told by asking
 * the kernel whether its process lives (`process.kill(pid, 0)`) and, on
 * Linux, whether it is still the same process (its start time), which a
 * restarted container's reused pid 1 would otherwise fool. Lock packages
 * that use a refreshed mtime instead make a restart after SIGKILL wait for
 * the lock to go stale.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'callbot-server.lock';

interface LockOwner {
  pid: number;
  /** The process's start time (clock ticks since boot, Linux), when known. */
  started: string | null;
  host: string;
}

/** A process's start time from /proc (field 22 of its stat line), or null where there is none. */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the lock's owner is a process that still runs here. */
function alive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true; // another host's process: cannot tell, so assume so
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists, owned by another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const started = startTime(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

export class FolderLockedError extends Error {}

/**
 * Takes the folder's lock for this process; throws `FolderLockedError`,
 * naming the owner, when another live process has it. Returns the release.
 *
 * @example
 * const release = lockFolder('server/.data');
 */
export function lockFolder(dir: string): () => void {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, started: startTime(process.pid), host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: LockOwner | null = null;
      try {
        owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
      } catch {
        // Empty or torn: its writer died between creating and writing it.
      }
      if (owner && typeof owner.pid === 'number' && alive(owner)) {
        throw new FolderLockedError(
          `The data folder ${dir} is in use by another callbot server (process ${owner.pid} on ${owner.host}): ` +
            'PGlite serves one process. Stop that one first, give this one another CALLBOT_DATA_DIR, ' +
            `or use PostgreSQL (DATABASE_URL) for several instances. If no such process runs, remove ${file}.`,
        );
      }
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    return () => {
      try {
        const owner = JSON.parse(readFileSync(file, 'utf8')) as LockOwner;
        if (owner.pid === me.pid && owner.started === me.started) rmSync(file, { force: true });
      } catch {
        // Already gone.
      }
    };
  }
  throw new FolderLockedError(`Could not take the lock ${file}: other processes keep taking it.`);
}
