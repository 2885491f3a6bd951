/**
 * The sandbox provider's own account, kept in the database so a restart
 * resumes it: the number orders it took (and whether each was released, and
 * whether its last event was delivered), the counter its ids come from and
 * the WhatsApp numbers it verified, per workspace. A real provider keeps these on its side; the sandbox plays
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

/** The SQL of the WhatsApp numbers the sandbox verified (a later migration of `schema.ts`). */
export const SANDBOX_VERIFIED_MIGRATION = `
  CREATE TABLE ws_sandbox_verified (
    workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    number text NOT NULL,
    display_name text NOT NULL,
    PRIMARY KEY (workspace_id, number)
  );
`;

/** One workspace's sandbox account as stored. */
export interface StoredSandbox {
  ws: string;
  counter: number;
  orders: (SandboxOrder & { released: boolean; settled: boolean })[];
  /** The WhatsApp numbers it verified, with their business's display name. */
  verified: { number: string; displayName: string }[];
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
  /** A WhatsApp number verified (again: its display name as now). */
  saveVerified(ws: string, number: string, displayName: string): Promise<void>;
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
      const verified = await db.query<{
        workspace_id: string;
        number: string;
        display_name: string;
      }>(
        'SELECT workspace_id, number, display_name FROM ws_sandbox_verified ORDER BY workspace_id, number',
      );
      const byWs = new Map<string, StoredSandbox>();
      const accountOf = (ws: string, counter = 0) => {
        let account = byWs.get(ws);
        if (!account) {
          account = { ws, counter, orders: [], verified: [] };
          byWs.set(ws, account);
        }
        return account;
      };
      for (const row of accounts.rows) accountOf(row.workspace_id, row.counter);
      for (const row of verified.rows) {
        accountOf(row.workspace_id).verified.push({
          number: row.number,
          displayName: row.display_name,
        });
      }
      for (const row of orders.rows) {
        accountOf(row.workspace_id).orders.push({
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

    async saveVerified(ws, number, displayName) {
      await db.query(
        `INSERT INTO ws_sandbox_verified (workspace_id, number, display_name) VALUES ($1, $2, $3)
         ON CONFLICT (workspace_id, number) DO UPDATE SET display_name = EXCLUDED.display_name`,
        [ws, number, displayName],
      );
    },
  };
}
