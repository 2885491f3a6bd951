/**
 * The workspace API's contract, written once: a workspace's flows (with
 * their versions and test cases), teams, named schedules, lines, customers,
 * call permissions and call attempts, settings (prices included), the
 * changes stream and presence, and moving a browser workspace in. The
 * server (`@callbot/server`) parses requests with these schemas and the
 * designer's client parses the answers.
 *
 * Every route is under `/api/workspaces/:ws/`; who may call which is the
 * server's route table (viewer reads, trainer also writes test cases, editor
 * writes everything else). Requests are strict (an unknown field is refused,
 * naming it); answers are read leniently. Times are ISO 8601 strings.
 * Refusals are `apiErrorSchema` bodies; a stale flow save is
 * {@link revisionConflictSchema}.
 */
import { z } from 'zod';
import { flowLanguages } from '../document/language.ts';
import { fieldMessageCodes } from '../workspace/fieldMessages.ts';
import { entityIdSchema, nameSchema } from '../workspace/fields.ts';
import {
  botSchema,
  checklistItemIds,
  lineSchema,
  namedScheduleSchema,
  teamSchema,
  workspaceSettingsSchema,
} from '../workspace/schema.ts';
import { callAttemptSchema, callPermissionSchema, customerSchema } from '../whatsapp/schema.ts';

/** Who changed something, as others see it. */
export const actorSchema = z.object({ id: z.string(), name: z.string() });
export type Actor = z.infer<typeof actorSchema>;

// ------------------------------------------------------------------ flows

/**
 * `PUT /api/workspaces/:ws/flows/:id`: saves the flow's document on top of
 * `baseRevision`, the revision the editor started from (0 creates the
 * flow). The server reads `doc` through `loadFlow`; the flow's name is the
 * document's `settings.name`. `callbot` marks it as a callbot (unmarking one
 * takes it off its lines, R9); absent keeps the mark it has.
 */
export const flowSaveRequestSchema = z.strictObject({
  baseRevision: z.int('the base revision is a whole number').min(0),
  doc: z.unknown(),
  callbot: z.boolean().optional(),
});
export type FlowSaveRequest = z.infer<typeof flowSaveRequestSchema>;

/** A flow in the library, without its document. */
export const flowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Starts at 1 and grows by one on every save: the guard against overwriting another's work. */
  revision: z.int(),
  callbot: z.boolean(),
  isExample: z.boolean(),
  updatedAt: z.string(),
  updatedBy: actorSchema.nullable(),
  /** How many nodes the flow's document has (the library shows it). */
  nodeCount: z.int().min(0),
});
export type FlowSummary = z.infer<typeof flowSummarySchema>;

/**
 * A WhatsApp line whose calls a change turned off (R2), and why: the items
 * of its checklist the change left missing, and the reason in English (the
 * designer words it from `missing`).
 */
export const callsTurnedOffSchema = z.object({
  lineId: z.string(),
  number: z.string(),
  missing: z.array(z.enum(checklistItemIds)),
  message: z.string(),
});
export type CallsTurnedOff = z.infer<typeof callsTurnedOffSchema>;

/**
 * What a save (`PUT /api/workspaces/:ws/flows/:id`) answers: the flow's
 * summary (the editor has the document it sent) and, when the save left a
 * line's reception callbot not ready (its schedule or transfer gone), the
 * lines whose calls it turned off, so the editor says so at once (R2).
 */
export const flowSaveAnswerSchema = flowSummarySchema.extend({
  callsTurnedOff: z.array(callsTurnedOffSchema).optional(),
});
export type FlowSaveAnswer = z.infer<typeof flowSaveAnswerSchema>;

/** `GET /api/workspaces/:ws/flows/:id`. */
export const flowRecordSchema = flowSummarySchema.extend({ doc: z.unknown() });
export type FlowRecordAnswer = z.infer<typeof flowRecordSchema>;

/** `GET /api/workspaces/:ws/flows`. */
export const flowListSchema = z.object({ flows: z.array(flowSummarySchema) });

