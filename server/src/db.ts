/**
 * The two databases the server runs on, behind one small interface: PGlite
 * (PostgreSQL in WebAssembly, embedded, in a local folder or in memory) and a
 * real PostgreSQL, both through node-postgres, with prepared statements. The
 * store sends both the same SQL.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';
import { lockFolder } from './lock.ts';

export type Row = Record<string, unknown>;

/** What the store needs of a database connection. */
export interface SqlClient {
  /** One statement with `$1`-style parameters; the rows it returns and how many it changed. */
  query<T extends Row = Row>(
    text: string,
    params?: unknown[],
  ): Promise<{ rows: T[]; count: number }>;
}

export interface Database extends SqlClient {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Which database this is, for the start-up line. */
  readonly description: string;
}

/**
 * PGlite, kept in `dataDir`, or in memory when `dataDir` is undefined (tests).
 *
 * @example
 * const db = await openPglite('runtime/.data');
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  let release = () => {};
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    // One process per folder (see lock.ts); refused before PGlite touches anything.
    release = lockFolder(dataDir);
  }
  const lite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  try {
    await lite.waitReady;
  } catch (error) {
    release();
    throw error;
  }
  // Through node-postgres, whose named statements PGlite parses and plans once (its own
  // `query` parses each time: twice the cost per webhook). PGlite is one connection: a pool
  // of one, never closed while idle, hands it to one transaction at a time.
  // A request waits for it at most `connectionTimeoutMillis` (then it is held, not left hanging).
  const pool = new pg.Pool({
    ...createPgConfig(lite),
    max: 1,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: DEFAULT_BOUNDS.connectMs,
  });
  return {
    ...poolDatabase(pool, false),
    async close() {
      await pool.end();
      await lite.close();
      release();
    },
    description: dataDir === undefined ? 'PGlite in memory' : `PGlite in ${dataDir}`,
  };
}

/** A statement with parameters is prepared once per connection, under a name made from its text. */
const statementName = (text: string) =>
  `callbot_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

/**
 * How long any database wait may last, well under the provider's 15 s
 * webhook timeout: getting a connection (from the pool or a new one), and
 * one statement (by the server, `statement_timeout`, and by the client, for
 * a server that does not answer at all).
 */
export interface DatabaseBounds {
  connectMs: number;
  statementMs: number;
}

export const DEFAULT_BOUNDS: DatabaseBounds = { connectMs: 3000, statementMs: 4000 };

/**
 * Whether an error says the database cannot answer now (down, unreachable,
 * stalled, out of connections), rather than that a statement is wrong.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (/^(08|53|57)/.test(code)) return true; // connection, resources, cancelled (statement_timeout)
  if (/^E(CONNREFUSED|CONNRESET|PIPE|TIMEDOUT|HOSTUNREACH|NOTFOUND)$/.test(code)) return true;
  const message = typeof e?.message === 'string' ? e.message : '';
  return /timeout|terminated|Connection ended|not queryable|ECONNREFUSED/i.test(message);
}

function poolDatabase(pool: pg.Pool, dropBroken: boolean): Omit<Database, 'close' | 'description'> {
  const client = (q: pg.Pool | pg.PoolClient): SqlClient => ({
    async query<T extends Row>(text: string, params: unknown[] = []) {
      const result = await q.query<T>(
        params.length > 0 ? { name: statementName(text), text, values: params } : text,
      );
      return { rows: result.rows, count: result.rowCount ?? 0 };
    },
  });
  return {
    ...client(pool),
    async transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> {
      const connection = await pool.connect();
      let result: T;
      try {
        await connection.query('BEGIN');
        result = await fn(client(connection));
        await connection.query('COMMIT');
      } catch (error) {
        // A connection that timed out or broke is dropped, not handed to the next request.
        if (dropBroken && isDatabaseUnavailable(error)) {
          connection.release(error as Error);
          throw error;
        }
        await connection.query('ROLLBACK').catch(() => {});
        connection.release();
        throw error;
      }
      connection.release();
      return result;
    },
  };
}

/**
 * A PostgreSQL server at `url` (`postgres://user:pass@host:5432/db`), through a pool.
 *
 * @example
 * const db = openPostgres(process.env.DATABASE_URL);
 */
export function openPostgres(
  url: string,
  { poolSize = 10, bounds = DEFAULT_BOUNDS }: { poolSize?: number; bounds?: DatabaseBounds } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Also bounds the wait for a free connection of the pool.
    connectionTimeoutMillis: bounds.connectMs,
    statement_timeout: bounds.statementMs,
    // A server that stopped answering (stalled, or its host gone) does not cancel anything.
    query_timeout: bounds.statementMs + 1000,
    idle_in_transaction_session_timeout: bounds.statementMs * 2,
    keepAlive: true,
  });
  // An idle connection that breaks is dropped by the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  return {
    ...poolDatabase(pool, true),
    close: () => pool.end(),
    description: `PostgreSQL at ${redact(url)}`,
  };
}

/** The URL without its password, to print. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
