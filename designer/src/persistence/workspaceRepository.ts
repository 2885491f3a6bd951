import type { Table } from 'dexie';
import type { z } from 'zod';
import {
  applyNamedSchedule,
  botSchema,
  callAttemptSchema,
  canDeleteLine,
  callPermissionSchema,
  countryOfNumber,
  customerSchema,
  lineSchema,
  loadFlow,
  monthToDate,
  namedScheduleSchema,
  renameBotInFlow,
  renameTeamInFlow,
  teamSchema,
  workspaceSettingsSchema,
  type Bot,
  type CallAttempt,
  type CallPermission,
  type ChangeTable,
  type Customer,
  type FlowDocument,
  type Line,
  type MonthToDate,
  type NamedSchedule,
  type Team,
  type UsageQuery,
  type WorkspaceSettings,
  sameName,
} from '@callbot/shared';
import type { DesignerDb } from './db.ts';
import { type FlowRecord } from './db.ts';
import { toStorageError } from './errors.ts';
import { fieldProblems, WorkspaceRefusal, type FieldProblem } from './workspaceErrors.ts';
import {
  checkWorkspaceFile,
  exportWorkspace,
  replaceWorkspace,
  type CheckedWorkspaceFile,
  type ExportedWorkspace,
} from './workspaceFile.ts';

/** The workspace's tables, as broken records name them. */
export type WorkspaceTable =
  | 'settings'
  | 'teams'
  | 'bots'
  | 'schedules'
  | 'lines'
  | 'customers'
  | 'permissions'
  | 'callAttempts';

/** A stored record that does not read through its schema: shown, never crashing the page. */
export interface BrokenRecord {
  table: WorkspaceTable;
  /** Its id (a permission's number; `workspace` for the settings). */
  key: string;
  problems: FieldProblem[];
}

/** Records read back through their schema, and those that did not read. */
export interface Listed<T> {
  items: T[];
  broken: BrokenRecord[];
}

/** A flow as the workspace sees it: a callbot or not, and the named schedules it uses. */
export interface WorkspaceFlow {
  id: string;
  name: string;
  callbot: boolean;
  revision: number;
  /** The ids of the named schedules its schedule nodes reference. */
  scheduleIds: string[];
}

/** A flow whose copy of a named schedule's hours was refreshed, at its new revision. */
export interface RefreshedFlow {
  id: string;
  name: string;
  revision: number;
}

export interface WorkspaceRepositoryOptions {
  /** Epoch ms, e.g. `Date.now`. */
  now: () => number;
  /** A fresh id, e.g. `() => crypto.randomUUID()`. */
  newId: () => string;
  /**
   * Told of every flow this repository rewrote (a named schedule's hours
   * refreshed), so an editor open in another tab learns its copy is old:
   * the app announces it on the tabs channel (`announceFlowSaved`).
   */
  onFlowSaved?: (flowId: string, revision: number) => void;
}

/** The settings of a workspace nobody has configured yet. */
export const defaultWorkspaceSettings: WorkspaceSettings = {
  timeZone: 'America/Sao_Paulo',
  country: 'BR',
};

const SETTINGS_KEY = 'workspace';

/** What a stored flow document says of the named schedules it uses, without trusting it. */
function referencedScheduleIds(doc: unknown): string[] {
  const nodes: unknown =
    doc !== null && typeof doc === 'object' && 'nodes' in doc ? doc.nodes : undefined;
  if (!Array.isArray(nodes)) return [];
  const ids = new Set<string>();
  for (const node of nodes as unknown[]) {
    if (node === null || typeof node !== 'object') continue;
    const { kind, data } = node as { kind?: unknown; data?: unknown };
    if (kind !== 'schedule' || data === null || typeof data !== 'object') continue;
    const id = (data as { scheduleId?: unknown }).scheduleId;
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}

const describeFlow = (record: FlowRecord): WorkspaceFlow => ({
  id: record.id,
  name: record.name,
  callbot: record.callbot === true,
  revision: record.revision,
  scheduleIds: referencedScheduleIds(record.doc),
});

/** Reads every record of a table through its schema; the broken ones are reported apart. */
function readAll<S extends z.ZodType>(
  table: WorkspaceTable,
  records: readonly unknown[],
  schema: S,
  keyOf: (record: unknown) => string,
): Listed<z.output<S>> {
  const items: z.output<S>[] = [];
  const broken: BrokenRecord[] = [];
  for (const record of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) items.push(parsed.data);
    else broken.push({ table, key: keyOf(record), problems: fieldProblems(parsed.error) });
  }
  return { items, broken };
}

