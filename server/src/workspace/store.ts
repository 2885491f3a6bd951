/**
 * The workspace's data on the server: flows with their versions and test
 * cases, the records (teams, named schedules, lines, customers, call
 * permissions, call attempts) and the settings, every row scoped by its
 * workspace. Everything read back goes through the shared schemas into
 * fresh objects; every write checks its record first and runs with the
 * rules that span records (R3 one callbot per line, one default team, a
 * schedule in use, a team rename followed by the flows) in one transaction.
 * Each write returns the changes it made, for the events stream.
 *
 * Refusals are `WorkspaceError`s (status, code, message), thrown before
 * anything is written or rolling the transaction back.
 */
import {
  API_ERRORS,
  sameName,
  applyNamedSchedule,
  assignCallbot,
  canDeleteLine,
  canShareNumber,
  collectionKey,
  fieldProblems,
  loadFlow,
  renameBotInFlow,
  renameTeamInFlow,
  serverWorkspaceSettingsSchema,
  unassignCallbot,
  workspaceCollections,
  type Actor,
  type CallsTurnedOff,
  type ChangeTable,
  type CheckedWorkspaceFile,
  type FlowDocument,
  type FlowRecordAnswer,
  type FlowSummary,
  type FlowVersionSummary,
  type Line,
  type UsageAnswer,
  type UsageQuery,
  type NamedSchedule,
  type NameTaken,
  type NumberTaken,
  type Customer,
  type RecordRevisions,
  type ServerWorkspaceSettings,
  type Bot,
  type Team,
  type TestCase,
  type WorkspaceCollection,
} from '@callbot/shared';
import { scriptSchema } from '@callbot/runtime';
import type { z } from 'zod';
import type { Database, Row, SqlClient } from '../db.ts';
import { checkBaseRevision } from './revisions.ts';
import { checkLineRules, keepCallingChecklist, type RulesIo } from './rules.ts';
import { readMonthToDate } from './usage.ts';

/** A change written, as the events stream tells it. */
export interface Change {
  table: ChangeTable;
  id: string;
  flowId?: string;
  /** 0 when the record was deleted. */
  revision: number;
}

/** A refusal: nothing was written. `extra` goes into the answer's body. */
export class WorkspaceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A record refused by its schema: 422 naming the first field and why, all problems listed. */
export function invalid(error: z.ZodError, what: string, prefix = ''): WorkspaceError {
  const problems = fieldProblems(error, prefix);
  const first = problems[0];
  return new WorkspaceError(
    422,
    'invalid_request',
    `${what}: ${first?.path || 'body'}: ${first?.message ?? 'invalid'}.`,
    { problems },
  );
}

/** Reads with a schema into a fresh object, or throws the 422 naming the field. */
export function parseOr<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  prefix = '',
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid(parsed.error, what, prefix);
  return parsed.data;
}

/** The table of each collection: a fixed name, never built from a request. */
const TABLES: Readonly<Record<WorkspaceCollection, string>> = {
  teams: 'ws_teams',
  schedules: 'ws_schedules',
  lines: 'ws_lines',
  customers: 'ws_customers',
  permissions: 'ws_permissions',
  attempts: 'ws_attempts',
  bots: 'ws_bots',
};

const RECORD_NAMES: Readonly<Record<WorkspaceCollection, string>> = {
  teams: 'The team',
  schedules: 'The schedule',
  lines: 'The line',
  customers: 'The customer',
  permissions: 'The call permission',
  attempts: 'The call attempt',
  bots: 'The bot',
};

/** The settings of a workspace nobody has configured yet. */
export const DEFAULT_SETTINGS: ServerWorkspaceSettings = {
  timeZone: 'America/Sao_Paulo',
  country: 'BR',
  defaultCallbotLanguage: 'pt-BR',
};

/** Serialises a workspace's rule-bearing writes, across instances on one PostgreSQL. */
const WORKSPACE_LOCK = 7_210_415;

const iso = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();

const actorOf = (row: Row, prefix: 'updated_by' | 'created_by'): Actor => ({
  id: String(row[`${prefix}_id`]),
  name: String(row[`${prefix}_name`]),
});

/** A stored document read back: `loadFlow`, or a 500-free refusal naming the flow. */
function readDoc(raw: unknown, flowId: string): FlowDocument {
  const loaded = loadFlow(raw);
  if (!loaded.ok) {
    throw new WorkspaceError(
      500,
      'stored_flow_unreadable',
      `The stored flow ${flowId} does not read: ${loaded.diagnostics[0]?.message ?? 'invalid'}.`,
    );
  }
  return loaded.doc;
}

const flowSummary = (row: Row): FlowSummary => ({
  id: String(row.id),
  name: String(row.name),
  revision: Number(row.revision),
  callbot: row.callbot === true,
  isExample: row.is_example === true,
  updatedAt: iso(row.updated_at),
  updatedBy: actorOf(row, 'updated_by'),
  nodeCount: Number(row.node_count),
});

/** The node count is read from the stored document (the library shows it without the document). */
const FLOW_COLUMNS =
  "id, name, revision, callbot, is_example, updated_at, updated_by_id, updated_by_name, jsonb_array_length(doc->'nodes') AS node_count";
const VERSION_COLUMNS =
  "id, revision, note, auto, created_at, created_by_id, created_by_name, jsonb_array_length(doc->'nodes') AS node_count";

export type SaveFlowResult =
  | {
      ok: true;
      flow: FlowSummary;
      created: boolean;
      changes: Change[];
      /** The lines whose calls the save turned off (R2), with why. */
      callsTurnedOff: CallsTurnedOff[];
    }
  | { ok: false; revision: number; updatedBy: Actor; updatedAt: string };

