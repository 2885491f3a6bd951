import { loadFlow, type FlowDocument, type WorkspaceEvent } from '@callbot/shared';
import type { DesignerDb, FlowRecord } from '../db.ts';
import { FlowNotFoundError, InvalidFlowError } from '../errors.ts';
import { foldForSearch, uniqueName } from '../names.ts';
import {
  beforeRestoringNote,
  createFlowRepository,
  type FlowRepository,
  type FlowSummary,
  type OpenedFlow,
  type VersionSummary,
} from '../repository.ts';
import {
  RemoteError,
  type Actor,
  type FlowRecordAnswer,
  type FlowVersionSummary,
  type WorkspaceApi,
} from './api.ts';
import type { Outbox } from './outbox.ts';
import { createRemoteTestCaseStore } from './testCases.ts';

/**
 * What a flow repository backed by a server adds: the outbox's state (for
 * "offline — N changes waiting" and conflicts), the user's way out of a
 * conflict, the others' changes and presence.
 */
export interface RemoteSync {
  readonly outbox: Outbox;
  /** Drops this browser's waiting saves of the flow; the editor then reopens it as the server has it. */
  reloadTheirs(flowId: string): Promise<void>;
  /**
   * Keeps this browser's version of the flow as a new flow named "<name> (copy)"
   * (sent to the server like any new flow), and the original as the server has it.
   * Answers the copy.
   */
  keepMineAsCopy(flowId: string): Promise<FlowSummary>;
  /** Someone else changed a flow (or the flows list): `flowId` null when it is the list as a whole. */
  onFlowChanged(listener: (flowId: string | null, by: Actor | null) => void): () => void;
  /** Who has the flow open (heartbeats while `watchPresence`'s stop is not called). */
  watchPresence(flowId: string, onEditors: (editors: Actor[]) => void): () => void;
  /**
   * Moves a browser-only workspace in: the parsed `callbot-workspace/1` file replaces the
   * workspace on the server (checked there whole); answers what it held. The flows are then
   * read again.
   */
  moveIn(file: unknown): Promise<Record<string, number>>;
  /** Passes on a server event (from the workspace's event stream). */
  receive(event: WorkspaceEvent): void;
  /** The signed-in user, left out of presence. */
  readonly selfId: string;
  readonly workspaceId: string;
  /** The address of the workspace's event stream. */
  readonly eventsUrl: string;
}

export interface RemoteFlowRepository extends FlowRepository {
  readonly sync: RemoteSync;
}

export interface RemoteFlowRepositoryOptions {
  api: WorkspaceApi;
  /** This workspace's cache: the flows as last read or saved, and what the editor saves locally. */
  cache: DesignerDb;
  outbox: Outbox;
  now: () => number;
  newId: () => string;
  selfId: string;
  /** Heartbeats of presence, every `heartbeatMs` (the contract's 10 s). */
  heartbeatMs?: number;
  scheduler?: { set(callback: () => void, ms: number): unknown; clear(handle: unknown): void };
}

const COPY_SUFFIX = ' (copy)';
const MAX_NAME_LENGTH = 120;

const isUnreachable = (error: unknown) =>
  error instanceof RemoteError && error.kind === 'unreachable';

/**
 * The flows of a workspace on a server, through this browser's IndexedDB:
 * every save is written to the cache at once (so the editor's undo history,
 * revision check and crash safety are today's) and queued in the outbox,
 * which sends it to the server with the revision it is based on. Reads come
 * from the server and refresh the cache; while the server is unreachable they
 * come from the cache. A flow with saves waiting is read from the cache (the
 * user's edits are newer than the server's copy).
 *
 * Test cases are the server's, cached here too (`testCases.ts`).
 */
