// Test helpers for the server-backed repositories: an in-process stand-in of
// the workspace API's flow routes, and a scheduler that runs when told.
// Imported by tests only, never by the app.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
  collectionKey,
  sameName,
  serverWorkspaceSettingsSchema,
  workspaceCollections,
  type CallsTurnedOff,
  type FlowDocument,
  type PriceTable,
  type ServerWorkspaceSettings,
  type WorkspaceCollection,
} from '@callbot/shared';
import { DesignerDb } from '../db.ts';
import {
  RemoteError,
  type Actor,
  type FlowRecordAnswer,
  type TestCase,
  type WorkspaceApi,
} from './api.ts';
import { createOutbox, OutboxDb, type Scheduler } from './outbox.ts';
import { createRemoteFlowRepository } from './flowRepository.ts';
import { createRecordSender } from './recordSync.ts';
import { createRemoteWorkspaceRepository } from './workspaceRepository.ts';

interface StoredRecord {
  record: unknown;
  revision: number;
  updatedAt: string;
  updatedBy: Actor;
}

const nodesOf = (doc: unknown) => (doc as FlowDocument).nodes.length;

interface StoredFlow {
  doc: unknown;
  revision: number;
  updatedAt: string;
  updatedBy: Actor;
}

/**
 * The workspace API's flows, versions and presence, in memory, as the server
 * answers them (revision check and 409 with who and when). `online = false`
 * makes every call fail as a stopped server does.
 */
export class FakeWorkspaceServer {
  online = true;
  /** Refuses (422, with this message) a document it returns a message for. */
  refuse: (doc: FlowDocument) => string | null = () => null;
  /** The lines whose calls a save of this document turns off (R2), as the server's answer says. */
  turnsCallsOff: (doc: FlowDocument) => CallsTurnedOff[] = () => [];
  /** Runs before a read's answer leaves (a list, or a flow), already read: a test holds it there. */
  beforeReadAnswer: () => Promise<void> = () => Promise.resolve();
  readonly flows = new Map<string, StoredFlow>();
  /** The workspace's records by collection, then key. */
  readonly records = new Map<WorkspaceCollection, Map<string, StoredRecord>>(
    Object.keys(workspaceCollections).map((c) => [c as WorkspaceCollection, new Map()]),
  );
  settings: StoredRecord & { record: ServerWorkspaceSettings } = {
    record: { timeZone: 'America/Sao_Paulo', country: 'BR', defaultCallbotLanguage: 'pt-BR' },
    revision: 0,
    updatedAt: '2026-12-07T15:00:00.000Z',
    updatedBy: { id: 'nobody', name: 'nobody' },
  };
  workspaceName = 'Loja';
  /** What `GET /usage/:channel/:direction/:country` answers (R21), by the path after the workspace. */
  readonly usage = new Map<string, unknown>();
  /** The paths of the other routes asked through `request`, in order. */
  readonly requests: string[] = [];
  /** Every record read, in order, answered or not: `GET teams/t1`. */
  readonly reads: string[] = [];
  /** Every accepted record write, in order: `PUT teams/t1`, `DELETE lines/l1`, `PUT settings`... */
  readonly writes: string[] = [];
  /** Test cases by flow id, then by test id. */
  readonly tests = new Map<string, Map<string, TestCase>>();
  /** Every accepted save, in order: flow id and the document's name. */
  readonly saves: { id: string; name: string; baseRevision: number }[] = [];
  private clock = Date.parse('2026-12-07T15:00:00Z');
  private versions: {
    id: number;
    flowId: string;
    revision: number;
    note: string;
    auto: boolean;
    doc: unknown;
    createdAt: string;
  }[] = [];

  /** Another person's save, straight into the store. */
  saveAs(actor: Actor, id: string, doc: FlowDocument): number {
    const stored = this.flows.get(id);
    const revision = (stored?.revision ?? 0) + 1;
    this.flows.set(id, { doc, revision, updatedAt: this.tick(), updatedBy: actor });
    return revision;
  }

  /** Another person's record write, straight into the store. */
  putAs(actor: Actor, collection: WorkspaceCollection, record: unknown): number {
    const key = String((record as Record<string, unknown>)[collectionKey(collection)]);
    const records = this.records.get(collection)!;
    const revision = (records.get(key)?.revision ?? 0) + 1;
    records.set(key, {
      record: structuredClone(record),
      revision,
      updatedAt: this.tick(),
      updatedBy: actor,
    });
    return revision;
  }

