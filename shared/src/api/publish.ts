/**
 * The publish API's contract, written once: the request bodies the server
 * accepts and the answers it gives, as zod schemas, with their types
 * inferred. The server (`@callbot/server`), the designer's client and the
 * designer's stand-in server for tests all parse with these.
 *
 * Requests are strict (an unknown field is refused, naming it); answers are
 * read leniently (a newer server may add fields).
 */
import { z } from 'zod';
import { e164Schema } from '../workspace/fields.ts';
import { botTargetSchema } from '../workspace/schema.ts';

/** A callbot's id in the API's paths: lowercase letters, digits and dashes. */
export const callbotIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a callbot id is 1-64 lowercase letters, digits and dashes');

/** A finding about a flow, as the API sends it (see `Diagnostic`). */
export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  nodeId: z.string().optional(),
  port: z.string().optional(),
  path: z.string().optional(),
});

/** `POST /api/callbots/:id/versions`: a flow (checked by the server) and a note. */
export const publishRequestSchema = z.strictObject({
  flow: z.unknown(),
  note: z.string().max(500).optional(),
});
export type PublishRequest = z.infer<typeof publishRequestSchema>;

/** One published version, without its flow. */
export const versionSummarySchema = z.object({
  callbot: z.string(),
  version: z.number().int().positive(),
  /** The compiled machine's fingerprint: two versions with the same one behave the same. */
  fingerprint: z.string(),
  note: z.string(),
  createdAt: z.string(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/** 201 to a publish: the new version and the flow's warnings. */
export const publishedSchema = versionSummarySchema.extend({
  diagnostics: z.array(diagnosticSchema),
});
export type Published = z.infer<typeof publishedSchema>;

/** `GET /api/callbots/:id/versions/:n`: the version with its flow. */
export const versionRecordSchema = versionSummarySchema.extend({ flow: z.unknown() });

/** `GET /api/callbots/:id/versions`. */
export const versionListSchema = z.object({ versions: z.array(versionSummarySchema) });

/** `GET /api/callbots`. */
export const callbotListSchema = z.object({
  callbots: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      latestVersion: z.number().int().positive(),
      versions: z.number().int().positive(),
    }),
  ),
});
export type CallbotList = z.infer<typeof callbotListSchema>;

/** Which callbot version answers a line (R3: one callbot per line). */
export const lineAssignmentSchema = z.object({
  number: z.string(),
  callbot: z.string(),
  version: z.number().int().positive(),
  assignedAt: z.string(),
});
export type LineAssignment = z.infer<typeof lineAssignmentSchema>;

/** `PUT /api/lines/:number`: another callbot than the line's only with `replace: true`. */
export const lineRequestSchema = z.strictObject({
  callbot: callbotIdSchema,
  version: z.number().int().positive(),
  replace: z.boolean().optional(),
});
export type LineRequest = z.infer<typeof lineRequestSchema>;

/** `POST /api/lines/:number/rollback`: to `version`, or by default the one before. */
export const rollbackRequestSchema = z
  .strictObject({ version: z.number().int().positive().optional() })
  .optional();

/** The answer to a line change: the assignment, and the one it replaced. */
export const assignedSchema = z.object({
  line: lineAssignmentSchema,
  replaced: lineAssignmentSchema.nullable(),
});
export type Assigned = z.infer<typeof assignedSchema>;

/** `PUT /api/teams/:id`. */
export const teamRequestSchema = z.strictObject({
  target: z.string().min(1).max(200),
  agentsAvailable: z.number().int().min(0).max(100_000),
  isDefault: z.boolean().optional(),
});

/** `PUT /api/bots/:id`. */
export const botRequestSchema = z.strictObject({ target: botTargetSchema });

/** The line number in `/api/lines/:number`. */
export const lineNumberSchema = e164Schema;

/**
 * Every refusal: a stable `error` code and a message; a 422 carries the
 * flow's `diagnostics`, a 409 `R3.lineHasCallbot` the line's `current`
 * assignment.
 */
export const apiErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  diagnostics: z.array(diagnosticSchema).optional(),
  current: lineAssignmentSchema.optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** The error codes the API answers with, by what they mean. */
export const API_ERRORS = {
  unauthorized: 'unauthorized',
  invalidRequest: 'invalid_request',
  invalidFlow: 'invalid_flow',
  lineHasCallbot: 'R3.lineHasCallbot',
  noEarlierVersion: 'no_earlier_version',
  conflict: 'conflict',
  /** A team, bot or schedule named as another one already is (`sameName`): `field` and `existing` say which. */
  nameTaken: 'name_taken',
  /** A customer whose number another customer has (R13-R15 count per number): `existing` says who. */
  numberTaken: 'number_taken',
} as const;

/** The refusal of a team, bot or schedule named as another one already is (409 `name_taken`). */
export const nameTakenSchema = apiErrorSchema.extend({
  error: z.literal(API_ERRORS.nameTaken),
  field: z.literal('name'),
  /** The record that has the name. */
  existing: z.object({ id: z.string(), name: z.string() }),
});
export type NameTaken = z.infer<typeof nameTakenSchema>;

/** The refusal of a customer whose number another customer has (409 `number_taken`). */
export const numberTakenSchema = apiErrorSchema.extend({
  error: z.literal(API_ERRORS.numberTaken),
  field: z.literal('number'),
  /** The customer that has the number. */
  existing: z.object({ id: z.string(), number: z.string(), name: z.string().optional() }),
});
export type NumberTaken = z.infer<typeof numberTakenSchema>;
