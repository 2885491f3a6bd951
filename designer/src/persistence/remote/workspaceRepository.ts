import {
  checkWorkspaceFile,
  usageAnswerSchema,
  usagePath,
  type ChangeTable,
  type ServerWorkspaceSettings,
  type WorkspaceCollection,
  type WorkspaceEvent,
} from '@callbot/shared';
import type { Table } from 'dexie';
import type { DesignerDb } from '../db.ts';
import { createWorkspaceRepository, type WorkspaceRepository } from '../workspaceRepository.ts';
import { RemoteError, type WorkspaceApi } from './api.ts';
import { parseRecordKey, recordKey, TEST_CASES } from './keys.ts';
import type { Outbox } from './outbox.ts';

/** What the pages can do about the workspace's records on the server, beyond the repository. */
export interface RemoteWorkspaceSync {
  readonly outbox: Outbox;
  /** Drops this browser's waiting change of a record (its key) and takes the server's copy. */
  reload(key: string): Promise<void>;
  /** Sends this browser's change again on the server's copy: the fields it changed win. */
  keepMine(key: string): Promise<void>;
  /** What a record key names, as the cache has it: its collection and its name (or number). */
  describe(key: string): Promise<{ collection: string; name: string }>;
  /** The settings only a server workspace has: its name and the default callbot's language. */
  readServerSettings(): Promise<{
    name: string;
    defaultCallbotLanguage: ServerWorkspaceSettings['defaultCallbotLanguage'];
  }>;
  /** Renames the workspace (the owner's to do); at once, not through the outbox. */
  renameWorkspace(name: string): Promise<void>;
  /** Sets the language of the default callbot's prompts (through the outbox, with the settings). */
  saveCallbotLanguage(language: ServerWorkspaceSettings['defaultCallbotLanguage']): Promise<void>;
  /** Passes on a server event (from the workspace's event stream). */
  receive(event: WorkspaceEvent): void;
}

export interface RemoteWorkspaceRepository extends WorkspaceRepository {
  readonly sync: RemoteWorkspaceSync;
}

export interface RemoteWorkspaceRepositoryOptions {
  api: WorkspaceApi;
  /** The workspace's cache in this browser, shared with its flows. */
  cache: DesignerDb;
  /** The outbox of the workspace's flows, which carries the records' changes too. */
  outbox: Outbox;
  now: () => number;
  newId: () => string;
  /** Reads the flows from the server into the cache (the flows repository's `list`). */
  refreshFlows: () => Promise<unknown>;
}

const SETTINGS_KEY = 'workspace';
const SETTINGS = recordKey('settings');

const isUnreachable = (error: unknown) =>
  error instanceof RemoteError && error.kind === 'unreachable';

/** Tables of the cache by the API's collection; a permission is keyed by its number. */
function cacheTables(cache: DesignerDb): ReadonlyMap<WorkspaceCollection, Table> {
  return new Map<WorkspaceCollection, Table>([
    ['teams', cache.teams],
    ['schedules', cache.schedules],
    ['lines', cache.lines],
    ['customers', cache.customers],
    ['permissions', cache.permissions],
    ['attempts', cache.callAttempts],
    ['bots', cache.bots],
  ]);
}

const keyOf = (collection: WorkspaceCollection, record: unknown): string => {
  const value = (record as Record<string, unknown> | null)?.[
    collection === 'permissions' ? 'number' : 'id'
  ];
  return typeof value === 'string' ? value : '';
};

/**
 * The workspace's records on a server (teams, schedules, lines, customers,
 * permissions, call attempts, settings), through this browser's cache — the
 * same interface as the browser's own, so pages need nothing of their own.
 * Every change is made in the cache first by the browser's repository (its
 * rules and schemas, so the page answers at once, offline too) and queued in
 * the flows' outbox, which sends it in order on the revision this browser
 * last saw (see `createRecordSender`: a conflict waits for the user's
 * choice, nothing is overwritten). Reads come from the server and refresh
 * the cache, a record whose change waits excepted; while the server is
 * unreachable they come from the cache. Others' changes arrive as events and
 * the pages read again.
 */
