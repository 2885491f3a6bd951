import {
  botSchema,
  callAttemptSchema,
  callPermissionSchema,
  customerSchema,
  fieldProblems,
  lineSchema,
  loadFlow,
  namedScheduleSchema,
  teamSchema,
  WORKSPACE_FILE_FORMAT,
  workspaceSettingsSchema,
  type FieldProblem,
  type FlowDocument,
  type WorkspaceFile,
} from '@callbot/shared';
import type { z } from 'zod';
import type { DesignerDb, FlowRecord } from './db.ts';
import type { BrokenRecord, WorkspaceTable } from './workspaceRepository.ts';

/** The workspace as a file to download. */
export interface ExportedWorkspace {
  /** e.g. `workspace-2026-12-01.callbot-workspace.json` */
  fileName: string;
  text: string;
  /** Stored records that do not read, left out of the file (flows too: table `flows`). */
  skipped: (BrokenRecord | { table: 'flows'; key: string; problems: FieldProblem[] })[];
}

// Checking a file is pure and shared with the server, which imports the same files.
export {
  checkWorkspaceFile,
  type CheckedWorkspaceFile,
  type WorkspaceCounts,
} from '@callbot/shared';

/** Reads a table through its schema, keeping the broken records apart. */
function readTable<S extends z.ZodType>(
  records: readonly unknown[],
  table: WorkspaceTable,
  schema: S,
  key: string,
  skipped: ExportedWorkspace['skipped'],
): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const record of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) out.push(parsed.data);
    else {
      const value = (record as Record<string, unknown>)[key];
      skipped.push({
        table,
        key: typeof value === 'string' ? value : '?',
        problems: fieldProblems(parsed.error),
      });
    }
  }
  return out;
}

const isoDate = (epochMs: number) => new Date(epochMs).toISOString().slice(0, 10);

/**
 * The whole workspace as one `callbot-workspace/1` file. Records that do not
 * read are left out and listed in `skipped`; references to them are dropped
 * (a line whose callbot is not in the file is answered by the default
 * callbot, R9), so the file always reads back.
 */
export async function exportWorkspace(db: DesignerDb, now: number): Promise<ExportedWorkspace> {
  const skipped: ExportedWorkspace['skipped'] = [];
  return db.transaction(
    'r',
    [
      db.settings,
      db.teams,
      db.schedules,
      db.lines,
      db.customers,
      db.permissions,
      db.callAttempts,
      db.bots,
      db.flows,
    ],
    async () => {
      const storedSettings = await db.settings.get('workspace');
      const settingsRead = workspaceSettingsSchema.safeParse(storedSettings?.value);
      if (storedSettings && !settingsRead.success) {
        skipped.push({
          table: 'settings',
          key: 'workspace',
          problems: fieldProblems(settingsRead.error),
        });
      }
      const teams = readTable(await db.teams.toArray(), 'teams', teamSchema, 'id', skipped);
      const schedules = readTable(
        await db.schedules.toArray(),
        'schedules',
        namedScheduleSchema,
        'id',
        skipped,
      );
      const lines = readTable(await db.lines.toArray(), 'lines', lineSchema, 'id', skipped);
      const customers = readTable(
        await db.customers.toArray(),
        'customers',
        customerSchema,
        'id',
        skipped,
      );
      const permissions = readTable(
        await db.permissions.toArray(),
        'permissions',
        callPermissionSchema,
        'number',
        skipped,
      );
      const attempts = readTable(
        await db.callAttempts.toArray(),
        'callAttempts',
        callAttemptSchema,
        'id',
        skipped,
      );
      const bots = readTable(await db.bots.toArray(), 'bots', botSchema, 'id', skipped);
      const flows: WorkspaceFile['flows'] = [];
      for (const record of await db.flows.toArray()) {
        const loaded = loadFlow(record.doc);
        if (loaded.ok) {
          flows.push({
            id: record.id,
            name: record.name,
            callbot: record.callbot === true,
            doc: loaded.doc,
          });
        } else {
          skipped.push({
            table: 'flows',
            key: record.id,
            problems: loaded.diagnostics.map((d) => ({ path: d.path ?? '', message: d.message })),
          });
        }
      }

      const callbotIds = new Set(flows.filter((f) => f.callbot).map((f) => f.id));
      const sipIds = new Set(lines.filter((l) => l.kind === 'sip').map((l) => l.id));
      const defaultTeam = teams.find((t) => t.isDefault);
      const { defaultTeamId: _stored, ...settings } = settingsRead.success
        ? settingsRead.data
        : { timeZone: 'America/Sao_Paulo', country: 'BR' };
      const file: WorkspaceFile = {
        format: WORKSPACE_FILE_FORMAT,
        exportedAt: now,
        settings: defaultTeam ? { ...settings, defaultTeamId: defaultTeam.id } : settings,
        // Only one default, should a broken store hold two.
        teams: teams.map((t) => ({ ...t, isDefault: t === defaultTeam })),
        schedules,
        lines: lines.map((line) => {
          const { callbotId, ...rest } = line;
          const kept = callbotId !== undefined && callbotIds.has(callbotId) ? line : rest;
          if (kept.kind === 'whatsapp' && kept.voiceLineId && !sipIds.has(kept.voiceLineId)) {
            const { voiceLineId: _gone, ...withoutVoice } = kept;
            return withoutVoice;
          }
          return kept;
        }),
        callbots: [...callbotIds].map((flowId) => ({ flowId })),
        flows,
        // One customer per number in a file.
        customers: customers.filter(
          (c, i) => customers.findIndex((other) => other.number === c.number) === i,
        ),
        permissions,
        attempts,
        bots,
      };
      return {
        fileName: `workspace-${isoDate(now)}.callbot-workspace.json`,
        text: `${JSON.stringify(file, null, 2)}\n`,
        skipped,
      };
    },
  );
}