export function createRemoteFlowRepository(
  options: RemoteFlowRepositoryOptions,
): RemoteFlowRepository {
  const { api, cache, outbox, now, newId, selfId, heartbeatMs = 10_000 } = options;
  const scheduler = options.scheduler ?? {
    set: (callback: () => void, ms: number) => globalThis.setTimeout(callback, ms),
    clear: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  const local = createFlowRepository({ db: cache, now, newId });
  const testCases = createRemoteTestCaseStore({ api, cache, outbox, local, newId });
  const changeListeners = new Set<(flowId: string | null, by: Actor | null) => void>();
  const presenceListeners = new Map<string, Set<(editors: Actor[]) => void>>();

  /**
   * Writes the server's copy of a flow into the cache, unless this browser's saves of it wait or
   * the copy is older than the revision this browser already has (a save accepted meanwhile).
   */
  async function cacheAnswer(answer: FlowRecordAnswer): Promise<void> {
    if ((await outbox.waitingFor(answer.id)) > 0) return;
    if (answer.revision < (await outbox.baseOf(answer.id))) return;
    const loaded = loadFlow(answer.doc);
    if (!loaded.ok) return;
    await cache.transaction('rw', cache.flows, async () => {
      const cached = await cache.flows.get(answer.id);
      const updatedAt = Date.parse(answer.updatedAt);
      const record: FlowRecord = {
        ...cached,
        id: answer.id,
        name: answer.name,
        doc: loaded.doc,
        // The cache counts its own revisions (the editor's check); it moves on when the server's copy changed.
        revision:
          cached && JSON.stringify(cached.doc) === JSON.stringify(loaded.doc)
            ? cached.revision
            : (cached?.revision ?? 0) + 1,
        createdAt: cached?.createdAt ?? updatedAt,
        updatedAt,
        isExample: answer.isExample,
        callbot: answer.callbot,
      };
      await cache.flows.put(record);
    });
    await outbox.setBase(answer.id, answer.revision);
  }

  /** The flow's current document from the cache, to queue after a local change. */
  async function queueCached(id: string): Promise<void> {
    const record = await cache.flows.get(id);
    if (!record) throw new FlowNotFoundError(id);
    await outbox.add(id, record.doc);
  }

  /**
   * Refreshes the cache from the server; false when the server is unreachable. A flow whose save
   * the server accepted while the list was on its way (its base moved) keeps this browser's copy:
   * the list is older.
   */
  async function refresh(): Promise<boolean> {
    const basesBefore = new Map<string, number>();
    for (const id of await cache.flows.toCollection().primaryKeys())
      basesBefore.set(id, await outbox.baseOf(id));
    const moved = async (id: string) => (await outbox.baseOf(id)) !== (basesBefore.get(id) ?? 0);
    let flows;
    try {
      flows = await api.listFlows();
    } catch (error) {
      if (isUnreachable(error)) return false;
      throw error;
    }
    const wanted: string[] = [];
    for (const flow of flows) {
      if ((await outbox.baseOf(flow.id)) !== flow.revision || !(await cache.flows.get(flow.id)))
        wanted.push(flow.id);
    }
    const answers = await Promise.all(wanted.map((id) => api.getFlow(id)));
    for (const answer of answers) if (!(await moved(answer.id))) await cacheAnswer(answer);
    // Flows deleted on the server: gone from the cache too, unless this browser's saves of them wait.
    const onServer = new Set(flows.map((f) => f.id));
    for (const id of await cache.flows.toCollection().primaryKeys()) {
      if (
        !onServer.has(id) &&
        (await outbox.waitingFor(id)) === 0 &&
        (await outbox.baseOf(id)) > 0 &&
        !(await moved(id))
      )
        await local.remove(id);
    }
    return true;
  }

  /** A new flow in the cache (made by `make`), queued for the server (base 0 creates it). */
  async function created(make: () => Promise<FlowSummary>): Promise<FlowSummary> {
    const flow = await make();
    await queueCached(flow.id);
    return flow;
  }

  async function openFresh(id: string): Promise<OpenedFlow> {
    if ((await outbox.waitingFor(id)) === 0) {
      try {
        await cacheAnswer(await api.getFlow(id));
      } catch (error) {
        if (error instanceof RemoteError && error.kind === 'notFound') {
          // Gone from the server (and nothing of it waits here): gone from the cache too.
          await local.remove(id);
          throw new FlowNotFoundError(id);
        }
        if (!isUnreachable(error)) throw error;
      }
    }
    return local.open(id);
  }

  const versionSummary = (v: FlowVersionSummary): VersionSummary => ({
    id: v.id,
    flowId: v.flowId,
    revision: v.revision,
    note: v.note,
    auto: v.auto,
    createdAt: Date.parse(v.createdAt),
    nodeCount: v.nodeCount,
  });

  const sync: RemoteSync = {
    outbox,
    selfId,
    workspaceId: api.workspaceId,
    eventsUrl: api.eventsUrl,
    async reloadTheirs(flowId) {
      const answer = await api.getFlow(flowId);
      await outbox.discard(flowId, answer.revision);
      await cacheAnswer(answer);
    },
    async keepMineAsCopy(flowId) {
      const mine = await cache.flows.get(flowId);
      if (!mine) throw new FlowNotFoundError(flowId);
      const taken = (await cache.flows.toArray()).map((r) => r.name);
      const name = uniqueName(
        `${mine.name.slice(0, MAX_NAME_LENGTH - COPY_SUFFIX.length).trimEnd()}${COPY_SUFFIX}`,
        taken,
        MAX_NAME_LENGTH,
      );
      const doc: FlowDocument = { ...mine.doc, settings: { ...mine.doc.settings, name } };
      const at = now();
      const copy: FlowRecord = {
        id: newId(),
        name,
        doc,
        revision: 1,
        createdAt: at,
        updatedAt: at,
      };
      await cache.flows.add(copy);
      await outbox.add(copy.id, doc);
      await sync.reloadTheirs(flowId);
      return {
        id: copy.id,
        name,
        nodeCount: doc.nodes.length,
        revision: 1,
        createdAt: at,
        updatedAt: at,
        isExample: false,
        callbot: false,
      };
    },
    async moveIn(file) {
      const counts = await api.importWorkspace(file);
      await refresh();
      return counts;
    },
    onFlowChanged(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    watchPresence(flowId, onEditors) {
      let stopped = false;
      let timer: unknown = null;
      const listeners = presenceListeners.get(flowId) ?? new Set();
      presenceListeners.set(flowId, listeners);
      listeners.add(onEditors);
      const beat = () => {
        api.beat(flowId).then(
          (editors) => !stopped && onEditors(editors.filter((e) => e.id !== selfId)),
          () => {},
        );
        timer = scheduler.set(beat, heartbeatMs);
      };
      beat();
      return () => {
        stopped = true;
        if (timer !== null) scheduler.clear(timer);
        listeners.delete(onEditors);
        void api.leave(flowId).catch(() => {});
      };
    },
    receive(event) {
      if (event.type === 'presence') {
        const others = event.editors.filter((e) => e.id !== selfId);
        for (const listener of presenceListeners.get(event.flowId) ?? []) listener(others);
        return;
      }
      // This page's own change, echoed by the stream, is not news (the user's other pages hear it).
      if (event.client === api.clientId) return;
      if (event.type === 'import') {
        for (const listener of [...changeListeners]) listener(null, event.by);
        return;
      }
      if (event.table === 'flows')
        for (const listener of [...changeListeners]) listener(event.id, event.by);
    },
  };

  const repository: RemoteFlowRepository = {
    ...local,
    sync,

    async list() {
      await refresh();
      return local.list();
    },

    async search(text) {
      const wanted = foldForSearch(text.trim());
      return (await repository.list()).filter((f) => foldForSearch(f.name).includes(wanted));
    },

    create: (name, options) => created(() => local.create(name, options)),

    open: openFresh,

    ...testCases,

    async save(id, doc, expectedRevision, history) {
      const revision = await local.save(id, doc, expectedRevision, history);
      await outbox.add(id, doc);
      return revision;
    },

    async rename(id, name) {
      const revision = await local.rename(id, name);
      await queueCached(id);
      return revision;
    },

    async duplicate(id) {
      await openFresh(id);
      return created(() => local.duplicate(id));
    },

    async remove(id) {
      if ((await outbox.baseOf(id)) > 0) await api.deleteFlow(id);
      await outbox.discard(id);
      await local.remove(id);
    },

    async saveVersion(id, note, { auto = false } = {}) {
      // The server snapshots the flow as it stores it: this browser's saves go first.
      const sent = await outbox.flush();
      const waiting = await outbox.waitingFor(id);
      if (sent.offline || waiting > 0) {
        if (auto) return local.saveVersion(id, note, { auto });
        throw new RemoteError(
          'unreachable',
          'The server is unreachable: a version is kept on the server, so save it once the server is back.',
        );
      }
      return versionSummary(await api.createVersion(id, note, auto));
    },

    async listVersions(id) {
      try {
        return (await api.listVersions(id)).map(versionSummary);
      } catch (error) {
        if (isUnreachable(error)) return local.listVersions(id);
        throw error;
      }
    },

    async openVersion(id, versionId) {
      let version;
      try {
        version = await api.getVersion(id, versionId);
      } catch (error) {
        if (isUnreachable(error)) return local.openVersion(id, versionId);
        if (error instanceof RemoteError && error.kind === 'notFound')
          throw new FlowNotFoundError(id, versionId);
        throw error;
      }
      const loaded = loadFlow(version.doc);
      if (!loaded.ok) throw new InvalidFlowError(loaded.diagnostics);
      return {
        ...versionSummary(version),
        doc: loaded.doc,
        ...(loaded.migratedFrom !== undefined && { migratedFrom: loaded.migratedFrom }),
      };
    },

    async restoreVersion(id, versionId, expectedRevision) {
      const version = await repository.openVersion(id, versionId);
      await repository.saveVersion(id, beforeRestoringNote(version.note), { auto: true });
      const revision = await repository.save(id, version.doc, expectedRevision);
      return { id, doc: version.doc, revision };
    },

    async importFlow(text, fileName) {
      const result = await local.importFlow(text, fileName);
      if (result.ok) await queueCached(result.flow.id);
      return result;
    },

    async exportFlow(id) {
      await openFresh(id);
      return local.exportFlow(id);
    },

    // The server seeds a new workspace with the example (`server/src/workspace/seed.ts`), not a browser.
    ensureExample: () => Promise.resolve(null),

    close() {
      outbox.dispose();
      local.close();
    },
  };
  return repository;
}