/**
 * 409 to a save whose `baseRevision` is not the stored one: nothing was
 * written. `revision` is the stored one, made by `updatedBy` at `updatedAt`.
 */
export const revisionConflictSchema = z.object({
  error: z.literal('revision_conflict'),
  message: z.string(),
  revision: z.int(),
  updatedBy: z.object({ name: z.string() }),
  updatedAt: z.string(),
});
export type RevisionConflict = z.infer<typeof revisionConflictSchema>;

/** `POST /api/workspaces/:ws/flows/:id/versions`: a snapshot of the flow as stored now. */
export const versionCreateRequestSchema = z.strictObject({
  note: z.string().trim().max(500, 'a version note has at most 500 characters'),
  /** Taken by the designer on its own (before a restore, an import), not by a person. */
  auto: z.boolean().optional(),
});
export type VersionCreateRequest = z.infer<typeof versionCreateRequestSchema>;

export const flowVersionSummarySchema = z.object({
  id: z.int(),
  flowId: z.string(),
  /** The flow's revision the snapshot was taken at. */
  revision: z.int(),
  note: z.string(),
  auto: z.boolean(),
  createdAt: z.string(),
  createdBy: actorSchema.nullable(),
  /** How many nodes the snapshot has (the versions list shows it). */
  nodeCount: z.int().min(0),
});
export type FlowVersionSummary = z.infer<typeof flowVersionSummarySchema>;
export const flowVersionSchema = flowVersionSummarySchema.extend({ doc: z.unknown() });
export const flowVersionListSchema = z.object({ versions: z.array(flowVersionSummarySchema) });

/** A test case's name: unique within its flow. */
export const testCaseNameSchema = nameSchema('testCase', 120);

/**
 * `PUT /api/workspaces/:ws/flows/:id/tests/:testId`: a simulated call kept
 * as a test. `script` is the runtime's call script (checked by the server);
 * `transcript` the trace lines it produced, what a run must reproduce.
 */
export const testCaseRequestSchema = z.strictObject({
  name: testCaseNameSchema,
  script: z.unknown(),
  transcript: z.array(z.unknown()).max(10_000),
  /** The flow's revision the call was recorded on. */
  flowRevision: z.int().min(1),
});
export type TestCaseRequest = z.infer<typeof testCaseRequestSchema>;

export const testCaseSchema = z.object({
  id: z.string(),
  flowId: z.string(),
  name: z.string(),
  script: z.unknown(),
  transcript: z.array(z.unknown()),
  flowRevision: z.int(),
  updatedAt: z.string(),
  updatedBy: actorSchema.nullable(),
});
export type TestCase = z.infer<typeof testCaseSchema>;
export const testCaseListSchema = z.object({ tests: z.array(testCaseSchema) });

// --------------------------------------------------- the workspace's records

/**
 * The workspace's records other than flows, each under its collection's
 * path (`/api/workspaces/:ws/teams/:id`, ...), by the schema every copy of a
 * record goes through. A permission's id is its customer number.
 */
export const workspaceCollections = {
  teams: teamSchema,
  schedules: namedScheduleSchema,
  lines: lineSchema,
  customers: customerSchema,
  permissions: callPermissionSchema,
  attempts: callAttemptSchema,
  bots: botSchema,
} as const;
export type WorkspaceCollection = keyof typeof workspaceCollections;
export const workspaceCollectionNames = Object.keys(workspaceCollections) as WorkspaceCollection[];

/** The field that is a record's id in its path. */
export const collectionKey = (collection: WorkspaceCollection): 'id' | 'number' =>
  collection === 'permissions' ? 'number' : 'id';

/** `PUT /api/workspaces/:ws/lines/:id/callbot`: R3, one callbot per line. */
export const lineCallbotRequestSchema = z.strictObject({
  callbotId: entityIdSchema,
  /** Take the line from the callbot that answers it now. Without it, that is a 409 `R3.lineHasCallbot`. */
  replace: z.boolean().optional(),
});
export type LineCallbotRequest = z.infer<typeof lineCallbotRequestSchema>;