/**
 * Replaces the whole workspace with a checked file, in one transaction:
 * settings, teams, schedules, lines, customers, permissions, attempts, bots and
 * flows. Flows not in the file are deleted with their versions and test
 * cases; a flow kept under the same id gets the next revision (an editor
 * open on it in another tab is told), a new one starts at revision 1.
 * Returns the flows rewritten, with their revisions.
 */
export async function replaceWorkspace(
  db: DesignerDb,
  checked: { file: WorkspaceFile; docs: FlowDocument[] },
  now: number,
): Promise<{ id: string; revision: number }[]> {
  const { file, docs } = checked;
  return db.transaction(
    'rw',
    [
      db.settings,
      db.teams,
      db.schedules,
      db.lines,
      db.customers,
      db.permissions,
      db.callAttempts,
      db.bots,
      db.flows,
      db.versions,
      db.testCases,
      db.histories,
    ],
    async () => {
      await Promise.all([
        db.teams.clear(),
        db.schedules.clear(),
        db.lines.clear(),
        db.customers.clear(),
        db.permissions.clear(),
        db.callAttempts.clear(),
        db.bots.clear(),
      ]);
      await db.settings.put({ key: 'workspace', value: file.settings });
      await db.teams.bulkAdd(file.teams);
      await db.schedules.bulkAdd(file.schedules);
      await db.lines.bulkAdd(file.lines);
      await db.customers.bulkAdd(file.customers);
      await db.permissions.bulkAdd(file.permissions);
      await db.callAttempts.bulkAdd(file.attempts);
      await db.bots.bulkAdd(file.bots);

      const keep = new Set(file.flows.map((f) => f.id));
      const gone = (await db.flows.toCollection().primaryKeys()).filter((id) => !keep.has(id));
      await db.versions.where('flowId').anyOf(gone).delete();
      await db.testCases.where('flowId').anyOf(gone).delete();
      await db.histories.bulkDelete(gone);
      await db.flows.bulkDelete(gone);

      const written: { id: string; revision: number }[] = [];
      for (const [i, flow] of file.flows.entries()) {
        const doc = docs[i]!;
        const existing = await db.flows.get(flow.id);
        const record: FlowRecord = {
          id: flow.id,
          name: doc.settings.name,
          doc,
          revision: existing ? existing.revision + 1 : 1,
          createdAt: existing?.createdAt ?? now,
          updatedAt: now,
          ...(existing?.isExample && { isExample: true }),
          ...(flow.callbot && { callbot: true }),
        };
        await db.flows.put(record);
        if (existing) written.push({ id: flow.id, revision: record.revision });
      }
      return written;
    },
  );
}
