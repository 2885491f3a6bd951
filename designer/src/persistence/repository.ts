import Dexie from 'dexie';
import {
  createFlow,
  flowSettingsSchema,
  kindOf,
  loadFlow,
  parseFlowJson,
  type Diagnostic,
  type FlowDocument,
  type FlowLanguage,
  type FlowNode,
  type NodeKindName,
} from '@callbot/shared';
import {
  DesignerDb,
  type FlowRecord,
  type HistoryRecord,
  type StoredHistoryStep,
  type VersionRecord,
} from './db.ts';
import {
  FlowNotFoundError,
  InvalidFlowError,
  RevisionConflictError,
  StorageError,
  toStorageError,
} from './errors.ts';
import { createTestCaseStore, type TestCaseStore } from './testCases.ts';
import { foldForSearch, uniqueName } from './names.ts';

/** A flow as the library lists it. */
export interface FlowSummary {
  id: string;
  name: string;
  nodeCount: number;
  revision: number;
  createdAt: number;
  updatedAt: number;
  isExample: boolean;
  /** Marked as a callbot: lines can be assigned to it. */
  callbot: boolean;
}

/** One step of undo history read back: the command's name (unchecked: the editor knows its commands) and a document. */
export interface HistoryStep {
  name: string;
  doc: FlowDocument;
}

/** An editor's undo history: `past` oldest first, `future` the next redo first. */
export interface FlowHistory<S = HistoryStep> {
  past: S[];
  future: S[];
}

/** How many undo (and redo) steps are kept with a flow; the editor keeps more while it is open. */
export const MAX_STORED_HISTORY = 30;

/** A flow read back for editing: `revision` is what the next `save` must expect. */
export interface OpenedFlow {
  id: string;
  doc: FlowDocument;
  revision: number;
  /** Set when the stored document was older and has been migrated (not yet written back). */
  migratedFrom?: number;
  /** The undo history saved with this very revision, when there is one. */
  history?: FlowHistory;
}

/** A version as the versions list shows it (without its document). */
export interface VersionSummary {
  id: number;
  flowId: string;
  /** The flow's revision the snapshot was taken at. */
  revision: number;
  note: string;
  auto: boolean;
  createdAt: number;
  nodeCount: number;
}

/** A version read back with its document, e.g. for the visual diff. */
export interface OpenedVersion extends VersionSummary {
  doc: FlowDocument;
  migratedFrom?: number;
}

/** A connection an import dropped because the node it led to is not in the file. */
export interface DroppedConnection {
  nodeId: string;
  /** The node's name as the canvas shows it (its label, else its id). */
  node: string;
  /** The output's id, e.g. `next` or `option:opt1`. */
  port: string;
  /** The output's label (`@callbot/shared`'s English; the designer translates fixed outputs by id). */
  portLabel: string;
  /** The id it led to, which no node has. */
  target: string;
}

export type ImportResult =
  | {
      ok: true;
      flow: FlowSummary;
      migratedFrom?: number;
      /** The file's flow name, when another flow had it and the import took "<name> (2)". */
      renamedFrom?: string;
      /** Connections to nodes missing from the file, dropped (the outputs are left unconnected). */
      dropped: DroppedConnection[];
    }
  /** Nothing was written. `diagnostics` say which field and why. */
  | { ok: false; fileName: string; diagnostics: Diagnostic[] };

export interface ExportedFlow {
  /** e.g. `recepcao-loja-exemplo.flow.json` */
  fileName: string;
  /** Pretty JSON, the file `callbot validate` and `callbot simulate` read. */
  text: string;
}

export interface FlowRepositoryOptions {
  /** Defaults to the `callbot-designer` database of this browser. */
  db?: DesignerDb;
  /** Epoch ms, e.g. `Date.now`. */
  now: () => number;
  /** A fresh flow id, e.g. `() => crypto.randomUUID()`. */
  newId: () => string;
  /** Automatic snapshots kept per flow; older ones are dropped. Notes saved by hand are all kept. */
  maxAutoVersions?: number;
}