  /** Refuses a write whose base is not the stored revision, as the server does (409 or 404). */
  private checkBase(stored: StoredRecord | undefined, base: number, what: string) {
    const revision = stored?.revision ?? 0;
    if (revision === base) return;
    if (!stored) throw new RemoteError('notFound', `${what} was deleted.`, 404);
    throw new RemoteError('conflict', `${stored.updatedBy.name} changed ${what}.`, 409, {
      error: 'revision_conflict',
      message: `${stored.updatedBy.name} changed ${what}.`,
      revision,
      updatedBy: { name: stored.updatedBy.name },
      updatedAt: stored.updatedAt,
    });
  }

  private recordApi(actor: Actor) {
    const put = (collection: WorkspaceCollection, id: string, record: unknown, base: number) => {
      const records = this.records.get(collection)!;
      this.checkBase(records.get(id), base, collection);
      const parsed = workspaceCollections[collection].safeParse(record);
      if (!parsed.success) throw new RemoteError('invalid', parsed.error.message, 422);
      if (collection === 'lines') {
        const stored = records.get(id)?.record as { callbotId?: string } | undefined;
        if ((parsed.data as { callbotId?: string }).callbotId !== stored?.callbotId)
          throw new RemoteError('invalid', 'callbotId: changed through its own route', 422);
      }
      // Flows name teams, bots and schedules: a name another one has is refused (409 `name_taken`).
      if (collection === 'teams' || collection === 'bots' || collection === 'schedules') {
        const { name } = parsed.data as { name: string };
        for (const [key, other] of records) {
          const existing = other.record as { id: string; name: string };
          if (key !== id && sameName(existing.name, name))
            throw new RemoteError(
              'conflict',
              `${collection}: name: "${name}" is the same name as "${existing.name}" (${key}), which already exists.`,
              409,
              undefined,
              undefined,
              { id: key, name: existing.name },
            );
        }
      }
      // One customer per number (409 `number_taken`).
      if (collection === 'customers') {
        const { number } = parsed.data as { number: string };
        for (const [key, other] of records) {
          const existing = other.record as { number: string; name?: string };
          if (key !== id && existing.number === number)
            throw new RemoteError(
              'conflict',
              `The customer: number: ${number} is already the number of the customer (${key}).`,
              409,
              undefined,
              undefined,
              { id: key, name: existing.name ?? number },
              'number',
            );
        }
      }
      if (collection === 'teams' && (parsed.data as unknown as { isDefault: boolean }).isDefault) {
        for (const [key, other] of records) {
          const team = other.record as { isDefault: boolean };
          if (key !== id && team.isDefault)
            this.putAs(actor, 'teams', { ...team, isDefault: false });
        }
      }
      this.writes.push(`PUT ${collection}/${id}`);
      return this.putAs(actor, collection, parsed.data);
    };
    const assign = (id: string, callbotId: string | undefined) => {
      const stored = this.records.get('lines')!.get(id);
      if (!stored) throw new RemoteError('notFound', 'no line', 404);
      const { callbotId: _old, ...line } = stored.record as { callbotId?: string };
      this.writes.push(`${callbotId === undefined ? 'DELETE' : 'PUT'} lines/${id}/callbot`);
      this.putAs(actor, 'lines', callbotId === undefined ? line : { ...line, callbotId });
      return Promise.resolve();
    };
    return {
      listRecords: async (collection: WorkspaceCollection) => {
        await this.reachable();
        const records = [...this.records.get(collection)!.entries()];
        await this.beforeReadAnswer();
        return {
          records: records.map(([, r]) => structuredClone(r.record)),
          revisions: records.map(([id, r]) => ({ id, revision: r.revision })),
        };
      },
      getRecord: async (collection: WorkspaceCollection, id: string) => {
        await this.reachable();
        this.reads.push(`GET ${collection}/${id}`);
        const stored = this.records.get(collection)!.get(id);
        if (!stored) throw new RemoteError('notFound', 'No such record.', 404);
        return { record: structuredClone(stored.record), revision: stored.revision };
      },
      putRecord: async (
        collection: WorkspaceCollection,
        id: string,
        record: unknown,
        base: number,
      ) => {
        await this.reachable();
        return put(collection, id, record, base);
      },
      deleteRecord: async (collection: WorkspaceCollection, id: string, base: number) => {
        await this.reachable();
        const records = this.records.get(collection)!;
        this.checkBase(records.get(id), base, collection);
        this.writes.push(`DELETE ${collection}/${id}`);
        records.delete(id);
      },
      assignLine: async (id: string, callbotId: string) => {
        await this.reachable();
        return assign(id, callbotId);
      },
      unassignLine: async (id: string) => {
        await this.reachable();
        return assign(id, undefined);
      },
      getSettings: async () => {
        await this.reachable();
        const { record, revision } = this.settings;
        return { settings: structuredClone(record), revision, name: this.workspaceName };
      },
      putSettings: async (settings: ServerWorkspaceSettings, base: number) => {
        await this.reachable();
        this.checkBase(this.settings, base, 'the settings');
        this.writes.push('PUT settings');
        this.settings = {
          record: serverWorkspaceSettingsSchema.parse(settings),
          revision: this.settings.revision + 1,
          updatedAt: this.tick(),
          updatedBy: actor,
        };
        return this.settings.revision;
      },
      putPrices: async (priceTable: PriceTable | null, base: number) => {
        await this.reachable();
        this.checkBase(this.settings, base, 'the settings');
        this.writes.push('PUT prices');
        const { priceTable: _old, ...rest } = this.settings.record;
        this.settings = {
          record: priceTable === null ? rest : { ...rest, priceTable },
          revision: this.settings.revision + 1,
          updatedAt: this.tick(),
          updatedBy: actor,
        };
        return this.settings.revision;
      },
      renameWorkspace: async (name: string) => {
        await this.reachable();
        this.workspaceName = name;
      },
    };
  }