export interface WorkspaceStore {
  listFlows(ws: string): Promise<FlowSummary[]>;
  getFlow(ws: string, id: string): Promise<FlowRecordAnswer | null>;
  /** Whether the workspace has this flow (without reading it). */
  hasFlow(ws: string, id: string): Promise<boolean>;
  /** Saves on top of `baseRevision` (0 creates); a stale base writes nothing. */
  saveFlow(
    ws: string,
    id: string,
    input: { baseRevision: number; doc: FlowDocument; callbot?: boolean; isExample?: boolean },
    by: Actor,
  ): Promise<SaveFlowResult>;
  /** Deletes the flow with its versions and test cases; its lines are answered by the default callbot (R9). */
  deleteFlow(ws: string, id: string, by: Actor): Promise<Change[]>;

  listVersions(ws: string, flowId: string): Promise<FlowVersionSummary[] | null>;
  getVersion(
    ws: string,
    flowId: string,
    id: number,
  ): Promise<(FlowVersionSummary & { doc: FlowDocument }) | null>;
  createVersion(
    ws: string,
    flowId: string,
    input: { note: string; auto: boolean },
    by: Actor,
  ): Promise<{ version: FlowVersionSummary; changes: Change[] }>;

  listTests(ws: string, flowId: string): Promise<TestCase[] | null>;
  putTest(
    ws: string,
    flowId: string,
    id: string,
    input: { name: string; script: unknown; transcript: unknown[]; flowRevision: number },
    by: Actor,
  ): Promise<{ test: TestCase; changes: Change[] }>;
  deleteTest(ws: string, flowId: string, id: string, by: Actor): Promise<Change[]>;

  listRecords<C extends WorkspaceCollection>(
    ws: string,
    collection: C,
  ): Promise<z.output<(typeof workspaceCollections)[C]>[]>;
  /** Each record's key and revision. */
  listRevisions(ws: string, collection: WorkspaceCollection): Promise<RecordRevisions>;
  getRecord<C extends WorkspaceCollection>(
    ws: string,
    collection: C,
    id: string,
  ): Promise<{ record: z.output<(typeof workspaceCollections)[C]>; revision: number } | null>;
  /**
   * Adds or replaces a record, checked by its schema and the rules that span records;
   * with `baseRevision`, only on that revision (409 naming who changed it otherwise).
   */
  putRecord(
    ws: string,
    collection: WorkspaceCollection,
    id: string,
    body: unknown,
    by: Actor,
    baseRevision?: number,
  ): Promise<{ record: unknown; revision: number; changes: Change[] }>;
  deleteRecord(
    ws: string,
    collection: WorkspaceCollection,
    id: string,
    by: Actor,
    baseRevision?: number,
  ): Promise<Change[]>;
  /** R3: the line answered by `callbotId`; another callbot's line only with `replace`. */
  assignLine(
    ws: string,
    lineId: string,
    input: { callbotId: string; replace: boolean },
    by: Actor,
  ): Promise<{ line: Line; replaced: string | null; changes: Change[] }>;
  /** The line left to the default callbot (R9). */
  unassignLine(ws: string, lineId: string, by: Actor): Promise<{ line: Line; changes: Change[] }>;

  getSettings(ws: string): Promise<{ settings: ServerWorkspaceSettings; revision: number }>;
  /** R21: the month's calls so far in one country, channel and direction, in the workspace's time zone. */
  monthToDate(ws: string, query: UsageQuery): Promise<UsageAnswer>;
  putSettings(
    ws: string,
    body: unknown,
    by: Actor,
    baseRevision?: number,
  ): Promise<{ settings: ServerWorkspaceSettings; revision: number; changes: Change[] }>;

  /** Replaces the workspace's data with a checked `callbot-workspace/1` file, in one transaction. */
  importWorkspace(
    ws: string,
    checked: Extract<CheckedWorkspaceFile, { ok: true }>,
    by: Actor,
  ): Promise<void>;
}

/**
 * The workspace store on a migrated database. `now` gives the time written
 * on rows (epoch ms).
 *
 * @example
 * const store = createWorkspaceStore(db, () => Date.now());
 * await store.saveFlow('ws1', 'recepcao', { baseRevision: 0, doc }, { id: 'u1', name: 'Ana' });
 */