export interface FlowRepository extends TestCaseStore {
  /** Every stored flow, most recently changed first. */
  list(): Promise<FlowSummary[]>;
  /** The flows whose name contains `text`, ignoring case and accents ("recepcao" finds "Recepção"). */
  search(text: string): Promise<FlowSummary[]>;
  /**
   * A new flow (a greeting that hangs up), at revision 1. Throws `InvalidFlowError` for an empty or too long name.
   * See `NewFlowOptions` for its language and its nodes' names.
   */
  create(name: string, options?: NewFlowOptions): Promise<FlowSummary>;
  /** Reads a flow through `loadFlow`: migrated when older; `InvalidFlowError` when broken; `FlowNotFoundError`. */
  open(id: string): Promise<OpenedFlow>;
  /**
   * Writes `doc` as the flow's current document and returns the new revision.
   * Throws `RevisionConflictError`, writing nothing, when the stored revision
   * is not `expectedRevision` (another tab saved meanwhile). `history` (the
   * editor's undo steps) is kept with that revision, bounded to
   * `MAX_STORED_HISTORY` steps each way.
   */
  save(
    id: string,
    doc: FlowDocument,
    expectedRevision: number,
    history?: FlowHistory<StoredHistoryStep>,
  ): Promise<number>;
  /** Renames the flow (its `settings.name` too); returns the new revision, so an editor open elsewhere gets a conflict rather than undoing the rename. */
  rename(id: string, name: string): Promise<number>;
  /** A copy under a new id, named "<name> (copy)" (then "(copy) (2)"...), without the versions. */
  duplicate(id: string): Promise<FlowSummary>;
  /** Deletes the flow, its versions and test cases. Deleting a flow that is gone already is not an error. */
  remove(id: string): Promise<void>;
  /**
   * Snapshots the flow as stored (flush the autosaver first). An automatic
   * snapshot of a revision that already has a version is skipped, and that
   * version returned.
   */
  saveVersion(id: string, note: string, options?: { auto?: boolean }): Promise<VersionSummary>;
  /** The flow's versions, newest first. */
  listVersions(id: string): Promise<VersionSummary[]>;
  /** A version with its document (through `loadFlow`). */
  openVersion(id: string, versionId: number): Promise<OpenedVersion>;
  /**
   * Makes a version's document the current one, through the same revision
   * check as `save`. The current document is first kept as an automatic
   * version, so a restore can itself be undone.
   */
  restoreVersion(id: string, versionId: number, expectedRevision: number): Promise<OpenedFlow>;
  /** Reads a file's text as a new flow. On failure, returns the diagnostics and writes nothing. */
  importFlow(text: string, fileName: string): Promise<ImportResult>;
  /** The flow as a JSON file to download. */
  exportFlow(id: string): Promise<ExportedFlow>;
  /**
   * Seeds the reception example on the first visit of this browser, and never
   * again (not even after the user deleted it). Returns it when seeded now.
   */
  ensureExample(): Promise<FlowSummary | null>;
  /**
   * Storage failures that no call returns: an upgrade blocked by another tab.
   * (Calls reject with a `StorageError` themselves.) Returns the unsubscribe.
   */
  onStorageError(listener: (error: StorageError) => void): () => void;
  close(): void;
}

/** The note of the automatic version a restore keeps first (stored as is; the UI names it in its language). */
export const BEFORE_RESTORING_NOTE = 'Before restoring a version';
const BEFORE_RESTORING_PREFIX = 'Before restoring "';

/** The note kept before restoring the version noted `note`. */
export const beforeRestoringNote = (note: string): string =>
  note ? `${BEFORE_RESTORING_PREFIX}${note}"` : BEFORE_RESTORING_NOTE;

