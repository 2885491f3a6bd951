// Test helpers: an in-memory IndexedDB per database, and a fake
// BroadcastChannel. Imported by tests only, never by the app.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { DesignerDb } from './db.ts';
import { createFlowRepository, type FlowRepository } from './repository.ts';
import type { ChannelLike } from './tabs.ts';
import { WorkspaceRefusal } from './workspaceErrors.ts';
import { createWorkspaceRepository } from './workspaceRepository.ts';

let dbCount = 0;

/** A designer database in a fresh in-memory IndexedDB, under a unique name. */
export function createTestDb(name = `callbot-designer-test-${++dbCount}`): DesignerDb {
  return new DesignerDb({ name, indexedDB: new IDBFactory(), IDBKeyRange });
}

/** A repository on a fresh database, with a clock that ticks 1 ms per call and ids `flow-1`, `flow-2`... */
export function createTestRepository(db: DesignerDb = createTestDb()): {
  repo: FlowRepository;
  db: DesignerDb;
  clock: { now: number };
} {
  const clock = { now: 1_700_000_000_000 };
  let ids = 0;
  const repo = createFlowRepository({
    db,
    now: () => clock.now++,
    newId: () => `flow-${++ids}`,
  });
  return { repo, db, clock };
}

/**
 * A `BroadcastChannel` stand-in: instances of one `createFakeChannel()` with
 * the same name reach each other (not themselves), asynchronously, like the real one.
 */
export function createFakeChannel() {
  const open = new Set<FakeChannel>();
  const sent: unknown[] = [];

  class FakeChannel implements ChannelLike {
    private listeners: ((event: { data: unknown }) => void)[] = [];

    constructor(readonly name: string) {
      open.add(this);
    }

    postMessage(message: unknown) {
      sent.push(message);
      const data = structuredClone(message);
      for (const other of open) {
        if (other === this || other.name !== this.name) continue;
        queueMicrotask(() => {
          if (open.has(other)) other.listeners.forEach((listener) => listener({ data }));
        });
      }
    }

    addEventListener(_type: 'message', listener: (event: { data: unknown }) => void) {
      this.listeners.push(listener);
    }

    close() {
      open.delete(this);
    }
  }

  return { Channel: FakeChannel, sent, openCount: () => open.size };
}

/** A workspace repository on a fresh database, with a 1 ms clock, ids `id-1`, `id-2`... and the flows it rewrote (`flowSaved`). */
export function createTestWorkspace(db: DesignerDb = createTestDb()) {
  const clock = { now: 1_700_000_000_000 };
  let ids = 0;
  const flowSaved: [flowId: string, revision: number][] = [];
  const workspace = createWorkspaceRepository(db, {
    now: () => clock.now++,
    newId: () => `id-${++ids}`,
    onFlowSaved: (flowId, revision) => flowSaved.push([flowId, revision]),
  });
  return { workspace, db, clock, flowSaved };
}

/** The refusal a workspace change ends in (the test fails if it succeeds or fails otherwise). */
export async function refusal(promise: Promise<unknown>): Promise<WorkspaceRefusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof WorkspaceRefusal) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