const keyField =
  (field: string) =>
  (record: unknown): string => {
    const value =
      record !== null && typeof record === 'object'
        ? (record as Record<string, unknown>)[field]
        : undefined;
    return typeof value === 'string' ? value : '?';
  };

/** Checks a record by its schema, or refuses it with which field and why. */
function check<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = fieldProblems(parsed.error);
  throw new WorkspaceRefusal(
    'invalid',
    `${what} cannot be saved: ${problems.map((p) => `${p.path || what}: ${p.message}`).join('; ')}.`,
    { problems },
  );
}

const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

export interface WorkspaceRepository {
  /** The settings, or the defaults when none are stored (or the stored ones are broken, then reported). */
  readSettings(): Promise<{ settings: WorkspaceSettings; broken: BrokenRecord[] }>;
  /** Changes some settings (`undefined` removes one); the whole is checked by its schema. Returns what was stored. */
  updateSettings(patch: Partial<WorkspaceSettings>): Promise<WorkspaceSettings>;

  /** Teams by name; exactly one is the default when any exist. */
  listTeams(): Promise<Listed<Team>>;
  /** A new team; the first one becomes the default. */
  createTeam(team: { name: string; agents: number }): Promise<Team>;
  /**
   * Renames a team or sets its agents available. A rename is followed by the
   * transfer nodes of every flow that named the team (one transaction).
   */
  updateTeam(id: string, patch: { name?: string; agents?: number }): Promise<Team>;
  /** Makes this team the default one (and no other). */
  setDefaultTeam(id: string): Promise<void>;
  /**
   * Deletes a team. The default team is refused while other teams exist
   * (`team.defaultWithOthers`): choose another default first.
   */
  deleteTeam(id: string): Promise<void>;

  /** The bots fallback-bot nodes hand calls to, by name. */
  listBots(): Promise<Listed<Bot>>;
  createBot(bot: { name: string }): Promise<Bot>;
  /** Renames a bot; the fallback-bot nodes of every flow that named it follow (one transaction). */
  renameBot(id: string, name: string): Promise<Bot>;
  deleteBot(id: string): Promise<void>;

  /** Named schedules by name. */
  listSchedules(): Promise<Listed<NamedSchedule>>;
  /** A new named schedule (weekdays 09:00-18:00 unless given). */
  createSchedule(schedule: Omit<NamedSchedule, 'id'>): Promise<NamedSchedule>;
  /**
   * Saves a named schedule and refreshes its copy in every flow that uses it,
   * in one transaction, bumping each such flow's revision.
   */
  saveSchedule(schedule: NamedSchedule): Promise<RefreshedFlow[]>;
  /** Deletes a named schedule; refused while flows use it (`schedule.inUse`, naming them). */
  deleteSchedule(id: string): Promise<void>;

  /** Every flow, by name, as the workspace sees it (callbot mark, schedules used). */
  listFlows(): Promise<WorkspaceFlow[]>;
  /**
   * Marks a flow as a callbot or not. Unmarking it unassigns it from its
   * lines, which the default callbot then answers (R9).
   */
  setCallbot(flowId: string, callbot: boolean): Promise<void>;

  listLines(): Promise<Listed<Line>>;
  /** Adds or replaces a line, checked by its schema. */
  putLine(line: Line): Promise<Line>;
  /** Deletes a line; refused by R7 while its purchase is requested or in process. */
  deleteLine(id: string): Promise<void>;

  listCustomers(): Promise<Listed<Customer>>;
  putCustomer(customer: Customer): Promise<Customer>;
  /** Deletes a customer with its number's permission and call attempts. */
  deleteCustomer(id: string): Promise<void>;
  listPermissions(): Promise<Listed<CallPermission>>;
  putPermission(permission: CallPermission): Promise<CallPermission>;
  /** The call attempts, oldest first; of one number when given. */
  listCallAttempts(number?: string): Promise<Listed<CallAttempt>>;
  addCallAttempt(attempt: CallAttempt): Promise<CallAttempt>;
  /**
   * R21: the month's calls so far at one price (country, channel, direction)
   * and their billed minutes, the month counted in the workspace's time zone;
   * what volume tiers are counted in. Here, in the browser: the WhatsApp calls
   * the business placed (the call attempts; an attempt has no minutes); the
   * server counts its call records.
   */
  monthToDate(query: UsageQuery): Promise<MonthToDate>;