/** The restored version's note, when `note` is one `beforeRestoringNote` wrote; otherwise null. */
export function restoredNoteOf(note: string): string | null {
  if (note === BEFORE_RESTORING_NOTE) return '';
  return note.startsWith(BEFORE_RESTORING_PREFIX) && note.endsWith('"')
    ? note.slice(BEFORE_RESTORING_PREFIX.length, -1)
    : null;
}

const EXAMPLE_SEEDED = 'exampleSeeded';
const MAX_NOTE_LENGTH = 500;
const COPY_SUFFIX = ' (copy)';
const MAX_NAME_LENGTH = 120;

const countNodes = (doc: unknown): number => {
  const nodes: unknown =
    doc !== null && typeof doc === 'object' && 'nodes' in doc ? doc.nodes : undefined;
  return Array.isArray(nodes) ? nodes.length : 0;
};

const summarize = (record: FlowRecord): FlowSummary => ({
  id: record.id,
  name: record.name,
  nodeCount: countNodes(record.doc),
  revision: record.revision,
  createdAt: record.createdAt,
  updatedAt: record.updatedAt,
  isExample: record.isExample === true,
  callbot: record.callbot === true,
});

const summarizeVersion = (record: VersionRecord): VersionSummary => ({
  id: record.id,
  flowId: record.flowId,
  revision: record.revision,
  note: record.note,
  auto: record.auto,
  createdAt: record.createdAt,
  nodeCount: countNodes(record.doc),
});

