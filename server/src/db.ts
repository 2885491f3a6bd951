/**
 * The two databases the server runs on, behind one small interface: PGlite
 * (PostgreSQL in WebAssembly, embedded, in a local folder or in memory) and a
 * real PostgreSQL, both through node-postgres, with prepared statements. The
 * store sends both the same SQL.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import pg from 'pg';

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
  const lite = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await lite.waitReady;
  // Through node-postgres, whose named statements PGlite parses and plans once (its own
  // `query` parses each time: twice the cost per webhook). PGlite is one connection: a pool
  // of one, never closed while idle, hands it to one transaction at a time.
  const pool = new pg.Pool({ ...createPgConfig(lite), max: 1, idleTimeoutMillis: 0 });
  return {
    ...poolDatabase(pool),
    async close() {
      await pool.end();
      await lite.close();
    },
    description: dataDir === undefined ? 'PGlite in memory' : `PGlite in ${dataDir}`,
  };
}

/** A statement with parameters is prepared once per connection, under a name made from its text. */
const statementName = (text: string) =>
  `callbot_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;

function poolDatabase(pool: pg.Pool): Omit<Database, 'close' | 'description'> {
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
    async transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await fn(client(connection));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}

/**
 * A PostgreSQL server at `url` (`postgres://user:pass@host:5432/db`), through a pool.
 *
 * @example
 * const db = openPostgres(process.env.DATABASE_URL);
 */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that breaks is dropped by the pool; without a listener it would crash the process.
  pool.on('error', () => {});
  return {
    ...poolDatabase(pool),
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
