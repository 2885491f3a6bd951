/**
 * A workspace with the provider on a database, for the provider's tests:
 * the migrations run, one workspace, a WhatsApp line (calls enabled unless
 * told), the sandbox's events run by a manual scheduler on a manual clock.
 */
import type { Actor, WorkspaceEvent } from '@callbot/shared';
import type { Database } from '../db.ts';
import { createStore } from '../store.ts';
import { createHub, inProcessBus } from '../workspace/events.ts';
import { createWorkspaceStore, type WorkspaceStore } from '../workspace/store.ts';
import { manualScheduler } from './sandbox.ts';
import { createProviderService, type ProviderService } from './service.ts';

export const OWNER: Actor = { id: 'u-owner', name: 'Olivia Owner' };
/** A WhatsApp Business number the sandbox verifies (its last digit is not 1, 2 or 3). */
export const LINE_NUMBER = '+5511987654320';

export interface ProviderFixture {
  db: Database;
  ws: string;
  store: WorkspaceStore;
  service: ProviderService;
  /** The clock's time now (epoch ms); move it with `advance`, which runs the sandbox's events due. */
  now: () => number;
  advance: (ms: number) => Promise<void>;
  /** The workspace's events heard so far. */
  events: WorkspaceEvent[];
  /**
   * The server restarted: a new provider service on the same database and
   * clock, whose sandbox resumes from the database (what the old one had
   * scheduled is gone with it).
   */
  restart: () => Promise<void>;
}

export async function providerFixture(
  db: Database,
  options: { start?: number; callsEnabled?: boolean; secretKey?: Buffer | null; ws?: string } = {},
): Promise<ProviderFixture> {
  await createStore(db);
  let time = options.start ?? Date.parse('2026-12-07T15:00:00Z');
  const now = () => time;
  const ws = options.ws ?? 'w-acme';
  await db.query(
    'INSERT INTO workspaces (id, name, created_at) VALUES ($1, $2, now()) ON CONFLICT DO NOTHING',
    [ws, 'Acme'],
  );
  const store = createWorkspaceStore(db, now);
  const hub = createHub(inProcessBus(), now);
  const events: WorkspaceEvent[] = [];
  hub.subscribe(ws, (event) => events.push(event));
  let schedule = manualScheduler();
  const start = () =>
    createProviderService({
      db,
      workspaces: store,
      hub,
      now,
      secretKey: options.secretKey ?? null,
      schedule,
    });
  let service = start();
  await service.sandbox.ready;
  // The WhatsApp line is written as it stands once ready (R2's checklist, which enabling its
  // calls through the API requires, is the rules' tests' business, not the provider's).
  const line = {
    id: 'l-whatsapp',
    kind: 'whatsapp',
    number: LINE_NUMBER,
    displayName: 'Acme',
    business: true,
    calling: true,
    callsEnabled: options.callsEnabled ?? true,
    createdAt: time,
  };
  await db.query(
    `INSERT INTO ws_lines (workspace_id, id, data, revision, updated_at, updated_by_id, updated_by_name)
     VALUES ($1, $2, $3::jsonb, 1, now(), $4, $5)`,
    [ws, line.id, JSON.stringify(line), OWNER.id, OWNER.name],
  );
  // The sandbox knows the line once it verified it.
  await (await service.adapterFor(ws)).whatsappSender(LINE_NUMBER);
  return {
    db,
    ws,
    store,
    get service() {
      return service;
    },
    now,
    events,
    async advance(ms) {
      time += ms;
      await schedule.runDue(time);
    },
    async restart() {
      schedule = manualScheduler();
      service = start();
      await service.sandbox.ready;
    },
  };
}