/** A file name from a flow name: `Recepção Loja` -> `recepcao-loja.flow.json`. */
export function exportFileName(name: string): string {
  const slug = foldForSearch(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'flow'}.flow.json`;
}

/** Checks a name by the document schema's own rule; returns it trimmed. */
function checkName(name: string): string {
  const parsed = flowSettingsSchema.shape.name.safeParse(name);
  if (parsed.success) return parsed.data;
  throw new InvalidFlowError([
    {
      severity: 'error',
      code: 'settings.name',
      path: 'settings.name',
      message: `A flow needs a name of 1 to ${MAX_NAME_LENGTH} characters.`,
    },
  ]);
}

/** A stored document through `loadFlow`, or a clear error naming the flow. */
function readStored(doc: unknown, what: string): { doc: FlowDocument; migratedFrom?: number } {
  const loaded = loadFlow(doc);
  if (!loaded.ok) {
    throw new InvalidFlowError(
      loaded.diagnostics,
      `${what} is stored in a form this designer cannot read: ${loaded.diagnostics
        .slice(0, 3)
        .map((d) => d.message)
        .join(' ')}`,
    );
  }
  return {
    doc: loaded.doc,
    ...(loaded.migratedFrom !== undefined && { migratedFrom: loaded.migratedFrom }),
  };
}

/**
 * A file's flow without the connections that lead to nodes it does not have,
 * and the list of them. Such an output is left unconnected (the call hangs up
 * there, and the checks say so), rather than refusing the whole file: the rest
 * of the flow is sound, and the user reconnects the outputs listed.
 */
export function dropDanglingConnections(doc: FlowDocument): {
  doc: FlowDocument;
  dropped: DroppedConnection[];
} {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const dropped: DroppedConnection[] = [];
  const nodes = doc.nodes.map((node): FlowNode => {
    const entries = Object.entries(node.connections);
    const dangling = entries.filter(([, target]) => !ids.has(target));
    if (dangling.length === 0) return node;
    const ports = kindOf(node).ports(node.data);
    for (const [port, target] of dangling) {
      const portLabel = ports.find((p) => p.id === port)?.label ?? port;
      dropped.push({ nodeId: node.id, node: node.label ?? node.id, port, portLabel, target });
    }
    return {
      ...node,
      connections: Object.fromEntries(entries.filter(([, target]) => ids.has(target))),
    };
  });
  return { doc: dropped.length === 0 ? doc : { ...doc, nodes }, dropped };
}

/** A document of a history step through `loadFlow`, or null when it does not read (or needs migrating). */
function readStep(step: StoredHistoryStep): HistoryStep | null {
  if (typeof step?.name !== 'string') return null;
  const loaded = loadFlow(step.doc);
  return loaded.ok && loaded.migratedFrom === undefined
    ? { name: step.name, doc: loaded.doc }
    : null;
}

/**
 * A stored history read back, never trusted: a step that does not read cuts
 * the history there (undo stops before it, redo stops before it), so undo
 * never jumps over a step it cannot show.
 */
function readHistory(record: HistoryRecord): FlowHistory | null {
  if (!Array.isArray(record.past) || !Array.isArray(record.future)) return null;
  const past: HistoryStep[] = [];
  for (const step of record.past.slice(-MAX_STORED_HISTORY)) {
    const read = readStep(step);
    if (read) past.push(read);
    else past.length = 0;
  }
  const future: HistoryStep[] = [];
  for (const step of record.future.slice(0, MAX_STORED_HISTORY)) {
    const read = readStep(step);
    if (!read) break;
    future.push(read);
  }
  return past.length + future.length > 0 ? { past, future } : null;
}

/** Names a node of a new flow, given the nodes named so far. */
export type NodeLabeller = (nodes: readonly FlowNode[], kind: NodeKindName) => string;

/** How a new flow starts out (`FlowRepository.create`). */
export interface NewFlowOptions {
  /** The language of its prompts and `settings.locale`: the UI language it is created in. Portuguese without it. */
  language?: FlowLanguage;
  /** Names its nodes (in the UI language, e.g. `defaultNodeLabel`); without it they show their ids. */
  labelNode?: NodeLabeller;
}

/** Gives every unnamed node a label, one after another (so two of a kind get different ones). */
function labelNodes(doc: FlowDocument, labelNode: NodeLabeller | undefined): FlowDocument {
  if (!labelNode) return doc;
  const nodes: FlowNode[] = [];
  for (const node of doc.nodes)
    nodes.push(node.label ? node : { ...node, label: labelNode(nodes, node.kind) });
  return { ...doc, nodes };
}

const withName = (doc: FlowDocument, name: string): FlowDocument => ({
  ...doc,
  settings: { ...doc.settings, name },
});

const copyName = (name: string): string =>
  `${name.slice(0, MAX_NAME_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`;

/**
 * The designer's local-first storage of flows and their versions, over
 * IndexedDB. UI-free: the library page, the editor and the autosaver call it.
 * Every failure is a typed error: `StorageError` (with a `kind`),
 * `RevisionConflictError`, `FlowNotFoundError` or `InvalidFlowError`.
 *
 * @example
 * const repo = createFlowRepository({ now: Date.now, newId: () => crypto.randomUUID() });
 * await repo.ensureExample();
 * const flows = await repo.list();
 */
export function createFlowRepository(options: FlowRepositoryOptions): FlowRepository {
  const { now, newId, maxAutoVersions = 20 } = options;
  const db = options.db ?? new DesignerDb();
  const listeners = new Set<(error: StorageError) => void>();

  const report = (error: StorageError) => {
    for (const listener of [...listeners]) listener(error);
  };

  // Another tab holds the database open at an older version: our upgrade
  // waits, and every call with it. Say so rather than hang in silence.
  db.on('blocked', () => report(new StorageError('blocked')));

  async function run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  async function getFlow(id: string): Promise<FlowRecord> {
    const record = await db.flows.get(id);
    if (!record) throw new FlowNotFoundError(id);
    return record;
  }

  const latestVersion = (flowId: string) =>
    db.versions
      .where('[flowId+createdAt]')
      .between([flowId, Dexie.minKey], [flowId, Dexie.maxKey])
      .last();

  /** Inside a transaction over flows and versions. */
  async function snapshot(record: FlowRecord, note: string, auto: boolean): Promise<VersionRecord> {
    if (auto) {
      const latest = await latestVersion(record.id);
      if (latest && latest.revision === record.revision) return latest;
    }
    const version: Omit<VersionRecord, 'id'> = {
      flowId: record.id,
      revision: record.revision,
      note: note.trim().slice(0, MAX_NOTE_LENGTH),
      auto,
      createdAt: now(),
      doc: record.doc,
    };
    const id = await db.versions.add(version);
    if (auto) {
      const autos = await db.versions
        .where('[flowId+createdAt]')
        .between([record.id, Dexie.minKey], [record.id, Dexie.maxKey])
        .filter((v) => v.auto)
        .primaryKeys();
      // Oldest first; keep the newest `maxAutoVersions`.
      const excess = autos.length - maxAutoVersions;
      if (excess > 0) await db.versions.bulkDelete(autos.slice(0, excess));
    }
    return { ...version, id };
  }

  async function insert(doc: FlowDocument, extra: Partial<FlowRecord> = {}): Promise<FlowSummary> {
    const at = now();
    const record: FlowRecord = {
      id: newId(),
      name: doc.settings.name,
      doc,
      revision: 1,
      createdAt: at,
      updatedAt: at,
      ...extra,
    };
    await db.flows.add(record);
    return summarize(record);
  }

  return {
    list: () =>
      run(async () => (await db.flows.orderBy('updatedAt').reverse().toArray()).map(summarize)),

    search: (text) =>
      run(async () => {
        const wanted = foldForSearch(text.trim());
        const all = await db.flows.orderBy('updatedAt').reverse().toArray();
        return all.filter((r) => foldForSearch(r.name).includes(wanted)).map(summarize);
      }),

    create: (name, options = {}) =>
      run(() =>
        insert(labelNodes(createFlow(checkName(name), options.language), options.labelNode)),
      ),

    open: (id) =>
      run(async () => {
        const record = await getFlow(id);
        const opened = readStored(record.doc, `The flow "${record.name}"`);
        const stored = await db.histories.get(id);
        const history =
          stored?.revision === record.revision && opened.migratedFrom === undefined
            ? readHistory(stored)
            : null;
        return {
          id,
          revision: record.revision,
          ...opened,
          ...(history && { history }),
        };
      }),

    save: (id, doc, expectedRevision, history) =>
      run(() =>
        db.transaction('rw', db.flows, db.histories, async () => {
          const record = await getFlow(id);
          if (record.revision !== expectedRevision) {
            throw new RevisionConflictError(id, expectedRevision, record.revision);
          }
          const revision = record.revision + 1;
          await db.flows.put({
            ...record,
            doc,
            name: doc.settings.name.trim() || record.name,
            revision,
            updatedAt: now(),
          });
          if (history) {
            await db.histories.put({
              flowId: id,
              revision,
              past: history.past.slice(-MAX_STORED_HISTORY),
              future: history.future.slice(0, MAX_STORED_HISTORY),
            });
          }
          return revision;
        }),
      ),

    rename: (id, name) =>
      run(() => {
        const checked = checkName(name);
        return db.transaction('rw', db.flows, async () => {
          const record = await getFlow(id);
          const { doc } = readStored(record.doc, `The flow "${record.name}"`);
          const revision = record.revision + 1;
          await db.flows.put({
            ...record,
            doc: withName(doc, checked),
            name: checked,
            revision,
            updatedAt: now(),
          });
          return revision;
        });
      }),

    duplicate: (id) =>
      run(async () => {
        const record = await getFlow(id);
        const { doc } = readStored(record.doc, `The flow "${record.name}"`);
        // A second copy is "<name> (copy) (2)": no two flows of the library share a name.
        const taken = (await db.flows.toArray()).map((r) => r.name);
        const name = uniqueName(copyName(record.name), taken, MAX_NAME_LENGTH);
        return insert(withName(doc, name));
      }),

    remove: (id) =>
      run(() =>
        db.transaction(
          'rw',
          [db.flows, db.versions, db.testCases, db.lines, db.histories],
          async () => {
            await db.versions.where('flowId').equals(id).delete();
            await db.histories.delete(id);
            await db.testCases.where('flowId').equals(id).delete();
            // Its lines go back to the default callbot (R9).
            await db.lines
              .where('callbotId')
              .equals(id)
              .modify((line) => {
                delete line.callbotId;
              });
            await db.flows.delete(id);
          },
        ),
      ),

    saveVersion: (id, note, { auto = false } = {}) =>
      run(() =>
        db.transaction('rw', db.flows, db.versions, async () =>
          summarizeVersion(await snapshot(await getFlow(id), note, auto)),
        ),
      ),

    listVersions: (id) =>
      run(async () =>
        (
          await db.versions
            .where('[flowId+createdAt]')
            .between([id, Dexie.minKey], [id, Dexie.maxKey])
            .reverse()
            .toArray()
        ).map(summarizeVersion),
      ),

    openVersion: (id, versionId) =>
      run(async () => {
        const version = await db.versions.get(versionId);
        if (!version || version.flowId !== id) throw new FlowNotFoundError(id, versionId);
        return {
          ...summarizeVersion(version),
          ...readStored(version.doc, 'This version of the flow'),
        };
      }),

    restoreVersion: (id, versionId, expectedRevision) =>
      run(() =>
        db.transaction('rw', db.flows, db.versions, async () => {
          const record = await getFlow(id);
          if (record.revision !== expectedRevision) {
            throw new RevisionConflictError(id, expectedRevision, record.revision);
          }
          const version = await db.versions.get(versionId);
          if (!version || version.flowId !== id) throw new FlowNotFoundError(id, versionId);
          const { doc } = readStored(version.doc, 'This version of the flow');
          await snapshot(record, beforeRestoringNote(version.note), true);
          const revision = record.revision + 1;
          await db.flows.put({
            ...record,
            doc,
            name: doc.settings.name,
            revision,
            updatedAt: now(),
          });
          return { id, doc, revision };
        }),
      ),

    importFlow: (text, fileName) =>
      run(async (): Promise<ImportResult> => {
        const loaded = parseFlowJson(text);
        if (!loaded.ok) return { ok: false, fileName, diagnostics: loaded.diagnostics };
        const { doc, dropped } = dropDanglingConnections(loaded.doc);
        return db.transaction('rw', db.flows, async () => {
          const taken = (await db.flows.toArray()).map((r) => r.name);
          const name = uniqueName(doc.settings.name, taken, MAX_NAME_LENGTH);
          const flow = await insert(withName(doc, name));
          return {
            ok: true,
            flow,
            dropped,
            ...(name !== doc.settings.name && { renamedFrom: doc.settings.name }),
            ...(loaded.migratedFrom !== undefined && { migratedFrom: loaded.migratedFrom }),
          };
        });
      }),

    exportFlow: (id) =>
      run(async () => {
        const record = await getFlow(id);
        const { doc } = readStored(record.doc, `The flow "${record.name}"`);
        return {
          fileName: exportFileName(doc.settings.name),
          text: `${JSON.stringify(doc, null, 2)}\n`,
        };
      }),

    ensureExample: () =>
      run(async () => {
        if (await db.meta.get(EXAMPLE_SEEDED)) return null;
        // Loaded only on a first visit, so the example stays out of the first screen's bundle:
        // the runtime's file itself, not its index (which brings the call sessions and xstate).
        const { default: json } = await import('@callbot/runtime/examples/reception.flow.json');
        const { doc } = readStored(json, 'The reception example');
        return db.transaction('rw', db.flows, db.meta, async () => {
          // Another tab may have seeded it meanwhile.
          if (await db.meta.get(EXAMPLE_SEEDED)) return null;
          await db.meta.put({ key: EXAMPLE_SEEDED, value: true });
          return insert(doc, { isExample: true });
        });
      }),

    ...createTestCaseStore(db, now, run),

    onStorageError: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    close: () => db.close(),
  };
}
