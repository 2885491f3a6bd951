/**
 * Publishing under a workspace, written once: an editor publishes a flow of
 * the workspace in one click; the server checks it (errors block, in the
 * checks' own words; a team or bot the workspace does not have is refused),
 * keeps it as an immutable numbered version (who, when, note) and makes it
 * the version the workspace's lines assigned to that callbot answer with.
 * Rolling back makes an earlier version the live one again. The teams'
 * telephony side (where a transfer dials, how many agents can take a call
 * now) is set here too, by people or by scripts with an API token.
 *
 * Every route is under `/api/workspaces/:ws/`: publish and roll back are
 * the editor's, reading is the viewer's.
 */
import { z } from 'zod';
import { actorSchema } from './workspace.ts';
import { diagnosticSchema } from './publish.ts';

/**
 * `POST /api/workspaces/:ws/flows/:id/publish`: the flow's document as the
 * editor sees it (checked by the server like a save), and a note.
 */
export const workspacePublishRequestSchema = z.strictObject({
  doc: z.unknown(),
  note: z.string().trim().max(500, 'a version note has at most 500 characters').optional(),
});
export type WorkspacePublishRequest = z.infer<typeof workspacePublishRequestSchema>;

/** One published version of a workspace's flow, without its document. Never changes. */
export const publishedVersionSchema = z.object({
  flowId: z.string(),
  /** 1, 2, 3… per flow. */
  version: z.int().positive(),
  note: z.string(),
  /** The compiled machine's fingerprint: two versions with the same one behave the same. */
  fingerprint: z.string(),
  publishedAt: z.string(),
  publishedBy: actorSchema,
});
export type PublishedVersion = z.infer<typeof publishedVersionSchema>;

/**
 * `GET /api/workspaces/:ws/flows/:id/published`: the versions, newest first,
 * and the one the flow's lines answer with (null: never published).
 */
export const publishedListSchema = z.object({
  versions: z.array(publishedVersionSchema),
  live: z.int().positive().nullable(),
  /** The workspace's lines this callbot answers. */
  lines: z.array(z.object({ id: z.string(), number: z.string().optional(), kind: z.string() })),
});
export type PublishedList = z.infer<typeof publishedListSchema>;

/**
 * `GET /api/workspaces/:ws/flows/:id/published/:version`: one published
 * version with its document (the calls page draws a call on the version it ran).
 */
export const publishedVersionDocSchema = publishedVersionSchema.extend({ doc: z.unknown() });
export type PublishedVersionDoc = z.infer<typeof publishedVersionDocSchema>;

/** 201 to a publish: the new version (now live) and the flow's warnings. */
export const workspacePublishedSchema = z.object({
  version: publishedVersionSchema,
  diagnostics: z.array(diagnosticSchema),
});
export type WorkspacePublished = z.infer<typeof workspacePublishedSchema>;

/**
 * `POST /api/workspaces/:ws/flows/:id/rollback`: makes `version` (by default
 * the one before the live one) the live version.
 */
export const workspaceRollbackRequestSchema = z.strictObject({
  version: z.int('a version is a whole number').positive().optional(),
});

/** 200 to a roll-back: the version now live. */
export const liveVersionSchema = z.object({ live: publishedVersionSchema });

/**
 * `PUT /api/workspaces/:ws/teams/:id/routing`: where a transfer to the team
 * dials (a queue name, an E.164 number or a `sip:` address; by default a
 * queue named by the team's id) and how many of its agents can take a call
 * now (R16; by default the team's number of agents).
 */
export const teamRoutingRequestSchema = z.strictObject({
  target: z
    .string()
    .trim()
    .min(1, 'a target names a queue, a number or a sip: address')
    .max(200)
    .optional(),
  agentsAvailable: z
    .int('the agents available are a whole number')
    .min(0, 'the agents available cannot be negative')
    .max(100_000),
});
export type TeamRoutingRequest = z.infer<typeof teamRoutingRequestSchema>;

/** A team's routing as the voice path uses it: the request's fields with their defaults applied. */
export const teamRoutingSchema = z.object({
  teamId: z.string(),
  target: z.string(),
  agentsAvailable: z.int(),
  /** False when nothing was set (the defaults apply). */
  set: z.boolean(),
});
export type TeamRouting = z.infer<typeof teamRoutingSchema>;

/** `GET /api/workspaces/:ws/routing`. */
export const teamRoutingListSchema = z.object({ teams: z.array(teamRoutingSchema) });

/** The refusal codes of these routes. */
export const PUBLISHED_ERRORS = {
  invalidFlow: 'invalid_flow',
  unknownReference: 'unknown_reference',
  noEarlierVersion: 'no_earlier_version',
  notFound: 'not_found',
} as const;
