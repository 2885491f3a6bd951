import Dexie, { type DexieOptions, type EntityTable } from 'dexie';
import type { FlowDocument } from '@callbot/shared';

/** The IndexedDB database of the designer, one per browser profile and origin. */
export const DEFAULT_DB_NAME = 'callbot-designer';

/**
 * A flow as stored. `doc` is what some version of the designer wrote: it is
 * read back through `loadFlow` every time (migrated when older, refused when
 * broken), never trusted as is.
 */
export interface FlowRecord {
  id: string;
  /** Mirrors `doc.settings.name`, for listing without reading the document. */
  name: string;
  doc: FlowDocument;
  /** Starts at 1 and grows by one on every save: the guard against overwriting another tab. */
  revision: number;
  /** Epoch ms, from the repository's injected `now()`. */
  createdAt: number;
  updatedAt: number;
  /** The reception example seeded on the first visit. */
  isExample?: boolean;
  /** Marked as a callbot (from the library): lines can be assigned to it. Absent means no. */
  callbot?: boolean;
}

/** A snapshot of a flow: "Save version" with a note, or an automatic one. */
export interface VersionRecord {
  /** Auto-incremented by IndexedDB. */
  id: number;
  flowId: string;
  /** The flow's revision the snapshot was taken at. */
  revision: number;
  note: string;
  auto: boolean;
  createdAt: number;
  doc: FlowDocument;
}

/**
 * A simulated call kept as a test of its flow: the script that drives it and
 * the transcript it produced. `script` and `transcript` are what some version
 * of the designer wrote: the simulator reads them back through its schemas.
 */
export interface TestCaseRecord {
  /** Auto-incremented by IndexedDB. */
  id: number;
  flowId: string;
  name: string;
  /** The runtime's `Script` (call-protocol format). */
  script: unknown;
  /** The runtime's trace lines the call produced: what a run must reproduce. */
  transcript: unknown;
  createdAt: number;
  /** The flow's revision the call was recorded on. */
  flowRevision: number;
  /** In a server workspace's cache: the test case's id on the server. */
  serverId?: string;
}

/** One step of an editor's undo history as stored: the command's name and the document before (or after) it. */
export interface StoredHistoryStep {
  name: string;
  doc: unknown;
}

/**
 * A flow's undo history, kept with it so it survives a reload. It belongs to
 * the flow at `revision`: once the flow is saved by anything else (another
 * tab, a rename, a restore), the revision moves on and the history is left
 * unused. `past` is oldest first; `future` is the next redo first. Docs are
 * read back through `loadFlow`, like the flow's own.
 */
export interface HistoryRecord {
  flowId: string;
  revision: number;
  past: StoredHistoryStep[];
  future: StoredHistoryStep[];
}

/** Small facts about this browser's storage, e.g. that the example was seeded once. */
export interface MetaRecord {
  key: string;
  value: unknown;
}

/**
 * A workspace record as stored (a team, a named schedule, a line, a customer,
 * a call permission, a call attempt): what some version of the designer
 * wrote. The workspace repository reads each one back through its shared
 * schema (`workspaceRepository.ts`), never trusting it as is.
 */
export interface WorkspaceRecord {
  id: string;
  [field: string]: unknown;
}

/** A customer number's WhatsApp call permission, keyed by the number (R14), read back like the others. */
export interface PermissionRecord {
  number: string;
  [field: string]: unknown;
}

/** The workspace's settings: a single record under the key `workspace`. */
export interface SettingsRecord {
  key: 'workspace';
  value: unknown;
}

/**
 * `indexedDB` and `IDBKeyRange` default to the browser's; tests pass
 * `new IDBFactory()` and `IDBKeyRange` from fake-indexeddb (see `testing.ts`).
 */
export interface DesignerDbOptions extends Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'> {
  /** The database name; tests use a unique one each. Defaults to `callbot-designer`. */
  name?: string;
}

/**
 * The designer's Dexie database. Schema versions are append-only: to change
 * the tables, add `this.version(n + 1).stores(...)` (with an `upgrade` when
 * records must change) and never edit a published one.
 */
export class DesignerDb extends Dexie {
  declare flows: EntityTable<FlowRecord, 'id'>;
  declare versions: EntityTable<VersionRecord, 'id'>;
  declare meta: EntityTable<MetaRecord, 'key'>;
  declare testCases: EntityTable<TestCaseRecord, 'id'>;
  declare teams: EntityTable<WorkspaceRecord, 'id'>;
  declare schedules: EntityTable<WorkspaceRecord, 'id'>;
  declare lines: EntityTable<WorkspaceRecord, 'id'>;
  declare customers: EntityTable<WorkspaceRecord, 'id'>;
  declare permissions: EntityTable<PermissionRecord, 'number'>;
  declare callAttempts: EntityTable<WorkspaceRecord, 'id'>;
  declare settings: EntityTable<SettingsRecord, 'key'>;
  declare histories: EntityTable<HistoryRecord, 'flowId'>;
  declare bots: EntityTable<WorkspaceRecord, 'id'>;

  constructor(options: DesignerDbOptions = {}) {
    const { name = DEFAULT_DB_NAME, ...dexieOptions } = options;
    super(name, dexieOptions);
    this.version(1).stores({
      // Listing is newest first.
      flows: 'id, updatedAt',
      // A flow's versions, newest first; deleting a flow deletes them by flowId.
      versions: '++id, flowId, [flowId+createdAt]',
      meta: 'key',
    });
    this.version(2).stores({
      // A flow's test cases, oldest first; deleting a flow deletes them by flowId.
      testCases: '++id, flowId, [flowId+createdAt]',
    });
    // The workspace (issue 6): no existing record changes, so no upgrade function.
    this.version(3).stores({
      teams: 'id',
      schedules: 'id',
      // Lines by the callbot that answers them (R3, R9: unassigning a deleted callbot).
      lines: 'id, callbotId',
      // A customer by number; a permission is the number's own (R14).
      customers: 'id, number',
      permissions: 'number',
      // A number's attempts in a day (R14: 5 a day), by time.
      callAttempts: 'id, number, [number+at]',
      settings: 'key',
    });
    // Undo histories kept with their flows (issue 12): a new table, no record changes.
    this.version(4).stores({
      histories: 'flowId',
    });
    // The workspace's bots, which fallback-bot nodes pick (issue 14): a new table.
    this.version(5).stores({
      bots: 'id',
    });
  }
}