  /** The whole workspace as one file (`callbot-workspace/1`), records that do not read left out and listed. */
  exportWorkspace(): Promise<ExportedWorkspace>;
  /**
   * Replaces the whole workspace with the file's (see `replaceWorkspace`)
   * when everything in it reads; otherwise changes nothing and returns the
   * problems (which record, which field, why). Check it first with
   * `checkWorkspaceFile` to confirm with the user.
   */
  importWorkspace(text: string): Promise<CheckedWorkspaceFile>;

  /**
   * Calls `listener` after every change this repository writes, or hears of:
   * with the table that changed when it is one (a server's event), so a page
   * reads again only what it shows; `undefined` when anything may have.
   * Returns the unsubscribe.
   */
  subscribe(listener: (changed?: ChangeTable) => void): () => void;
}

/**
 * The workspace's local-first storage, beside the flows in the designer's
 * database: settings, teams, named schedules, lines, customers, call
 * permissions and attempts, and the callbot mark of flows. UI-free. Every
 * record is read back through its shared schema (a broken one is listed in
 * `broken`, never thrown); every refused change is a `WorkspaceRefusal`
 * written before anything is touched; storage failures are `StorageError`s.
 *
 * @example
 * const workspace = createWorkspaceRepository(db, { now: Date.now, newId: () => crypto.randomUUID() });
 * const team = await workspace.createTeam({ name: 'Atendimento', agents: 3 });
 */