  private tick() {
    this.clock += 60_000;
    return new Date(this.clock).toISOString();
  }

  private answer(id: string): FlowRecordAnswer {
    const stored = this.flows.get(id);
    if (!stored) throw new RemoteError('notFound', 'This flow is not in this workspace.', 404);
    const doc = structuredClone(stored.doc) as FlowDocument;
    return {
      id,
      name: doc.settings.name,
      revision: stored.revision,
      callbot: false,
      isExample: false,
      updatedAt: stored.updatedAt,
      updatedBy: stored.updatedBy,
      nodeCount: doc.nodes.length,
      doc,
    };
  }

  private reachable() {
    if (!this.online)
      throw new RemoteError('unreachable', 'The server did not answer (fetch failed).');
    return Promise.resolve();
  }

  /** The API as one page of `actor` calls it (`clientId`: the page). */
  api(actor: Actor, clientId = `${actor.id}-page`): WorkspaceApi {
    return {
      workspaceId: 'ws-1',
      eventsUrl: '/api/workspaces/ws-1/events',
      clientId,
      // Of the other routes, only the usage is played by this fake.
      request: async (schema, method, path) => {
        await this.reachable();
        this.requests.push(`${method} ${path}`);
        if (method === 'GET' && this.usage.has(path)) return schema.parse(this.usage.get(path));
        throw new RemoteError('notFound', 'Not played by the fake.', 404);
      },
      listFlows: async () => {
        await this.reachable();
        const flows = [...this.flows.keys()].map((id) => {
          const { doc: _doc, ...summary } = this.answer(id);
          return summary;
        });
        await this.beforeReadAnswer();
        return flows;
      },
      getFlow: async (id) => {
        await this.reachable();
        const answer = this.answer(id);
        await this.beforeReadAnswer();
        return answer;
      },
      saveFlow: async (id, doc, baseRevision, _callbot) => {
        await this.reachable();
        const refusal = this.refuse(doc as FlowDocument);
        if (refusal !== null) throw new RemoteError('invalid', refusal, 422);
        const stored = this.flows.get(id);
        if ((stored?.revision ?? 0) !== baseRevision) {
          throw new RemoteError('conflict', 'revision conflict', 409, {
            error: 'revision_conflict',
            message: `${stored!.updatedBy.name} saved this flow.`,
            revision: stored!.revision,
            updatedBy: { name: stored!.updatedBy.name },
            updatedAt: stored!.updatedAt,
          });
        }
        this.saveAs(actor, id, structuredClone(doc) as FlowDocument);
        this.saves.push({ id, name: (doc as FlowDocument).settings.name, baseRevision });
        // As the server does: the summary, without the document, and what the save turned off.
        const { doc: _doc, ...summary } = this.answer(id);
        const off = this.turnsCallsOff(doc as FlowDocument);
        return off.length > 0 ? { ...summary, callsTurnedOff: off } : summary;
      },
      deleteFlow: async (id) => {
        await this.reachable();
        this.flows.delete(id);
      },
      listVersions: async (flowId) => {
        await this.reachable();
        return this.versions
          .filter((v) => v.flowId === flowId)
          .map(({ doc, ...v }) => ({ ...v, createdBy: actor, nodeCount: nodesOf(doc) }));
      },
      createVersion: async (flowId, note, auto) => {
        await this.reachable();
        const stored = this.flows.get(flowId);
        if (!stored) throw new RemoteError('notFound', 'no flow', 404);
        const version = {
          id: this.versions.length + 1,
          flowId,
          revision: stored.revision,
          note,
          auto,
          doc: stored.doc,
          createdAt: this.tick(),
        };
        this.versions.push(version);
        const { doc, ...summary } = version;
        return { ...summary, createdBy: actor, nodeCount: nodesOf(doc) };
      },
      getVersion: async (flowId, versionId) => {
        await this.reachable();
        const version = this.versions.find((v) => v.flowId === flowId && v.id === versionId);
        if (!version) throw new RemoteError('notFound', 'no version', 404);
        return { ...version, createdBy: actor, nodeCount: nodesOf(version.doc) };
      },
      listTests: async (flowId) => {
        await this.reachable();
        if (!this.flows.has(flowId)) throw new RemoteError('notFound', 'no flow', 404);
        const tests = [...(this.tests.get(flowId)?.values() ?? [])].map((t) => structuredClone(t));
        await this.beforeReadAnswer();
        return tests;
      },
      putTest: async (flowId, testId, test) => {
        await this.reachable();
        if (!this.flows.has(flowId)) throw new RemoteError('notFound', 'no flow', 404);
        const tests = this.tests.get(flowId) ?? new Map<string, TestCase>();
        this.tests.set(flowId, tests);
        const clash = [...tests.values()].some(
          (t) => t.id !== testId && t.name.toLowerCase() === test.name.toLowerCase(),
        );
        if (clash) throw new RemoteError('conflict', `This flow already has "${test.name}".`, 409);
        const stored: TestCase = {
          ...structuredClone(test),
          id: testId,
          flowId,
          updatedAt: this.tick(),
          updatedBy: actor,
        };
        tests.set(testId, stored);
        return structuredClone(stored);
      },
      deleteTest: async (flowId, testId) => {
        await this.reachable();
        if (!this.tests.get(flowId)?.delete(testId))
          throw new RemoteError('notFound', 'no test case', 404);
      },
      importWorkspace: async () => {
        await this.reachable();
        throw new RemoteError('forbidden', 'Not in the fake server.', 403);
      },
      beat: async () => {
        await this.reachable();
        return [actor];
      },
      leave: () => this.reachable(),
      ...this.recordApi(actor),
    };
  }
}

