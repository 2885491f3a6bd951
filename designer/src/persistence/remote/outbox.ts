import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { CallsTurnedOff, FlowDocument } from '@callbot/shared';
import { RemoteError } from './api.ts';

/**
 * A change of one of the workspace's records (a team, a line, the
 * settings...) waiting for the server: the record as this browser had it
 * before (null: it did not exist) and after (null: deleted).
 */
export interface RecordChange {
  before: unknown;
  after: unknown;
  /** The user chose to keep theirs after a conflict: made on the server's copy as it is. */
  force?: boolean;
}

/**
 * One save waiting for the server, in the order it was made: a flow's
 * document (and its callbot mark, when that changed), or a record's change.
 */
export interface OutboxEntry {
  seq: number;
  /** What it saves: a flow's id, or a record's key (`recordKey`). */
  flowId: string;
  doc?: FlowDocument;
  callbot?: boolean;
  change?: RecordChange;
  /** Epoch ms when it was made. */
  at: number;
}

/** The server revision a flow's or record's next save is based on (0: the server does not have it yet). */
export interface BaseRecord {
  flowId: string;
  revision: number;
}

/**
 * Flow saves and record changes waiting for the server, per workspace, in this browser's
 * IndexedDB: they survive a reload or a crash while the server is away.
 */
export class OutboxDb extends Dexie {
  declare entries: EntityTable<OutboxEntry, 'seq'>;
  declare bases: EntityTable<BaseRecord, 'flowId'>;

  constructor(workspaceId: string, options: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
    super(`callbot-outbox-${workspaceId}`, options);
    this.version(1).stores({ entries: '++seq, flowId', bases: 'flowId' });
  }
}

/** A flow or record whose waiting saves the server refused: another person saved it meanwhile. */
export interface OutboxConflict {
  /** The flow's id or the record's key. */
  flowId: string;
  /** Who saved it, and when (ISO 8601), as the server says. */
  by: string;
  at: string;
  /** The server's revision now. */
  revision: number;
}

export interface OutboxState {
  /** Saves not yet accepted by the server. */
  waiting: number;
  /** The last attempt found the server unreachable; it is tried again with a backoff. */
  offline: boolean;
  /** Flows whose saves wait for the user's choice (reload theirs or keep mine as a copy). */
  conflicts: OutboxConflict[];
  /**
   * Flows whose saves the server refused for another reason (e.g. the role), with why; for a
   * team, bot or schedule refused for its name, or a customer for its number, the one that has
   * it (`existing`), for the UI's words.
   */
  refused: {
    flowId: string;
    message: string;
    existing?: { id: string; name: string };
    /** What `existing` has: its name, or (a customer) its number. */
    takenField?: 'name' | 'number';
  }[];
  /**
   * Flows whose accepted save turned WhatsApp calls off on the lines they
   * answer (R2: the save's answer says so), kept until the user dismisses it.
   */
  callsTurnedOff: { flowId: string; lines: CallsTurnedOff[] }[];
}

/** What the server answers to a flow's save: its new revision, and the lines whose calls it turned off. */
export interface FlowSent {
  revision: number;
  callsTurnedOff?: CallsTurnedOff[];
}