export function createWorkspaceStore(db: Database, now: () => number): WorkspaceStore {
  const stamp = () => new Date(now()).toISOString();

  /** A transaction that holds the workspace's lock: its rule-bearing writes take turns. */
  const locked = <T>(ws: string, fn: (tx: SqlClient) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WORKSPACE_LOCK, ws]);
      return fn(tx);
    });

  async function readRecords<C extends WorkspaceCollection>(
    q: SqlClient,
    ws: string,
    collection: C,
    where = '',
    params: unknown[] = [],
    forUpdate = false,
  ): Promise<{ record: z.output<(typeof workspaceCollections)[C]>; revision: number }[]> {
    const { rows } = await q.query<{ id: string; data: unknown; revision: number }>(
      `SELECT id, data, revision FROM ${TABLES[collection]} WHERE workspace_id = $1 ${where} ORDER BY id${forUpdate ? ' FOR UPDATE' : ''}`,
      [ws, ...params],
    );
    const schema = workspaceCollections[collection];
    return rows.map((row) => ({
      record: parseOr(schema, row.data, `The stored ${collection} record ${row.id}`) as z.output<
        (typeof workspaceCollections)[C]
      >,
      revision: Number(row.revision),
    }));
  }

  async function writeRecord(
    tx: SqlClient,
    ws: string,
    collection: WorkspaceCollection,
    id: string,
    record: unknown,
    by: Actor,
  ): Promise<number> {
    const { rows } = await tx.query<{ revision: number }>(
      `INSERT INTO ${TABLES[collection]} (workspace_id, id, data, revision, updated_at, updated_by_id, updated_by_name)
       VALUES ($1, $2, $3, 1, $4, $5, $6)
       ON CONFLICT (workspace_id, id) DO UPDATE SET data = EXCLUDED.data,
         revision = ${TABLES[collection]}.revision + 1, updated_at = EXCLUDED.updated_at,
         updated_by_id = EXCLUDED.updated_by_id, updated_by_name = EXCLUDED.updated_by_name
       RETURNING revision`,
      [ws, id, JSON.stringify(record), stamp(), by.id, by.name],
    );
    return Number(rows[0]!.revision);
  }

  /** Rewrites a flow's document (a schedule refreshed, a team renamed): the next revision. */
  async function rewriteFlow(
    tx: SqlClient,
    ws: string,
    id: string,
    doc: FlowDocument,
    by: Actor,
  ): Promise<Change> {
    const { rows } = await tx.query<{ revision: number }>(
      `UPDATE ws_flows SET doc = $3, name = $4, revision = revision + 1, updated_at = $5,
         updated_by_id = $6, updated_by_name = $7
       WHERE workspace_id = $1 AND id = $2 RETURNING revision`,
      [ws, id, JSON.stringify(doc), doc.settings.name, stamp(), by.id, by.name],
    );
    return { table: 'flows', id, revision: Number(rows[0]!.revision) };
  }

  /** The flows whose document contains `pattern` (jsonb containment), locked for rewriting. */
  async function flowsContaining(tx: SqlClient, ws: string, pattern: unknown) {
    const { rows } = await tx.query<{ id: string; name: string; doc: unknown }>(
      'SELECT id, name, doc FROM ws_flows WHERE workspace_id = $1 AND doc @> $2 ORDER BY name FOR UPDATE',
      [ws, JSON.stringify(pattern)],
    );
    return rows;
  }

  async function flowExists(q: SqlClient, ws: string, id: string, lock = false) {
    const { rows } = await q.query<{ revision: number; doc: unknown; callbot: boolean }>(
      `SELECT revision, doc, callbot FROM ws_flows WHERE workspace_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
      [ws, id],
    );
    return rows[0] ?? null;
  }

  const notFound = (what: string, id: string) =>
    new WorkspaceError(404, 'not_found', `${what} ${id} is not in this workspace.`);

  /** The lines `flowId` answers, left to the default callbot (R9). */
  async function releaseLines(tx: SqlClient, ws: string, flowId: string, by: Actor) {
    const changes: Change[] = [];
    for (const { record } of await readRecords(tx, ws, 'lines', "AND data ->> 'callbotId' = $2", [
      flowId,
    ])) {
      const { callbotId: _released, ...line } = record;
      changes.push({
        table: 'lines',
        id: line.id,
        revision: await writeRecord(tx, ws, 'lines', line.id, line, by),
      });
    }
    return changes;
  }

  /** How the R2 rules (`rules.ts`) read and write in the transaction `tx`. */
  const rulesIo = (tx: SqlClient, ws: string, by: Actor): RulesIo => ({
    lines: async () => (await readRecords(tx, ws, 'lines')).map((r) => r.record),
    teams: async () => (await readRecords(tx, ws, 'teams')).map((r) => r.record),
    async flow(id) {
      const { rows } = await tx.query<{ doc: unknown; callbot: boolean }>(
        'SELECT doc, callbot FROM ws_flows WHERE workspace_id = $1 AND id = $2 FOR SHARE',
        [ws, id],
      );
      const row = rows[0];
      return row && { id, callbot: row.callbot === true, doc: readDoc(row.doc, id) };
    },
    writeLine: async (line) => ({
      table: 'lines',
      id: line.id,
      revision: await writeRecord(tx, ws, 'lines', line.id, line, by),
    }),
    now,
  });

  /** Writes the lines of `after` that are not the same objects as in `before`. */
  async function writeChangedLines(
    tx: SqlClient,
    ws: string,
    before: readonly Line[],
    after: readonly Line[],
    by: Actor,
  ): Promise<Change[]> {
    const changes: Change[] = [];
    for (const [i, line] of after.entries()) {
      if (line === before[i]) continue;
      const revision = await writeRecord(tx, ws, 'lines', line.id, line, by);
      changes.push({ table: 'lines', id: line.id, revision });
    }
    return changes;
  }

  const readLine = async (q: SqlClient, ws: string, id: string) =>
    (await readRecords(q, ws, 'lines', 'AND id = $2', [id]))[0]!.record;

  /** R2 after a change in `tx`: the lines whose checklist it broke get their calls turned off. */
  const keepChecklist = async (tx: SqlClient, ws: string, by: Actor) =>
    (await keepCallingChecklist(rulesIo(tx, ws, by))).changes;

  async function settingsRow(q: SqlClient, ws: string) {
    const { rows } = await q.query<{ data: unknown; revision: number }>(
      'SELECT data, revision FROM ws_settings WHERE workspace_id = $1',
      [ws],
    );
    const row = rows[0];
    if (!row) return { settings: DEFAULT_SETTINGS, revision: 0 };
    return {
      settings: parseOr(serverWorkspaceSettingsSchema, row.data, 'The stored settings'),
      revision: Number(row.revision),
    };
  }

  async function writeSettings(
    tx: SqlClient,
    ws: string,
    settings: ServerWorkspaceSettings,
    by: Actor,
  ): Promise<number> {
    const { rows } = await tx.query<{ revision: number }>(
      `INSERT INTO ws_settings (workspace_id, data, revision, updated_at, updated_by_id, updated_by_name)
       VALUES ($1, $2, 1, $3, $4, $5)
       ON CONFLICT (workspace_id) DO UPDATE SET data = EXCLUDED.data, revision = ws_settings.revision + 1,
         updated_at = EXCLUDED.updated_at, updated_by_id = EXCLUDED.updated_by_id,
         updated_by_name = EXCLUDED.updated_by_name
       RETURNING revision`,
      [ws, JSON.stringify(settings), stamp(), by.id, by.name],
    );
    return Number(rows[0]!.revision);
  }

  /** Settings' `defaultTeamId` follows the team marked as the default. */
  async function mirrorDefaultTeam(
    tx: SqlClient,
    ws: string,
    teamId: string | undefined,
    by: Actor,
  ) {
    const { settings } = await settingsRow(tx, ws);
    if (settings.defaultTeamId === teamId) return [];
    const { defaultTeamId: _old, ...rest } = settings;
    const next = teamId === undefined ? rest : { ...rest, defaultTeamId: teamId };
    return [
      { table: 'settings', id: ws, revision: await writeSettings(tx, ws, next, by) } as Change,
    ];
  }

  /**
   * Flows name teams, bots and schedules (`sameName`): two of them with the same name would be
   * one name to a flow, so a create or rename into another's name is refused, under the
   * workspace's lock.
   */
  function nameFree(
    collection: 'teams' | 'bots' | 'schedules',
    records: readonly { record: { id: string; name: string } }[],
    record: { id: string; name: string },
  ): void {
    const other = records.find(
      (r) => r.record.id !== record.id && sameName(r.record.name, record.name),
    );
    if (!other) return;
    const { id, name } = other.record;
    throw new WorkspaceError(
      409,
      API_ERRORS.nameTaken,
      `${RECORD_NAMES[collection]}: name: "${record.name}" is the same name as "${name}" (${id}), which already exists.`,
      { field: 'name', existing: { id, name } } satisfies Omit<NameTaken, 'error' | 'message'>,
    );
  }

  async function putTeam(tx: SqlClient, ws: string, team: Team, by: Actor): Promise<Change[]> {
    const changes: Change[] = [];
    const teams = await readRecords(tx, ws, 'teams');
    nameFree('teams', teams, team);
    const stored = teams.find((t) => t.record.id === team.id)?.record;
    const others = teams.filter((t) => t.record.id !== team.id);
    // The first team is the default one; a team made the default takes it from the other.
    const isDefault = team.isDefault || others.length === 0;
    if (!isDefault && stored?.isDefault) {
      throw new WorkspaceError(
        409,
        'team.defaultNeeded',
        'This is the default team: make another team the default instead.',
      );
    }
    const checked: Team = { ...team, isDefault };
    if (isDefault) {
      for (const other of others.filter((t) => t.record.isDefault)) {
        const record = { ...other.record, isDefault: false };
        changes.push({
          table: 'teams',
          id: record.id,
          revision: await writeRecord(tx, ws, 'teams', record.id, record, by),
        });
      }
    }
    const revision = await writeRecord(tx, ws, 'teams', team.id, checked, by);
    changes.push({ table: 'teams', id: team.id, revision });
    if (isDefault) changes.push(...(await mirrorDefaultTeam(tx, ws, team.id, by)));
    // Transfer nodes name their team: a rename is followed by every flow that named it.
    if (stored && stored.name !== checked.name) {
      const pattern = { nodes: [{ kind: 'transfer', data: { team: stored.name } }] };
      for (const row of await flowsContaining(tx, ws, pattern)) {
        const doc = readDoc(row.doc, row.id);
        const renamed = renameTeamInFlow(doc, stored.name, checked.name);
        if (renamed !== doc) changes.push(await rewriteFlow(tx, ws, row.id, renamed, by));
      }
    }
    return changes;
  }

  /** Fallback-bot nodes name their bot: a rename is followed by every flow that named it. */
  async function putBot(tx: SqlClient, ws: string, bot: Bot, by: Actor): Promise<Change[]> {
    const bots = await readRecords(tx, ws, 'bots');
    nameFree('bots', bots, bot);
    const stored = bots.find((b) => b.record.id === bot.id)?.record;
    const revision = await writeRecord(tx, ws, 'bots', bot.id, bot, by);
    const changes: Change[] = [{ table: 'bots', id: bot.id, revision }];
    if (stored && stored.name !== bot.name) {
      const pattern = { nodes: [{ kind: 'fallbackBot', data: { bot: stored.name } }] };
      for (const row of await flowsContaining(tx, ws, pattern)) {
        const doc = readDoc(row.doc, row.id);
        const renamed = renameBotInFlow(doc, stored.name, bot.name);
        if (renamed !== doc) changes.push(await rewriteFlow(tx, ws, row.id, renamed, by));
      }
    }
    return changes;
  }

  async function putSchedule(
    tx: SqlClient,
    ws: string,
    schedule: NamedSchedule,
    by: Actor,
  ): Promise<Change[]> {
    nameFree('schedules', await readRecords(tx, ws, 'schedules'), schedule);
    const revision = await writeRecord(tx, ws, 'schedules', schedule.id, schedule, by);
    const changes: Change[] = [{ table: 'schedules', id: schedule.id, revision }];
    // Each flow keeps a copy of the hours it uses (for the compiler): refreshed with them.
    const pattern = { nodes: [{ kind: 'schedule', data: { scheduleId: schedule.id } }] };
    for (const row of await flowsContaining(tx, ws, pattern)) {
      const doc = readDoc(row.doc, row.id);
      const refreshed = applyNamedSchedule(doc, schedule);
      if (refreshed !== doc) changes.push(await rewriteFlow(tx, ws, row.id, refreshed, by));
    }
    return changes;
  }

  /**
   * A customer is known by number (R13-R15 count calls and permissions per number): a number
   * another customer has is refused, naming that customer, under the workspace's lock.
   */
  async function numberFree(tx: SqlClient, ws: string, customer: Customer): Promise<void> {
    const [other] = await readRecords(
      tx,
      ws,
      'customers',
      "AND data ->> 'number' = $2 AND id <> $3",
      [customer.number, customer.id],
    );
    if (!other) return;
    const { id, number, name } = other.record;
    throw new WorkspaceError(
      409,
      API_ERRORS.numberTaken,
      `The customer: number: ${number} is already the number of ${name === undefined ? 'the customer' : `"${name}"`} (${id}).`,
      {
        field: 'number',
        existing: { id, number, ...(name !== undefined && { name }) },
      } satisfies Omit<NumberTaken, 'error' | 'message'>,
    );
  }

  /** The line's record checked against the stored one; whether it is new. */
  async function checkLine(tx: SqlClient, ws: string, line: Line): Promise<boolean> {
    const stored = (await readRecords(tx, ws, 'lines', 'AND id = $2', [line.id]))[0]?.record;
    if (line.callbotId !== stored?.callbotId) {
      throw new WorkspaceError(
        422,
        'invalid_request',
        'The line: callbotId: a line changes callbot through PUT /lines/:id/callbot (R3), not with its record.',
        { problems: [{ path: 'callbotId', message: 'changed through PUT /lines/:id/callbot' }] },
      );
    }
    if (line.kind === 'whatsapp' && line.voiceLineId !== undefined) {
      const voice = (await readRecords(tx, ws, 'lines', 'AND id = $2', [line.voiceLineId]))[0];
      if (voice?.record.kind !== 'sip') {
        throw new WorkspaceError(
          422,
          'invalid_request',
          `The line: voiceLineId: "${line.voiceLineId}" is not a SIP line of this workspace (R6).`,
          { problems: [{ path: 'voiceLineId', message: 'not a SIP line of this workspace (R6)' }] },
        );
      }
      const shared = canShareNumber(line, voice.record);
      if (!shared.ok) {
        throw new WorkspaceError(422, shared.code, `The line: voiceLineId: ${shared.message}`, {
          problems: [{ path: 'voiceLineId', message: shared.message }],
        });
      }
    }
    return stored === undefined;
  }

  const testOf = (row: Row, flowId: string): TestCase => ({
    id: String(row.id),
    flowId,
    name: String(row.name),
    script: parseOr(scriptSchema, row.script, `The stored test case ${String(row.id)}`),
    transcript: Array.isArray(row.transcript) ? (row.transcript as unknown[]) : [],
    flowRevision: Number(row.flow_revision),
    updatedAt: iso(row.updated_at),
    updatedBy: actorOf(row, 'updated_by'),
  });

  const versionOf = (row: Row, flowId: string): FlowVersionSummary => ({
    id: Number(row.id),
    flowId,
    revision: Number(row.revision),
    note: String(row.note),
    auto: row.auto === true,
    createdAt: iso(row.created_at),
    createdBy: actorOf(row, 'created_by'),
    nodeCount: Number(row.node_count),
  });

  return {
    async listFlows(ws) {
      const { rows } = await db.query(
        `SELECT ${FLOW_COLUMNS} FROM ws_flows WHERE workspace_id = $1 ORDER BY lower(name), id`,
        [ws],
      );
      return rows.map(flowSummary);
    },

    async hasFlow(ws, id) {
      const { count } = await db.query(
        'SELECT 1 FROM ws_flows WHERE workspace_id = $1 AND id = $2',
        [ws, id],
      );
      return count > 0;
    },

    async getFlow(ws, id) {
      const { rows } = await db.query(
        `SELECT ${FLOW_COLUMNS}, doc FROM ws_flows WHERE workspace_id = $1 AND id = $2`,
        [ws, id],
      );
      const row = rows[0];
      return row ? { ...flowSummary(row), doc: readDoc(row.doc, id) } : null;
    },

    saveFlow(ws, id, { baseRevision, doc, callbot, isExample = false }, by) {
      const conflict = (row: Row): SaveFlowResult => {
        const summary = flowSummary(row);
        return {
          ok: false,
          revision: summary.revision,
          updatedBy: summary.updatedBy!,
          updatedAt: summary.updatedAt,
        };
      };
      const current = (q: SqlClient) =>
        q.query(`SELECT ${FLOW_COLUMNS} FROM ws_flows WHERE workspace_id = $1 AND id = $2`, [
          ws,
          id,
        ]);
      // One statement does the check and the write (a save is the API's most frequent request):
      // of two saves on the same revision, the second finds it changed once the first commits.
      // Unmarking a callbot also frees its lines: then one transaction with the workspace's lock.
      const save = async (q: SqlClient): Promise<SaveFlowResult> => {
        if (baseRevision === 0) {
          const inserted = await q.query(
            `INSERT INTO ws_flows (workspace_id, id, name, doc, revision, callbot, created_at, updated_at, updated_by_id, updated_by_name, is_example)
             VALUES ($1, $2, $3, $4, 1, $5, $6, $6, $7, $8, $9)
             ON CONFLICT (workspace_id, id) DO NOTHING
             RETURNING ${FLOW_COLUMNS}`,
            [
              ws,
              id,
              doc.settings.name,
              JSON.stringify(doc),
              callbot ?? false,
              stamp(),
              by.id,
              by.name,
              isExample,
            ],
          );
          const row = inserted.rows[0];
          // Already there (made by someone else, maybe at the same moment): theirs stays.
          if (!row) return conflict((await current(q)).rows[0]!);
          return {
            ok: true,
            flow: flowSummary(row),
            created: true,
            changes: [{ table: 'flows', id, revision: 1 }],
            callsTurnedOff: [],
          };
        }
        const updated = await q.query(
          `UPDATE ws_flows SET doc = $4, name = $5, revision = revision + 1,
             callbot = COALESCE($6, callbot), updated_at = $7, updated_by_id = $8, updated_by_name = $9
           WHERE workspace_id = $1 AND id = $2 AND revision = $3
           RETURNING ${FLOW_COLUMNS}`,
          [
            ws,
            id,
            baseRevision,
            JSON.stringify(doc),
            doc.settings.name,
            callbot ?? null,
            stamp(),
            by.id,
            by.name,
          ],
        );
        const row = updated.rows[0];
        if (!row) {
          const stored = (await current(q)).rows[0];
          if (!stored) throw notFound('The flow', id);
          return conflict(stored);
        }
        const flow = flowSummary(row);
        const changes: Change[] = [{ table: 'flows', id, revision: flow.revision }];
        if (callbot === false) changes.push(...(await releaseLines(q, ws, id, by)));
        // R2: a flow answering a line with calls enabled is checked again, after its row is
        // written (a concurrent enabling reads it FOR SHARE, so one of the two sees the other).
        const { count } = await q.query(
          `SELECT 1 FROM ws_lines WHERE workspace_id = $1 AND data ->> 'callbotId' = $2
             AND data ->> 'callsEnabled' = 'true' FOR SHARE`,
          [ws, id],
        );
        const kept =
          count > 0 || callbot === false
            ? await keepCallingChecklist(rulesIo(q, ws, by))
            : { changes: [], turnedOff: [] };
        changes.push(...kept.changes);
        return { ok: true, flow, created: false, changes, callsTurnedOff: kept.turnedOff };
      };
      return callbot === false ? locked(ws, save) : db.transaction(save);
    },

    deleteFlow: (ws, id, by) =>
      locked(ws, async (tx) => {
        if (!(await flowExists(tx, ws, id, true))) throw notFound('The flow', id);
        const changes = await releaseLines(tx, ws, id, by);
        await tx.query('DELETE FROM ws_flows WHERE workspace_id = $1 AND id = $2', [ws, id]);
        return [
          ...changes,
          ...(await keepChecklist(tx, ws, by)),
          { table: 'flows', id, revision: 0 },
        ];
      }),

    async listVersions(ws, flowId) {
      if (!(await flowExists(db, ws, flowId))) return null;
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS}
         FROM ws_flow_versions WHERE workspace_id = $1 AND flow_id = $2 ORDER BY id DESC`,
        [ws, flowId],
      );
      return rows.map((row) => versionOf(row, flowId));
    },

    async getVersion(ws, flowId, id) {
      const { rows } = await db.query(
        `SELECT ${VERSION_COLUMNS}, doc
         FROM ws_flow_versions WHERE workspace_id = $1 AND flow_id = $2 AND id = $3`,
        [ws, flowId, id],
      );
      const row = rows[0];
      return row ? { ...versionOf(row, flowId), doc: readDoc(row.doc, flowId) } : null;
    },

    createVersion: (ws, flowId, { note, auto }, by) =>
      db.transaction(async (tx) => {
        const flow = await flowExists(tx, ws, flowId, true);
        if (!flow) throw notFound('The flow', flowId);
        const { rows } = await tx.query(
          `INSERT INTO ws_flow_versions (workspace_id, flow_id, revision, note, auto, doc, created_at, created_by_id, created_by_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           RETURNING ${VERSION_COLUMNS}`,
          [
            ws,
            flowId,
            flow.revision,
            note,
            auto,
            JSON.stringify(flow.doc),
            stamp(),
            by.id,
            by.name,
          ],
        );
        const version = versionOf(rows[0]!, flowId);
        return {
          version,
          changes: [{ table: 'versions', id: String(version.id), flowId, revision: 1 }],
        };
      }),

    async listTests(ws, flowId) {
      if (!(await flowExists(db, ws, flowId))) return null;
      const { rows } = await db.query(
        `SELECT id, name, script, transcript, flow_revision, updated_at, updated_by_id, updated_by_name
         FROM ws_test_cases WHERE workspace_id = $1 AND flow_id = $2 ORDER BY lower(name)`,
        [ws, flowId],
      );
      return rows.map((row) => testOf(row, flowId));
    },

    putTest: (ws, flowId, id, input, by) =>
      db.transaction(async (tx) => {
        const script = parseOr(scriptSchema, input.script, 'The test case', 'script');
        if (!(await flowExists(tx, ws, flowId, true))) throw notFound('The flow', flowId);
        const clash = await tx.query(
          'SELECT id FROM ws_test_cases WHERE workspace_id = $1 AND flow_id = $2 AND lower(name) = lower($3) AND id <> $4',
          [ws, flowId, input.name, id],
        );
        if (clash.count > 0) {
          throw new WorkspaceError(
            409,
            'test_name_taken',
            `This flow already has a test case named "${input.name}".`,
          );
        }
        const { rows } = await tx.query(
          `INSERT INTO ws_test_cases (workspace_id, flow_id, id, name, script, transcript, flow_revision, updated_at, updated_by_id, updated_by_name)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (workspace_id, flow_id, id) DO UPDATE SET name = EXCLUDED.name, script = EXCLUDED.script,
             transcript = EXCLUDED.transcript, flow_revision = EXCLUDED.flow_revision,
             updated_at = EXCLUDED.updated_at, updated_by_id = EXCLUDED.updated_by_id,
             updated_by_name = EXCLUDED.updated_by_name
           RETURNING id, name, script, transcript, flow_revision, updated_at, updated_by_id, updated_by_name`,
          [
            ws,
            flowId,
            id,
            input.name,
            JSON.stringify(script),
            JSON.stringify(input.transcript),
            input.flowRevision,
            stamp(),
            by.id,
            by.name,
          ],
        );
        return {
          test: testOf(rows[0]!, flowId),
          changes: [{ table: 'tests', id, flowId, revision: input.flowRevision }],
        };
      }),

    async deleteTest(ws, flowId, id) {
      const { count } = await db.query(
        'DELETE FROM ws_test_cases WHERE workspace_id = $1 AND flow_id = $2 AND id = $3',
        [ws, flowId, id],
      );
      if (count === 0) throw notFound('The test case', id);
      return [{ table: 'tests', id, flowId, revision: 0 }];
    },

    async listRecords(ws, collection) {
      return (await readRecords(db, ws, collection)).map((r) => r.record);
    },

    async listRevisions(ws, collection) {
      const { rows } = await db.query<{ id: string; revision: number }>(
        `SELECT id, revision FROM ${TABLES[collection]} WHERE workspace_id = $1 ORDER BY id`,
        [ws],
      );
      return rows.map((row) => ({ id: String(row.id), revision: Number(row.revision) }));
    },

    async getRecord(ws, collection, id) {
      return (await readRecords(db, ws, collection, 'AND id = $2', [id]))[0] ?? null;
    },

    putRecord: (ws, collection, id, body, by, baseRevision) => {
      const record = parseOr(workspaceCollections[collection], body, RECORD_NAMES[collection]);
      const key = collectionKey(collection);
      if ((record as Record<string, unknown>)[key] !== id) {
        throw new WorkspaceError(
          422,
          'invalid_request',
          `${RECORD_NAMES[collection]}: ${key}: "${String((record as Record<string, unknown>)[key])}" is not the ${key} in the path (${id}).`,
          { problems: [{ path: key, message: `not the ${key} in the path` }] },
        );
      }
      return locked(ws, async (tx) => {
        if (baseRevision !== undefined) {
          const where = 'workspace_id = $1 AND id = $2';
          const what = RECORD_NAMES[collection];
          await checkBaseRevision(tx, TABLES[collection], where, [ws, id], baseRevision, what);
        }
        let changes: Change[];
        if (collection === 'teams') changes = await putTeam(tx, ws, record as Team, by);
        else if (collection === 'bots') changes = await putBot(tx, ws, record as Bot, by);
        else if (collection === 'schedules') {
          changes = await putSchedule(tx, ws, record as NamedSchedule, by);
        } else {
          let written = record;
          if (collection === 'lines') {
            const isNew = await checkLine(tx, ws, record as Line);
            written = await checkLineRules(rulesIo(tx, ws, by), record as Line, isNew);
          }
          if (collection === 'customers') await numberFree(tx, ws, record as Customer);
          const revision = await writeRecord(tx, ws, collection, id, written, by);
          changes = [{ table: collection, id, revision }];
        }
        if (collection === 'teams' || collection === 'schedules') {
          changes.push(...(await keepChecklist(tx, ws, by)));
        }
        const own = changes.find((c) => c.table === collection && c.id === id)!;
        const stored = await readRecords(tx, ws, collection, 'AND id = $2', [id]);
        return { record: stored[0]!.record, revision: own.revision, changes };
      });
    },

    deleteRecord: (ws, collection, id, by, baseRevision) =>
      locked(ws, async (tx) => {
        if (baseRevision !== undefined) {
          const where = 'workspace_id = $1 AND id = $2';
          const what = RECORD_NAMES[collection];
          await checkBaseRevision(tx, TABLES[collection], where, [ws, id], baseRevision, what);
        }
        const found = (await readRecords(tx, ws, collection, 'AND id = $2', [id]))[0]?.record;
        if (!found) throw notFound(RECORD_NAMES[collection], id);
        const changes: Change[] = [];
        const remove = async (table: WorkspaceCollection, where: string, params: unknown[]) => {
          const { rows } = await tx.query<{ id: string }>(
            `DELETE FROM ${TABLES[table]} WHERE workspace_id = $1 ${where} RETURNING id`,
            [ws, ...params],
          );
          for (const row of rows) changes.push({ table, id: row.id, revision: 0 });
        };
        if (collection === 'teams') {
          const team = found as Team;
          const count = (await readRecords(tx, ws, 'teams')).length;
          if (team.isDefault && count > 1) {
            throw new WorkspaceError(
              409,
              'team.defaultWithOthers',
              'The default team cannot be deleted while there are other teams: choose another default team first.',
            );
          }
          if (team.isDefault) changes.push(...(await mirrorDefaultTeam(tx, ws, undefined, by)));
        }
        if (collection === 'schedules') {
          const users = await flowsContaining(tx, ws, {
            nodes: [{ kind: 'schedule', data: { scheduleId: id } }],
          });
          if (users.length > 0) {
            throw new WorkspaceError(
              409,
              'schedule.inUse',
              `This schedule is used by ${users.map((f) => `"${f.name}"`).join(', ')}: choose other hours in their schedule nodes first.`,
              { flows: users.map((f) => ({ id: f.id, name: f.name })) },
            );
          }
        }
        if (collection === 'lines') {
          const verdict = canDeleteLine(found as Line);
          if (!verdict.ok) throw new WorkspaceError(409, verdict.code, verdict.message);
        }
        await remove(collection, 'AND id = $2', [id]);
        if (collection === 'customers') {
          // The permission and attempts belong to the number (R14): kept while another customer has
          // it (a workspace may hold two from before numbers were unique).
          const number = (found as { number: string }).number;
          const others = await tx.query(
            "SELECT 1 FROM ws_customers WHERE workspace_id = $1 AND data ->> 'number' = $2",
            [ws, number],
          );
          if (others.count === 0) {
            await remove('permissions', 'AND id = $2', [number]);
            await remove('attempts', "AND data ->> 'number' = $2", [number]);
          }
        }
        if (collection === 'teams' || collection === 'schedules') {
          changes.push(...(await keepChecklist(tx, ws, by)));
        }
        return changes;
      }),

    assignLine: (ws, lineId, { callbotId, replace }, by) =>
      locked(ws, async (tx) => {
        const lines = (await readRecords(tx, ws, 'lines', '', [], true)).map((l) => l.record);
        if (!lines.some((l) => l.id === lineId)) throw notFound('The line', lineId);
        const flow = await flowExists(tx, ws, callbotId);
        if (!flow?.callbot) {
          throw new WorkspaceError(
            422,
            'invalid_request',
            `callbotId: "${callbotId}" is not a callbot of this workspace (mark the flow as a callbot first).`,
            { problems: [{ path: 'callbotId', message: 'not a callbot of this workspace' }] },
          );
        }
        // R3, and R6: the lines carrying the same number get the same callbot.
        const result = assignCallbot(lines, lineId, callbotId, { replace });
        if (!result.ok) {
          throw new WorkspaceError(409, result.code, result.message, {
            current: result.currentCallbotId,
          });
        }
        if (result.lines === lines) {
          return { line: lines.find((l) => l.id === lineId)!, replaced: null, changes: [] };
        }
        const changes = await writeChangedLines(tx, ws, lines, result.lines, by);
        // R2: a replaced callbot that is not ready turns the line's calls off.
        changes.push(...(await keepChecklist(tx, ws, by)));
        return {
          line: await readLine(tx, ws, lineId),
          replaced: result.replaced ?? null,
          changes,
        };
      }),

    unassignLine: (ws, lineId, by) =>
      locked(ws, async (tx) => {
        const lines = (await readRecords(tx, ws, 'lines', '', [], true)).map((l) => l.record);
        const stored = lines.find((l) => l.id === lineId);
        if (!stored) throw notFound('The line', lineId);
        const next = unassignCallbot(lines, lineId);
        if (next === lines) return { line: stored, changes: [] };
        const changes = await writeChangedLines(tx, ws, lines, next, by);
        // R2: without its callbot the line's calls, if enabled, are turned off.
        changes.push(...(await keepChecklist(tx, ws, by)));
        return { line: await readLine(tx, ws, lineId), changes };
      }),

    getSettings: (ws) => settingsRow(db, ws),

    async monthToDate(ws, query) {
      const { timeZone } = (await settingsRow(db, ws)).settings;
      return { ...(await readMonthToDate(db, ws, query, now(), timeZone)), timeZone };
    },

    putSettings: (ws, body, by, baseRevision) => {
      const settings = parseOr(serverWorkspaceSettingsSchema, body, 'The workspace settings');
      return locked(ws, async (tx) => {
        if (baseRevision !== undefined) {
          const what = 'The workspace settings';
          await checkBaseRevision(tx, 'ws_settings', 'workspace_id = $1', [ws], baseRevision, what);
        }
        const teams = (await readRecords(tx, ws, 'teams')).map((t) => t.record);
        const defaultTeam = teams.find((t) => t.isDefault);
        if (settings.defaultTeamId !== defaultTeam?.id) {
          throw new WorkspaceError(
            422,
            'invalid_request',
            'The workspace settings: defaultTeamId: it is the default team of the Teams page; change it there.',
            { problems: [{ path: 'defaultTeamId', message: 'not the default team' }] },
          );
        }
        const revision = await writeSettings(tx, ws, settings, by);
        return { settings, revision, changes: [{ table: 'settings', id: ws, revision }] };
      });
    },

    importWorkspace: (ws, { file, docs }, by) =>
      locked(ws, async (tx) => {
        for (const table of Object.values(TABLES)) {
          await tx.query(`DELETE FROM ${table} WHERE workspace_id = $1`, [ws]);
        }
        // A flow kept under its id gets the next revision (an editor open on it learns its copy is old).
        const { rows } = await tx.query<{ id: string; revision: number }>(
          'SELECT id, revision FROM ws_flows WHERE workspace_id = $1',
          [ws],
        );
        const revisions = new Map(rows.map((r) => [r.id, Number(r.revision)]));
        const keep = new Set(file.flows.map((f) => f.id));
        for (const id of revisions.keys()) {
          if (!keep.has(id)) {
            await tx.query('DELETE FROM ws_flows WHERE workspace_id = $1 AND id = $2', [ws, id]);
          }
        }
        const at = stamp();
        for (const [i, flow] of file.flows.entries()) {
          const doc = docs[i]!;
          await tx.query(
            `INSERT INTO ws_flows (workspace_id, id, name, doc, revision, callbot, created_at, updated_at, updated_by_id, updated_by_name)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9)
             ON CONFLICT (workspace_id, id) DO UPDATE SET name = EXCLUDED.name, doc = EXCLUDED.doc,
               revision = EXCLUDED.revision, callbot = EXCLUDED.callbot, updated_at = EXCLUDED.updated_at,
               updated_by_id = EXCLUDED.updated_by_id, updated_by_name = EXCLUDED.updated_by_name`,
            [
              ws,
              flow.id,
              doc.settings.name,
              JSON.stringify(doc),
              (revisions.get(flow.id) ?? 0) + 1,
              flow.callbot,
              at,
              by.id,
              by.name,
            ],
          );
        }
        const records: [WorkspaceCollection, { id?: string; number?: string }[]][] = [
          ['teams', file.teams],
          ['schedules', file.schedules],
          ['lines', file.lines],
          ['customers', file.customers],
          ['permissions', file.permissions],
          ['attempts', file.attempts],
          ['bots', file.bots],
        ];
        for (const [collection, list] of records) {
          const key = collectionKey(collection);
          for (const record of list) {
            await writeRecord(tx, ws, collection, String(record[key]), record, by);
          }
        }
        const { settings: current } = await settingsRow(tx, ws);
        await writeSettings(
          tx,
          ws,
          { ...file.settings, defaultCallbotLanguage: current.defaultCallbotLanguage },
          by,
        );
        // R2: a file's line with calls enabled and a callbot that is not ready is imported with calls off.
        await keepChecklist(tx, ws, by);
      }),
  };
}