/** Timers that run only when `runNext` says so, in the order they are due. */
export function createManualScheduler(): Scheduler & {
  pending(): number[];
  runNext(): void;
} {
  let ids = 0;
  const timers = new Map<number, { callback: () => void; ms: number }>();
  return {
    set(callback, ms) {
      timers.set(++ids, { callback, ms });
      return ids;
    },
    clear(handle) {
      timers.delete(handle as number);
    },
    pending: () => [...timers.values()].map((t) => t.ms),
    runNext() {
      const [id, timer] = [...timers.entries()].sort((a, b) => a[1].ms - b[1].ms)[0] ?? [];
      if (id === undefined || !timer) throw new Error('No timer is waiting.');
      timers.delete(id);
      timer.callback();
    },
  };
}

let pages = 0;

/**
 * One browser of a user on the fake server: its IndexedDB (pass the same
 * `indexedDB` again to "reload" the page), the outbox and the repository.
 */
export function openBrowser(
  server: FakeWorkspaceServer,
  actor: Actor,
  indexedDB: IDBFactory = new IDBFactory(),
) {
  const scheduler = createManualScheduler();
  const api = server.api(actor, `${actor.id}-page-${++pages}`);
  let ids = 0;
  const cache = new DesignerDb({ name: 'callbot-ws-1', indexedDB, IDBKeyRange });
  const outbox = createOutbox({
    db: new OutboxDb('ws-1', { indexedDB, IDBKeyRange }),
    send: (id, doc, base, callbot) => api.saveFlow(id, doc, base, callbot),
    sendRecord: createRecordSender(api),
    now: () => 0,
    scheduler,
  });
  const repo = createRemoteFlowRepository({
    api,
    cache,
    outbox,
    now: () => Date.parse('2026-12-07T15:00:00Z'),
    newId: () => `${actor.id}-flow-${++ids}`,
    selfId: actor.id,
    scheduler,
  });
  const workspace = createRemoteWorkspaceRepository({
    api,
    cache,
    outbox,
    now: () => Date.parse('2026-12-07T15:00:00Z'),
    newId: () => `${actor.id}-record-${++ids}`,
    refreshFlows: () => repo.list(),
  });
  return { repo, workspace, outbox, scheduler, indexedDB, clientId: api.clientId };
}
