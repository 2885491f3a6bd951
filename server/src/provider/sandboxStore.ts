/**
 * The sandbox provider's own account, kept in the database so a restart
 * resumes it: the number orders it took (and whether each was released, and
 * whether its last event was delivered) and the counter its ids come from,
 * per workspace. A real provider keeps these on its side; the sandbox plays
 * that side in-process, so without them a restart would leave an order
 * "requested" for ever and reuse ids whose events were already applied.
 */
import type { SandboxOrder } from '@callbot/shared';
import type { Database } from '../db.ts';

/** The SQL of the sandbox's tables (a migration of `schema.ts`). */
export const SANDBOX_MIGRATION = `
  CREATE TABLE ws_sandbox_accounts (
    workspace_id text PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
    counter integer NOT NULL
  );
  CREATE TABLE ws_sandbox_orders (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    order_id text NOT NULL,
    number text NOT NULL,
    country text NOT NULL,
    created_at bigint NOT NULL,
    released boolean NOT NULL DEFAULT false,
    settled boolean NOT NULL DEFAULT false,
    PRIMARY KEY (workspace_id, order_id)
  );
`;

/** One workspace's sandbox account as stored. */
export interface StoredSandbox {
  ws: string;
  counter: number;
  orders: (SandboxOrder & { released: boolean; settled: boolean })[];
}

/** Where the sandbox keeps its account (`createSandboxProvider`'s `store`). */
export interface SandboxStore {
  /** Every workspace's account, to resume with. */
  load(): Promise<StoredSandbox[]>;
  /** The workspace's id counter, once it moved (it never goes back). */
  saveCounter(ws: string, counter: number): Promise<void>;
  saveOrder(ws: string, order: SandboxOrder): Promise<void>;
  releaseOrder(ws: string, orderId: string): Promise<void>;
  /** The order's last event was delivered: nothing is left to resume for it. */
  settleOrder(ws: string, orderId: string): Promise<void>;
}

export function sandboxStore(db: Database): SandboxStore {
  return {
    async load() {
      const accounts = await db.query<{ workspace_id: string; counter: number }>(
        'SELECT workspace_id, counter FROM ws_sandbox_accounts',
      );
      const orders = await db.query<{
        workspace_id: string;
        order_id: string;
        number: string;
        country: string;
        created_at: string | number;
        released: boolean;
        settled: boolean;
      }>('SELECT * FROM ws_sandbox_orders ORDER BY workspace_id, created_at, order_id');
      const byWs = new Map<string, StoredSandbox>();
      for (const row of accounts.rows) {
        byWs.set(row.workspace_id, { ws: row.workspace_id, counter: row.counter, orders: [] });
      }
      for (const row of orders.rows) {
        let account = byWs.get(row.workspace_id);
        if (!account) {
          account = { ws: row.workspace_id, counter: 0, orders: [] };
          byWs.set(row.workspace_id, account);
        }
        account.orders.push({
          orderId: row.order_id,
          number: row.number,
          country: row.country,
          createdAt: Number(row.created_at),
          released: row.released,
          settled: row.settled,
        });
      }
      return [...byWs.values()];
    },

    async saveCounter(ws, counter) {
      await db.query(
        `INSERT INTO ws_sandbox_accounts (workspace_id, counter) VALUES ($1, $2)
         ON CONFLICT (workspace_id) DO UPDATE SET counter = GREATEST(ws_sandbox_accounts.counter, EXCLUDED.counter)`,
        [ws, counter],
      );
    },

    async saveOrder(ws, order) {
      await db.query(
        `INSERT INTO ws_sandbox_orders (workspace_id, order_id, number, country, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace_id, order_id) DO NOTHING`,
        [ws, order.orderId, order.number, order.country, order.createdAt],
      );
    },

    async releaseOrder(ws, orderId) {
      await db.query(
        'UPDATE ws_sandbox_orders SET released = true WHERE workspace_id = $1 AND order_id = $2',
        [ws, orderId],
      );
    },

    async settleOrder(ws, orderId) {
      await db.query(
        'UPDATE ws_sandbox_orders SET settled = true WHERE workspace_id = $1 AND order_id = $2',
        [ws, orderId],
      );
    },
  };
}