/** Timers, injected: the browser's in the app, fake ones in tests. */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const browserScheduler: Scheduler = {
  set: (callback, ms) => globalThis.setTimeout(callback, ms),
  clear: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface OutboxOptions {
  db: OutboxDb;
  /**
   * Sends a flow's document on top of `baseRevision` (with its callbot mark
   * when it changed); answers the server's new revision (and what the save
   * turned off).
   */
  send: (
    flowId: string,
    doc: FlowDocument,
    baseRevision: number,
    callbot?: boolean,
  ) => Promise<FlowSent>;
  /**
   * Sends a record's change (see `RecordChange`) on top of `baseRevision`;
   * answers the server's new revision (0 once deleted). A `RemoteError`
   * `conflict` when another person changed what it changes.
   */
  sendRecord?: (key: string, change: RecordChange, baseRevision: number) => Promise<number>;
  now: () => number;
  scheduler?: Scheduler;
  /** The first retry's wait; doubled each time up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export interface Outbox {
  readonly state: OutboxState;
  subscribe(listener: (state: OutboxState) => void): () => void;
  /** Keeps a flow save (at once, in IndexedDB) and sends it soon; `callbot` when the mark changed. */
  add(flowId: string, doc: FlowDocument, callbot?: boolean): Promise<void>;
  /** Keeps a record's change (at once, in IndexedDB) and sends it soon. */
  addRecord(key: string, change: RecordChange): Promise<void>;
  /**
   * Sends a record's waiting change again after a conflict, on the server's
   * copy as it is then: the fields this browser changed win, the others stay
   * the server's (the user chose to keep theirs).
   */
  retry(key: string): Promise<void>;
  /** Saves of this flow not yet accepted by the server. */
  waitingFor(flowId: string): Promise<number>;
  /** The server revision the flow's next save is based on (0 when the server does not have it). */
  baseOf(flowId: string): Promise<number>;
  /** The flow as the server has it now, e.g. after reading it. Ignored while saves of it wait. */
  setBase(flowId: string, revision: number): Promise<void>;
  /** Forgets that the flow's save turned calls off (the user read it). */
  dismissCallsTurnedOff(flowId: string): void;
  /** Drops the flow's waiting saves and conflict (the user reloaded theirs, kept a copy, deleted it). */
  discard(flowId: string, base?: number): Promise<void>;
  /** Sends what waits now; resolves when the attempt is over (never rejects). */
  flush(): Promise<OutboxState>;
  dispose(): void;
}

/**
 * The outbox of flow saves. A save is kept in IndexedDB at once and sent in
 * order, each flow's saves on top of the revision the server last gave for
 * it. Several saves of one flow that waited are sent as their latest
 * document (each is the whole flow). While the server is unreachable the
 * outbox is `offline` and tries again after 1 s, 2 s, 4 s... (at most 30 s),
 * and at once on `flush()` (e.g. the browser's `online` event). A 409 stops
 * that flow's saves until the user chooses; nothing is overwritten.
 */
export function createOutbox(options: OutboxOptions): Outbox {
  const {
    db,
    send,
    sendRecord,
    now,
    scheduler = browserScheduler,
    firstDelayMs = 1000,
    maxDelayMs = 30_000,
  } = options;
  let state: OutboxState = {
    waiting: 0,
    offline: false,
    conflicts: [],
    refused: [],
    callsTurnedOff: [],
  };
  const listeners = new Set<(state: OutboxState) => void>();
  let retry: unknown = null;
  let delay = firstDelayMs;
  let running: Promise<void> | null = null;
  let again = false;
  let disposed = false;

  function set(next: Partial<OutboxState>) {
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener(state);
  }

  const blocked = () =>
    new Set([...state.conflicts.map((c) => c.flowId), ...state.refused.map((r) => r.flowId)]);

  async function count() {
    set({ waiting: await db.entries.count() });
  }

  function scheduleRetry() {
    if (retry !== null || disposed) return;
    retry = scheduler.set(() => {
      retry = null;
      void drain();
    }, delay);
    delay = Math.min(delay * 2, maxDelayMs);
  }

  /** The waiting saves of one flow or record, as one: the latest document, or the first `before` and the last `after`. */
  async function sendOne(key: string, entries: OutboxEntry[], base: number): Promise<FlowSent> {
    const latest = entries[entries.length - 1]!;
    if (latest.change) {
      if (!sendRecord) throw new Error('This outbox sends no records.');
      const change: RecordChange = {
        before: entries[0]!.change!.before,
        after: latest.change.after,
        ...(entries.some((e) => e.change?.force) && { force: true }),
      };
      return { revision: await sendRecord(key, change, base) };
    }
    const callbot = entries.findLast((e) => e.callbot !== undefined)?.callbot;
    return send(key, latest.doc!, base, callbot);
  }

  async function sendAll(): Promise<void> {
    for (;;) {
      const skip = blocked();
      const first = await db.entries.filter((e) => !skip.has(e.flowId)).first();
      if (!first || disposed) return;
      const ofFlow = await db.entries.where('flowId').equals(first.flowId).sortBy('seq');
      const base = (await db.bases.get(first.flowId))?.revision ?? 0;
      try {
        const { revision, callsTurnedOff } = await sendOne(first.flowId, ofFlow, base);
        await db.transaction('rw', db.entries, db.bases, async () => {
          await db.entries.bulkDelete(ofFlow.map((e) => e.seq));
          await db.bases.put({ flowId: first.flowId, revision });
        });
        delay = firstDelayMs;
        set({ offline: false });
        if (callsTurnedOff?.length) {
          set({
            callsTurnedOff: [
              ...state.callsTurnedOff.filter((c) => c.flowId !== first.flowId),
              { flowId: first.flowId, lines: callsTurnedOff },
            ],
          });
        }
        await count();
      } catch (error) {
        if (error instanceof RemoteError && error.kind === 'unreachable') {
          set({ offline: true });
          scheduleRetry();
          return;
        }
        if (error instanceof RemoteError && error.kind === 'conflict' && error.conflict) {
          const { updatedBy, updatedAt, revision } = error.conflict;
          // The server answered: it is not offline, whatever it said.
          set({
            offline: false,
            conflicts: [
              ...state.conflicts,
              { flowId: first.flowId, by: updatedBy.name, at: updatedAt, revision },
            ],
          });
        } else {
          const message = error instanceof Error ? error.message : String(error);
          const taken = error instanceof RemoteError ? error : undefined;
          set({
            offline: false,
            refused: [
              ...state.refused,
              {
                flowId: first.flowId,
                message,
                ...(taken?.existing && { existing: taken.existing }),
                ...(taken?.takenField && { takenField: taken.takenField }),
              },
            ],
          });
        }
      }
    }
  }

  async function drain(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await sendAll();
        } while (again && !disposed);
      } catch {
        // IndexedDB failed under us: the saves stay where they are; the next add or flush tries again.
      } finally {
        running = null;
      }
    })();
    return running;
  }

  void count();

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async add(flowId, doc, callbot) {
      await db.entries.add({ flowId, doc, ...(callbot !== undefined && { callbot }), at: now() });
      // A newer document may read where a refused one did not: it is tried (a conflict still waits).
      if (state.refused.some((r) => r.flowId === flowId))
        set({ refused: state.refused.filter((r) => r.flowId !== flowId) });
      await count();
      if (!state.offline) void drain();
    },
    async addRecord(key, change) {
      await db.entries.add({ flowId: key, change, at: now() });
      if (state.refused.some((r) => r.flowId === key))
        set({ refused: state.refused.filter((r) => r.flowId !== key) });
      await count();
      if (!state.offline) void drain();
    },
    async retry(key) {
      const first = (await db.entries.where('flowId').equals(key).sortBy('seq'))[0];
      if (first?.change)
        await db.entries.update(first.seq, { change: { ...first.change, force: true } });
      set({
        conflicts: state.conflicts.filter((c) => c.flowId !== key),
        refused: state.refused.filter((r) => r.flowId !== key),
      });
      void drain();
    },
    dismissCallsTurnedOff(flowId) {
      set({ callsTurnedOff: state.callsTurnedOff.filter((c) => c.flowId !== flowId) });
    },
    waitingFor: (flowId) => db.entries.where('flowId').equals(flowId).count(),
    baseOf: async (flowId) => (await db.bases.get(flowId))?.revision ?? 0,
    async setBase(flowId, revision) {
      await db.transaction('rw', db.entries, db.bases, async () => {
        if ((await db.entries.where('flowId').equals(flowId).count()) === 0)
          await db.bases.put({ flowId, revision });
      });
    },
    async discard(flowId, base) {
      await db.transaction('rw', db.entries, db.bases, async () => {
        await db.entries.where('flowId').equals(flowId).delete();
        if (base !== undefined) await db.bases.put({ flowId, revision: base });
      });
      set({
        conflicts: state.conflicts.filter((c) => c.flowId !== flowId),
        refused: state.refused.filter((r) => r.flowId !== flowId),
      });
      await count();
    },
    async flush() {
      if (retry !== null) scheduler.clear(retry);
      retry = null;
      await drain();
      return state;
    },
    dispose() {
      disposed = true;
      if (retry !== null) scheduler.clear(retry);
      retry = null;
      listeners.clear();
    },
  };
}
