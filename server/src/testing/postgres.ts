/**
 * A throwaway PostgreSQL cluster for tests that need a real server (several
 * instances, LISTEN/NOTIFY, faults): Debian's `postgresql` binaries (initdb
 * and pg_ctl, as the `postgres` user when run as root) in a temporary
 * folder on a free port, removed after. `{ skip }` says why when it cannot
 * be started at all.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The folder of Debian's PostgreSQL binaries (the newest), or PATH's. */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(root, versions[0], 'bin');
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return found.status === 0 ? path.dirname(found.stdout.trim()) : null;
}

export interface Cluster {
  url: string;
  /** Stops and removes it. */
  stop: () => void;
  /** Stops the server (as an outage does) and starts it again on the same port. */
  down?: () => void;
  up?: () => void;
  /** Stops every process of the server with SIGSTOP (a stall: nothing answers), and resumes them. */
  freeze?: () => void;
  thaw?: () => void;
}

/** The server's processes: the postmaster (first line of postmaster.pid) and its children. */
function clusterPids(data: string): number[] {
  let postmaster: number;
  try {
    postmaster = Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return [];
  }
  const children = spawnSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], {
    encoding: 'utf8',
  });
  return [postmaster, ...children.stdout.split('\n').filter(Boolean).map(Number)];
}

/** A throwaway cluster: its URL, and how to stop and remove it. */
export async function startCluster(): Promise<Cluster | { skip: string }> {
  const bin = postgresBin();
  if (!bin) return { skip: 'PostgreSQL is not installed (no initdb); apt-get install postgresql' };
  const dir = mkdtempSync(path.join(tmpdir(), 'callbot-pg-'));
  const data = path.join(dir, 'data');
  // initdb refuses to run as root: the cluster belongs to the postgres user then.
  const asRoot = process.getuid?.() === 0;
  const as = (command: string, args: string[]) =>
    asRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', command, ...args], { encoding: 'utf8' })
      : spawnSync(command, args, { encoding: 'utf8' });
  if (asRoot) {
    const user = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const group = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (user.status !== 0) return { skip: 'running as root and there is no postgres user' };
    chownSync(dir, Number(user.stdout), Number(group.stdout));
    chmodSync(dir, 0o700);
  }
  const port = await freePort();
  const init = as(path.join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `initdb failed: ${init.stderr || init.error?.message}` };
  }
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off`;
  const start = as(path.join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-o',
    options,
    '-l',
    path.join(dir, 'log'),
    '-w',
    'start',
  ]);
  if (start.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `pg_ctl start failed: ${start.stderr || start.stdout || start.error?.message}` };
  }
  const signal = (name: NodeJS.Signals) => {
    for (const pid of clusterPids(data)) {
      try {
        process.kill(pid, name);
      } catch {
        // Gone meanwhile.
      }
    }
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      signal('SIGCONT');
      as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
    down: () => void as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']),
    up: () =>
      void as(path.join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-o',
        options,
        '-l',
        path.join(dir, 'log'),
        '-w',
        'start',
      ]),
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
  };
}

/**
 * The PostgreSQL a test file runs on: `CALLBOT_TEST_DATABASE_URL` when set,
 * else a throwaway cluster. When neither can be had, `{ skip }` (said on
 * standard error), or a failure with `CALLBOT_REQUIRE_POSTGRES=1` (CI).
 */
export async function testCluster(file: string): Promise<Cluster | { skip: string }> {
  const cluster = process.env.CALLBOT_TEST_DATABASE_URL
    ? { url: process.env.CALLBOT_TEST_DATABASE_URL, stop: () => {} }
    : await startCluster();
  if ('skip' in cluster) {
    if (process.env.CALLBOT_REQUIRE_POSTGRES === '1') {
      throw new Error(
        `PostgreSQL is required (CALLBOT_REQUIRE_POSTGRES=1) but cannot start: ${cluster.skip}`,
      );
    }
    process.stderr.write(`${file} skipped: PostgreSQL cannot be started here: ${cluster.skip}\n`);
  }
  return cluster;
}

/** A database of its own on the cluster (dropped by the returned function), or the cluster's. */
export async function databaseOf(
  cluster: Cluster,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch {
    return { url: cluster.url, drop: async () => {} };
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE ${name} WITH (FORCE)`) };
}