/** The languages the default callbot can speak its prompts in (BCP 47): the flow languages. */
export const callbotLanguages = flowLanguages;

/**
 * The workspace's settings on the server: the browser's settings (time
 * zone, country, default team, price table, WhatsApp limits) and the
 * language of the default callbot's prompts. The workspace's name is the
 * accounts API's (`PATCH /api/workspaces/:ws`).
 */
export const serverWorkspaceSettingsSchema = workspaceSettingsSchema.extend({
  defaultCallbotLanguage: z.enum(callbotLanguages, 'expected pt-BR, es or en'),
});
export type ServerWorkspaceSettings = z.infer<typeof serverWorkspaceSettingsSchema>;

/** `GET /api/workspaces/:ws/settings`. */
export const settingsAnswerSchema = z.object({
  settings: serverWorkspaceSettingsSchema,
  revision: z.int(),
  /** The workspace's name (changed through the accounts API). */
  name: z.string(),
});

// ------------------------------------------------------- changes, presence

/** Every table a change can be about. */
export const changeTables = [
  'flows',
  'versions',
  'tests',
  'settings',
  ...workspaceCollectionNames,
] as const;
export type ChangeTable = (typeof changeTables)[number];

/**
 * The request header naming the client that makes a change: one page of the
 * designer (a tab), its id made when it opens. The server passes it on in
 * the change's event (`client`), so that page skips the events of its own
 * saves while the user's other tabs still hear them. Any other value is
 * left out.
 */
export const CLIENT_HEADER = 'x-callbot-client';
export const clientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/**
 * One event of `GET /api/workspaces/:ws/events` (server-sent events, `data:`
 * lines of JSON). `change`: a record was written (`revision` 0 when it was
 * deleted); `presence`: who has a flow open now; `import`: everything was
 * replaced, reload it all. `client`: the page that made it (`CLIENT_HEADER`).
 */
export const workspaceEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('change'),
    table: z.enum(changeTables),
    id: z.string(),
    /** The flow a version or test case belongs to. */
    flowId: z.string().optional(),
    revision: z.int(),
    deleted: z.boolean(),
    by: actorSchema,
    client: clientIdSchema.optional(),
  }),
  z.object({
    type: z.literal('presence'),
    flowId: z.string(),
    editors: z.array(actorSchema),
  }),
  z.object({ type: z.literal('import'), by: actorSchema, client: clientIdSchema.optional() }),
]);
export type WorkspaceEvent = z.infer<typeof workspaceEventSchema>;

/**
 * `POST /api/workspaces/:ws/flows/:id/presence` (no body): "I have this flow
 * open", every {@link PRESENCE_HEARTBEAT_SECONDS}; someone is gone after
 * {@link PRESENCE_EXPIRY_SECONDS} without one. The answer is who has it open.
 */
export const presenceSchema = z.object({ flowId: z.string(), editors: z.array(actorSchema) });
export const PRESENCE_HEARTBEAT_SECONDS = 10;
export const PRESENCE_EXPIRY_SECONDS = 30;

// -------------------------------------------------------------- moving in

/** 200 to `POST /api/workspaces/:ws/import` (the body is a `callbot-workspace/1` file). */
export const importAnswerSchema = z.object({
  counts: z.record(z.string(), z.int()),
});

/**
 * A refused field (`FieldProblem`): its path and English message, and the
 * message's code and params when it has one (`fieldMessages`), for a page to
 * say it in its language. A code this client does not know (a newer server's)
 * is left out: the message says it.
 */
export const fieldProblemSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.enum(fieldMessageCodes).optional().catch(undefined),
  params: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .optional()
    .catch(undefined),
});

/** 422 to an import that cannot be: which record, which field, why. Nothing was written. */
export const importRefusalSchema = z.object({
  error: z.literal('invalid_workspace_file'),
  message: z.string(),
  problems: z.array(fieldProblemSchema),
});