export function createRemoteWorkspaceRepository(
  options: RemoteWorkspaceRepositoryOptions,
): RemoteWorkspaceRepository {
  const { api, cache, outbox, now, refreshFlows } = options;
  let lastId = '';
  const local = createWorkspaceRepository(cache, {
    now,
    newId: () => (lastId = options.newId()),
  });
  const tables = cacheTables(cache);
  const listeners = new Set<(changed?: ChangeTable) => void>();
  /** Tells the pages what changed (`undefined`: anything may have). */
  const notify = (changed?: ChangeTable) => {
    for (const listener of [...listeners]) listener(changed);
  };
  local.subscribe(() => notify());
  let serverExtra: Awaited<ReturnType<RemoteWorkspaceSync['readServerSettings']>> | null = null;
  const refreshing = new Map<string, Promise<void>>();

  /** Once at a time per collection: the pages ask together. */
  function once(name: string, work: () => Promise<void>): Promise<void> {
    let running = refreshing.get(name);
    if (!running) {
      running = work()
        .catch((error: unknown) => {
          if (!isUnreachable(error)) throw error;
        })
        .finally(() => refreshing.delete(name));
      refreshing.set(name, running);
    }
    return running;
  }

  const waiting = async (key: string) => (await outbox.waitingFor(key)) > 0;

  const turns = new Map<string, Promise<unknown>>();
  /**
   * One at a time per collection (or the settings): this browser's changes and the server's
   * copies written into the cache. Else a list read while a team is being created would
   * find it neither on the server nor waiting yet, and delete it.
   */
  function exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    const turn = (turns.get(name) ?? Promise.resolve()).catch(() => {}).then(work);
    turns.set(name, turn);
    const forget = () => {
      if (turns.get(name) === turn) turns.delete(name);
    };
    turn.then(forget, forget);
    return turn;
  }

  /**
   * The server's copy of a collection into the cache, except records whose change waits, and
   * records whose change the server accepted while the list was on its way (their base moved:
   * the list is older than this browser's copy).
   */
  const refresh = (collection: WorkspaceCollection) =>
    once(collection, async () => {
      const table = tables.get(collection)!;
      const baseOf = (id: string) => outbox.baseOf(recordKey(collection, id));
      const basesBefore = new Map<string, number>();
      for (const id of (await table.toCollection().primaryKeys()) as string[])
        basesBefore.set(id, await baseOf(id));
      const { records, revisions } = await api.listRecords(collection);
      await exclusive(collection, async () => {
        const revisionOf = new Map(revisions.map((r) => [r.id, r.revision]));
        const mine = async (id: string) =>
          (await waiting(recordKey(collection, id))) ||
          (await baseOf(id)) !== (basesBefore.get(id) ?? 0);
        const onServer = new Set<string>();
        for (const record of records) {
          const id = keyOf(collection, record);
          onServer.add(id);
          if (await mine(id)) continue;
          await table.put(record);
          await outbox.setBase(recordKey(collection, id), revisionOf.get(id) ?? 0);
        }
        for (const id of (await table.toCollection().primaryKeys()) as string[]) {
          if (!onServer.has(id) && !(await mine(id))) await table.delete(id);
        }
      });
    });

  const refreshSettings = () =>
    once('settings', async () => {
      const baseBefore = await outbox.baseOf(SETTINGS);
      const answer = await api.getSettings();
      const { defaultCallbotLanguage, ...settings } = answer.settings;
      await exclusive(SETTINGS, async () => {
        if ((await waiting(SETTINGS)) || (await outbox.baseOf(SETTINGS)) !== baseBefore) {
          // This browser's change of the settings is newer than the server's copy.
          serverExtra = {
            name: answer.name,
            defaultCallbotLanguage: serverExtra?.defaultCallbotLanguage ?? defaultCallbotLanguage,
          };
          return;
        }
        serverExtra = { name: answer.name, defaultCallbotLanguage };
        await cache.settings.put({ key: SETTINGS_KEY, value: settings });
        await outbox.setBase(SETTINGS, answer.revision);
      });
    });

  const refreshAll = async () => {
    await Promise.all([
      ...[...tables.keys()].map(refresh),
      refreshSettings(),
      refreshFlows().catch(() => {}),
    ]);
  };

  /** Runs a change in the cache and queues what it did to one record. */
  async function tracked<T>(
    collection: WorkspaceCollection,
    id: string | (() => string),
    change: () => Promise<T>,
  ): Promise<T> {
    const table = tables.get(collection)!;
    return exclusive(collection, async () => {
      const known = typeof id === 'string' ? id : null;
      const before: unknown = known === null ? null : ((await table.get(known)) ?? null);
      const result = await change();
      const key = known ?? (id as () => string)();
      const after: unknown = (await table.get(key)) ?? null;
      if (before !== after && JSON.stringify(before) !== JSON.stringify(after))
        await outbox.addRecord(recordKey(collection, key), { before, after });
      return result;
    });
  }

  /** The settings as this browser has them, with the callbot's language once the server told it. */
  async function settingsSnapshot(): Promise<unknown> {
    const value: unknown = (await cache.settings.get(SETTINGS_KEY))?.value ?? null;
    if (value === null || typeof value !== 'object' || !serverExtra) return value;
    return { ...value, defaultCallbotLanguage: serverExtra.defaultCallbotLanguage };
  }

  function trackedSettings<T>(change: () => Promise<T>): Promise<T> {
    return exclusive(SETTINGS, async () => {
      const before = await settingsSnapshot();
      const result = await change();
      const after = await settingsSnapshot();
      if (JSON.stringify(before) !== JSON.stringify(after))
        await outbox.addRecord(SETTINGS, { before, after });
      return result;
    });
  }

  const created = () => lastId;

  const sync: RemoteWorkspaceSync = {
    outbox,
    async reload(key) {
      const parsed = parseRecordKey(key);
      if (!parsed) return;
      if (parsed.collection === TEST_CASES) {
        // A test case the server refused: dropped; the flow's next list brings the server's.
        await outbox.discard(key);
        notify();
        return;
      }
      if (parsed.id === null) {
        const answer = await api.getSettings();
        await outbox.discard(key, answer.revision);
        await refreshSettings();
      } else {
        const collection = parsed.collection as WorkspaceCollection;
        // Refused (not in conflict) on revision 0: the server never had it, nothing to ask.
        const neverSent =
          (await outbox.baseOf(key)) === 0 && outbox.state.refused.some((r) => r.flowId === key);
        const server = neverSent
          ? null
          : await api.getRecord(collection, parsed.id).catch((error: unknown) => {
              if (error instanceof RemoteError && error.kind === 'notFound') return null;
              throw error;
            });
        const table = tables.get(collection)!;
        await exclusive(collection, async () => {
          await outbox.discard(key, server?.revision ?? 0);
          if (server) await table.put(server.record);
          else await table.delete(parsed.id!);
        });
      }
      notify();
    },
    keepMine: (key) => outbox.retry(key),
    async describe(key) {
      const parsed = parseRecordKey(key);
      if (!parsed || parsed.id === null) return { collection: 'settings', name: '' };
      if (parsed.collection === TEST_CASES) {
        const test = await cache.testCases.filter((t) => t.serverId === parsed.id).first();
        return { collection: TEST_CASES, name: test?.name ?? '' };
      }
      const table = tables.get(parsed.collection as WorkspaceCollection);
      const record = (await table?.get(parsed.id)) as Record<string, unknown> | undefined;
      const name = record?.name ?? record?.number ?? parsed.id;
      return { collection: parsed.collection, name: typeof name === 'string' ? name : parsed.id };
    },
    async readServerSettings() {
      await refreshSettings();
      if (!serverExtra) throw new RemoteError('unreachable', 'The server did not answer.');
      return serverExtra;
    },
    async renameWorkspace(name) {
      await api.renameWorkspace(name);
      serverExtra = serverExtra && { ...serverExtra, name };
      notify();
    },
    async saveCallbotLanguage(language) {
      if (!serverExtra) throw new RemoteError('unreachable', 'The server did not answer.');
      const current = serverExtra;
      await trackedSettings(() => {
        serverExtra = { ...current, defaultCallbotLanguage: language };
        return Promise.resolve();
      });
      notify();
    },
    receive(event) {
      // Presence is the flows'; this page's own change, echoed by the stream, is not news.
      if (event.type === 'presence' || event.client === api.clientId) return;
      if (event.type === 'import') return notify();
      if (event.table === 'versions' || event.table === 'tests') return;
      // Only the pages reading what changed read again.
      notify(event.table);
    },
  };

  const readThen =
    <A extends unknown[], T>(
      refreshFirst: () => Promise<unknown>,
      read: (...args: A) => Promise<T>,
    ) =>
    async (...args: A) => {
      await refreshFirst();
      return read(...args);
    };

  return {
    sync,
    readSettings: readThen(refreshSettings, () => local.readSettings()),
    updateSettings: (patch) => trackedSettings(() => local.updateSettings(patch)),
    listTeams: readThen(
      () => refresh('teams'),
      () => local.listTeams(),
    ),
    createTeam: (team) => tracked('teams', created, () => local.createTeam(team)),
    updateTeam: (id, patch) => tracked('teams', id, () => local.updateTeam(id, patch)),
    setDefaultTeam: (id) => tracked('teams', id, () => local.setDefaultTeam(id)),
    deleteTeam: (id) => tracked('teams', id, () => local.deleteTeam(id)),
    listSchedules: readThen(
      () => refresh('schedules'),
      () => local.listSchedules(),
    ),
    createSchedule: (schedule) =>
      tracked('schedules', created, () => local.createSchedule(schedule)),
    // The server refreshes the flows' copies of the hours itself; the cache's are refreshed here.
    saveSchedule: (schedule) =>
      tracked('schedules', schedule.id, () => local.saveSchedule(schedule)),
    deleteSchedule: (id) => tracked('schedules', id, () => local.deleteSchedule(id)),
    listFlows: readThen(refreshFlows, () => local.listFlows()),
    async setCallbot(flowId, callbot) {
      await local.setCallbot(flowId, callbot);
      const record = await cache.flows.get(flowId);
      if (record) await outbox.add(flowId, record.doc, callbot);
    },
    listLines: readThen(
      () => refresh('lines'),
      () => local.listLines(),
    ),
    putLine: (line) => tracked('lines', line.id, () => local.putLine(line)),
    deleteLine: (id) => tracked('lines', id, () => local.deleteLine(id)),
    listCustomers: readThen(
      () => refresh('customers'),
      () => local.listCustomers(),
    ),
    putCustomer: (customer) => tracked('customers', customer.id, () => local.putCustomer(customer)),
    deleteCustomer: (id) => tracked('customers', id, () => local.deleteCustomer(id)),
    listPermissions: readThen(
      () => refresh('permissions'),
      () => local.listPermissions(),
    ),
    putPermission: (permission) =>
      tracked('permissions', permission.number, () => local.putPermission(permission)),
    listCallAttempts: readThen(
      () => refresh('attempts'),
      (number?: string) => local.listCallAttempts(number),
    ),
    addCallAttempt: (attempt) =>
      tracked('attempts', attempt.id, () => local.addCallAttempt(attempt)),
    // The server counts its call records; while it is unreachable, the cache's attempts.
    monthToDate: (query) =>
      api
        .request(usageAnswerSchema, 'GET', usagePath(query))
        .then(({ calls, minutes }) => ({ calls, minutes }))
        .catch((error: unknown) => {
          if (isUnreachable(error)) return local.monthToDate(query);
          throw error;
        }),
    listBots: readThen(
      () => refresh('bots'),
      () => local.listBots(),
    ),
    createBot: (bot) => tracked('bots', created, () => local.createBot(bot)),
    // The server renames the bot in the flows that name it; the cache's copies come with the events.
    renameBot: (id, name) => tracked('bots', id, () => local.renameBot(id, name)),
    deleteBot: (id) => tracked('bots', id, () => local.deleteBot(id)),
    exportWorkspace: readThen(refreshAll, () => local.exportWorkspace()),
    async importWorkspace(text) {
      const checked = checkWorkspaceFile(text);
      if (!checked.ok) return checked;
      await api.importWorkspace(JSON.parse(text));
      await refreshAll();
      notify();
      return checked;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