export function createWorkspaceRepository(
  db: DesignerDb,
  options: WorkspaceRepositoryOptions,
): WorkspaceRepository {
  const { now, newId, onFlowSaved } = options;

  const listeners = new Set<() => void>();

  async function run<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof WorkspaceRefusal) throw error;
      throw toStorageError(error);
    }
  }

  /** A change: run it, then tell the subscribers. */
  async function write<T>(operation: () => Promise<T>): Promise<T> {
    const result = await run(operation);
    for (const listener of [...listeners]) listener();
    return result;
  }

  const listTable = async <S extends z.ZodType>(
    table: Table,
    name: WorkspaceTable,
    schema: S,
    key = 'id',
  ) => readAll(name, await table.toArray(), schema, keyField(key));

  /**
   * Flows name teams, bots and schedules (`sameName`): a name another one has is refused,
   * naming it.
   */
  function nameFree(
    kind: 'team' | 'bot' | 'schedule',
    stored: readonly object[],
    record: { id: string; name: string },
  ): void {
    // Stored rows as they are: one that does not read is left out, as the lists leave it out.
    const other = stored
      .map((r) => r as { id?: unknown; name?: unknown })
      .find(
        (r): r is { id: string; name: string } =>
          typeof r.id === 'string' &&
          typeof r.name === 'string' &&
          r.id !== record.id &&
          sameName(r.name, record.name),
      );
    if (!other) return;
    throw new WorkspaceRefusal(
      `${kind}.nameTaken`,
      `The ${kind}: name: "${record.name}" is the same name as "${other.name}" (${other.id}), which already exists.`,
      { existing: { id: other.id, name: other.name } },
    );
  }

  async function getTeam(id: string): Promise<Team> {
    const stored = await db.teams.get(id);
    if (!stored) throw new WorkspaceRefusal('notFound', 'This team no longer exists.', { id });
    return check(teamSchema, stored, 'The team');
  }

  /**
   * Inside a transaction over the flows: rewrites every flow `rename` changes
   * (a team or bot renamed), bumping its revision; a flow that does not read
   * is left as it is (the editor reports it when opened).
   */
  async function rewriteFlows(
    rename: (doc: FlowDocument) => FlowDocument,
  ): Promise<RefreshedFlow[]> {
    const out: RefreshedFlow[] = [];
    for (const record of await db.flows.toArray()) {
      const loaded = loadFlow(record.doc);
      if (!loaded.ok) continue;
      const doc = rename(loaded.doc);
      if (doc === loaded.doc) continue;
      const revision = record.revision + 1;
      await db.flows.put({ ...record, doc, revision, updatedAt: now() });
      out.push({ id: record.id, name: record.name, revision });
    }
    return out;
  }

  async function getSchedule(id: string): Promise<NamedSchedule> {
    const stored = await db.schedules.get(id);
    if (!stored) {
      throw new WorkspaceRefusal('notFound', 'This schedule no longer exists.', { id });
    }
    return check(namedScheduleSchema, stored, 'The schedule');
  }

  async function storedSettings(): Promise<WorkspaceSettings> {
    const stored = await db.settings.get(SETTINGS_KEY);
    const parsed = workspaceSettingsSchema.safeParse(stored?.value);
    return parsed.success ? parsed.data : defaultWorkspaceSettings;
  }

  /** Inside a transaction over teams and settings: the default's id mirrored in the settings. */
  async function mirrorDefaultTeam(defaultTeamId: string | undefined) {
    const settings = await storedSettings();
    const { defaultTeamId: _old, ...rest } = settings;
    await db.settings.put({
      key: SETTINGS_KEY,
      value: defaultTeamId === undefined ? rest : { ...rest, defaultTeamId },
    });
  }

  return {
    readSettings: () =>
      run(async () => {
        const stored = await db.settings.get(SETTINGS_KEY);
        if (!stored) return { settings: defaultWorkspaceSettings, broken: [] };
        const parsed = workspaceSettingsSchema.safeParse(stored.value);
        return parsed.success
          ? { settings: parsed.data, broken: [] }
          : {
              settings: defaultWorkspaceSettings,
              broken: [
                { table: 'settings', key: SETTINGS_KEY, problems: fieldProblems(parsed.error) },
              ],
            };
      }),

    updateSettings: (patch) =>
      write(() =>
        db.transaction('rw', db.settings, async () => {
          // A field patched to `undefined` is removed (e.g. the price table, back to the example).
          const merged = Object.fromEntries(
            Object.entries({ ...(await storedSettings()), ...patch }).filter(
              ([, value]) => value !== undefined,
            ),
          );
          const settings = check(workspaceSettingsSchema, merged, 'The workspace settings');
          await db.settings.put({ key: SETTINGS_KEY, value: settings });
          return settings;
        }),
      ),

    listTeams: () =>
      run(async () => {
        const listed = await listTable(db.teams, 'teams', teamSchema);
        return { ...listed, items: listed.items.sort(byName) };
      }),

    createTeam: ({ name, agents }) =>
      write(() =>
        db.transaction('rw', db.teams, db.settings, async () => {
          const first = (await db.teams.count()) === 0;
          const team = check(
            teamSchema,
            { id: newId(), name, agents, isDefault: first },
            'The team',
          );
          nameFree('team', await db.teams.toArray(), team);
          await db.teams.add(team);
          if (first) await mirrorDefaultTeam(team.id);
          return team;
        }),
      ),

    updateTeam: (id, patch) =>
      write(async () => {
        const { team, rewritten } = await db.transaction('rw', db.teams, db.flows, async () => {
          const stored = await getTeam(id);
          const team = check(teamSchema, { ...stored, ...patch }, 'The team');
          nameFree('team', await db.teams.toArray(), team);
          await db.teams.put(team);
          const rewritten = await rewriteFlows((doc) =>
            renameTeamInFlow(doc, stored.name, team.name),
          );
          return { team, rewritten };
        });
        for (const flow of rewritten) onFlowSaved?.(flow.id, flow.revision);
        return team;
      }),

    listBots: () =>
      run(async () => {
        const listed = await listTable(db.bots, 'bots', botSchema);
        return { ...listed, items: listed.items.sort(byName) };
      }),

    createBot: ({ name }) =>
      write(async () => {
        return db.transaction('rw', db.bots, async () => {
          const bot = check(botSchema, { id: newId(), name }, 'The bot');
          nameFree('bot', await db.bots.toArray(), bot);
          await db.bots.add(bot);
          return bot;
        });
      }),

    renameBot: (id, name) =>
      write(async () => {
        const { bot, rewritten } = await db.transaction('rw', db.bots, db.flows, async () => {
          const raw = await db.bots.get(id);
          if (!raw) throw new WorkspaceRefusal('notFound', 'This bot no longer exists.', { id });
          const stored = check(botSchema, raw, 'The bot');
          const bot = check(botSchema, { ...stored, name }, 'The bot');
          nameFree('bot', await db.bots.toArray(), bot);
          await db.bots.put(bot);
          const rewritten = await rewriteFlows((doc) =>
            renameBotInFlow(doc, stored.name, bot.name),
          );
          return { bot, rewritten };
        });
        for (const flow of rewritten) onFlowSaved?.(flow.id, flow.revision);
        return bot;
      }),

    deleteBot: (id) => write(() => db.bots.delete(id)),

    setDefaultTeam: (id) =>
      write(() =>
        db.transaction('rw', db.teams, db.settings, async () => {
          await getTeam(id);
          await db.teams.toCollection().modify((team) => {
            team.isDefault = team.id === id;
          });
          await mirrorDefaultTeam(id);
        }),
      ),

    deleteTeam: (id) =>
      write(() =>
        db.transaction('rw', db.teams, db.settings, async () => {
          const team = await db.teams.get(id);
          if (!team) return;
          if (team.isDefault === true) {
            if ((await db.teams.count()) > 1) {
              throw new WorkspaceRefusal(
                'team.defaultWithOthers',
                'The default team cannot be deleted while there are other teams: choose another default team first.',
                { id },
              );
            }
            await mirrorDefaultTeam(undefined);
          }
          await db.teams.delete(id);
        }),
      ),

    listSchedules: () =>
      run(async () => {
        const listed = await listTable(db.schedules, 'schedules', namedScheduleSchema);
        return { ...listed, items: listed.items.sort(byName) };
      }),

    createSchedule: (schedule) =>
      write(() =>
        db.transaction('rw', db.schedules, async () => {
          const created = check(namedScheduleSchema, { ...schedule, id: newId() }, 'The schedule');
          nameFree('schedule', await db.schedules.toArray(), created);
          await db.schedules.add(created);
          return created;
        }),
      ),

    saveSchedule: (schedule) =>
      write(async () => {
        const checked = check(namedScheduleSchema, schedule, 'The schedule');
        const refreshed = await db.transaction('rw', db.schedules, db.flows, async () => {
          await getSchedule(checked.id);
          nameFree('schedule', await db.schedules.toArray(), checked);
          await db.schedules.put(checked);
          const out: RefreshedFlow[] = [];
          const users = (await db.flows.toArray()).filter((record) =>
            referencedScheduleIds(record.doc).includes(checked.id),
          );
          for (const record of users) {
            // A flow that does not read is left as it is: the editor reports it when opened.
            const loaded = loadFlow(record.doc);
            if (!loaded.ok) continue;
            const doc: FlowDocument = applyNamedSchedule(loaded.doc, checked);
            if (doc === loaded.doc && loaded.migratedFrom === undefined) continue;
            const revision = record.revision + 1;
            await db.flows.put({ ...record, doc, revision, updatedAt: now() });
            out.push({ id: record.id, name: record.name, revision });
          }
          return out;
        });
        for (const flow of refreshed) onFlowSaved?.(flow.id, flow.revision);
        return refreshed;
      }),

    deleteSchedule: (id) =>
      write(() =>
        db.transaction('rw', db.schedules, db.flows, async () => {
          const users = (await db.flows.toArray())
            .filter((record) => referencedScheduleIds(record.doc).includes(id))
            .map((record) => ({ id: record.id, name: record.name }))
            .sort(byName);
          if (users.length > 0) {
            throw new WorkspaceRefusal(
              'schedule.inUse',
              `This schedule is used by ${users.map((f) => `"${f.name}"`).join(', ')}: choose other hours in their schedule nodes first.`,
              { id, flows: users },
            );
          }
          await db.schedules.delete(id);
        }),
      ),

    listFlows: () => run(async () => (await db.flows.toArray()).map(describeFlow).sort(byName)),

    setCallbot: (flowId, callbot) =>
      write(() =>
        db.transaction('rw', db.flows, db.lines, async () => {
          const record = await db.flows.get(flowId);
          if (!record) {
            throw new WorkspaceRefusal('notFound', 'This flow no longer exists.', { id: flowId });
          }
          await db.flows.put({ ...record, callbot });
          if (!callbot) {
            await db.lines
              .where('callbotId')
              .equals(flowId)
              .modify((line) => {
                delete line.callbotId;
              });
          }
        }),
      ),

    listLines: () => run(() => listTable(db.lines, 'lines', lineSchema)),

    putLine: (line) =>
      write(async () => {
        const checked = check(lineSchema, line, 'The line');
        await db.lines.put(checked);
        return checked;
      }),

    deleteLine: (id) =>
      write(() =>
        db.transaction('rw', db.lines, async () => {
          const stored = await db.lines.get(id);
          if (!stored) return;
          const parsed = lineSchema.safeParse(stored);
          // A broken record can always be deleted: nothing else can be done with it.
          if (parsed.success) {
            const verdict = canDeleteLine(parsed.data);
            if (!verdict.ok) {
              throw new WorkspaceRefusal('rule', verdict.message, { id, rule: verdict.code });
            }
          }
          await db.lines.delete(id);
        }),
      ),

    listCustomers: () => run(() => listTable(db.customers, 'customers', customerSchema)),

    putCustomer: (customer) =>
      write(() =>
        db.transaction('rw', db.customers, async () => {
          const checked = check(customerSchema, customer, 'The customer');
          // Known by number (R13-R15 count per number): a number another customer has is refused.
          const other = (await db.customers.where('number').equals(checked.number).toArray())
            .map((stored) => customerSchema.safeParse(stored))
            .find((parsed) => parsed.success && parsed.data.id !== checked.id)?.data;
          if (other) {
            const { id, number, name } = other;
            throw new WorkspaceRefusal(
              'customer.numberTaken',
              `The customer: number: ${number} is already the number of ${name === undefined ? 'the customer' : `"${name}"`} (${id}).`,
              { customer: { id, number, ...(name !== undefined && { name }) } },
            );
          }
          await db.customers.put(checked);
          return checked;
        }),
      ),

    deleteCustomer: (id) =>
      write(() =>
        db.transaction('rw', db.customers, db.permissions, db.callAttempts, async () => {
          const stored = await db.customers.get(id);
          if (!stored) return;
          const number = stored.number;
          await db.customers.delete(id);
          if (typeof number !== 'string') return;
          // The permission and attempts belong to the number (R14): kept while another customer has it.
          if ((await db.customers.where('number').equals(number).count()) > 0) return;
          await db.permissions.delete(number);
          await db.callAttempts.where('number').equals(number).delete();
        }),
      ),

    listPermissions: () =>
      run(() => listTable(db.permissions, 'permissions', callPermissionSchema, 'number')),

    putPermission: (permission) =>
      write(async () => {
        const checked = check(callPermissionSchema, permission, 'The call permission');
        await db.permissions.put(checked);
        return checked;
      }),

    listCallAttempts: (number) =>
      run(async () => {
        const records =
          number === undefined
            ? await db.callAttempts.toArray()
            : await db.callAttempts.where('number').equals(number).toArray();
        const listed = readAll('callAttempts', records, callAttemptSchema, keyField('id'));
        return { ...listed, items: listed.items.sort((a, b) => a.at - b.at) };
      }),

    addCallAttempt: (attempt) =>
      write(async () => {
        const checked = check(callAttemptSchema, attempt, 'The call attempt');
        await db.callAttempts.add(checked);
        return checked;
      }),

    monthToDate: ({ channel, direction, country }) =>
      run(async () => {
        // The browser keeps the business's WhatsApp calls alone (the attempts, R15).
        if (channel !== 'whatsapp' || direction !== 'outbound') return { calls: 0, minutes: 0 };
        const { timeZone } = await storedSettings();
        const attempts = await db.callAttempts.toArray();
        const { items } = readAll('callAttempts', attempts, callAttemptSchema, keyField('id'));
        return monthToDate(
          items
            .filter((a) => countryOfNumber(a.number) === country)
            .map((a) => ({ at: a.at, durationMs: 0 })),
          now(),
          timeZone,
        );
      }),

    exportWorkspace: () => run(() => exportWorkspace(db, now())),

    importWorkspace: (text) =>
      write(async () => {
        const checked = checkWorkspaceFile(text);
        if (!checked.ok) return checked;
        const rewritten = await replaceWorkspace(db, checked, now());
        for (const flow of rewritten) onFlowSaved?.(flow.id, flow.revision);
        return checked;
      }),

    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
