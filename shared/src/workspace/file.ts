/**
 * Reading a `callbot-workspace/1` file, pure: the designer checks a file
 * before its user confirms an import, and the server checks the same file
 * before it imports it in one transaction. Nothing here writes.
 */
import type { z } from 'zod';
import type { FlowDocument } from '../document/schema.ts';
import { loadFlow } from '../document/load.ts';
import { hasErrors } from '../document/diagnostic.ts';
import { codeOfIssue, type FieldMessageCode } from './fieldMessages.ts';
import { workspaceFileSchema, type WorkspaceFile } from './schema.ts';

/**
 * Which field of a record and why it is refused, in the schema's words; a
 * message of `fieldMessages` carries its code (and params), so a page can
 * say it in its own language.
 */
export interface FieldProblem {
  /** e.g. `teams[2].agents`, or `agents` for a single record. */
  path: string;
  /** In English: what a client without the code shows. */
  message: string;
  code?: FieldMessageCode;
  /** The values the code's words name, e.g. `{ max: 80 }`. */
  params?: Readonly<Record<string, string | number>>;
}

/** The zod issues of a refused record as field problems, under `prefix`. */
export function fieldProblems(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.reduce<string>(
      (at, key) =>
        typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${String(key)}` : String(key),
      prefix,
    );
    return { path, message: issue.message, ...codeOfIssue(issue) };
  });
}

/** How many records of each kind a workspace file holds, for the confirmation. */
export interface WorkspaceCounts {
  flows: number;
  callbots: number;
  teams: number;
  schedules: number;
  lines: number;
  customers: number;
  permissions: number;
  attempts: number;
  bots: number;
}

export type CheckedWorkspaceFile =
  | { ok: true; file: WorkspaceFile; docs: FlowDocument[]; counts: WorkspaceCounts }
  /** Nothing can be imported: `problems` say which record, which field and why. */
  | { ok: false; problems: FieldProblem[] };

/** The largest workspace file read, in characters of its text. */
export const WORKSPACE_FILE_MAX_BYTES = 50 * 1024 * 1024;

const counts = (file: WorkspaceFile): WorkspaceCounts => ({
  flows: file.flows.length,
  callbots: file.callbots.length,
  teams: file.teams.length,
  schedules: file.schedules.length,
  lines: file.lines.length,
  customers: file.customers.length,
  permissions: file.permissions.length,
  attempts: file.attempts.length,
  bots: file.bots.length,
});

/**
 * Reads a parsed workspace file: every record by the shared schemas
 * (references between them checked, into fresh objects), then every flow
 * through `loadFlow` (migrated when older).
 */
export function checkWorkspaceValue(raw: unknown): CheckedWorkspaceFile {
  const parsed = workspaceFileSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problems: fieldProblems(parsed.error) };
  const file = parsed.data;
  const docs: FlowDocument[] = [];
  const problems: FieldProblem[] = [];
  file.flows.forEach((flow, i) => {
    const loaded = loadFlow(flow.doc);
    if (loaded.ok) docs.push(loaded.doc);
    else if (hasErrors(loaded.diagnostics)) {
      for (const d of loaded.diagnostics.filter((d) => d.severity === 'error')) {
        problems.push({
          path: `flows[${i}].doc${d.path ? `.${d.path}` : ''}`,
          message: `“${flow.name}”: ${d.message}`,
        });
      }
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file, docs, counts: counts(file) };
}

/** Reads a workspace file's text: its size, JSON, then `checkWorkspaceValue`. */
export function checkWorkspaceFile(text: string): CheckedWorkspaceFile {
  if (text.length > WORKSPACE_FILE_MAX_BYTES) {
    return {
      ok: false,
      problems: [{ path: '', message: 'the file is larger than 50 MB, too large for a workspace' }],
    };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    return { ok: false, problems: [{ path: '', message: `the file is not JSON (${detail})` }] };
  }
  return checkWorkspaceValue(raw);
}
