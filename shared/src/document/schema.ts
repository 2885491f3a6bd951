import { z } from 'zod';
import { flowNodeSchema } from '../nodes/index.ts';
import { nodeIdSchema } from './ids.ts';

export type { FlowNode, NodeKindName, NodeOfKind } from '../nodes/index.ts';

/** The document version this code writes. Older documents are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

/** Limits that keep a hostile or broken file from exhausting the browser or a server. */
export const LIMITS = {
  maxNodes: 2000,
  maxBytes: 5 * 1024 * 1024,
  maxDepth: 32,
} as const;

export const flowSettingsSchema = z.strictObject({
  name: z.string().trim().min(1, 'a flow needs a name').max(120),
  /** IANA time zone the flow's schedules are read in, e.g. `America/Sao_Paulo`. */
  timeZone: z.string().max(64),
  /** BCP 47 language of the bot's prompts, e.g. `pt-BR`. */
  locale: z.string().max(35),
  /** Silence allowed at a menu before its no-input handling, in ms, unless the menu sets its own. */
  noInputTimeoutMs: z.int().min(1000).max(120_000),
});
export type FlowSettings = z.infer<typeof flowSettingsSchema>;

export const pointSchema = z.strictObject({ x: z.number(), y: z.number() });

/**
 * Where nodes sit on the canvas. Kept apart from the logic: moving a node
 * never changes what the bot does, nor the compiled machine.
 */
export const layoutSchema = z.strictObject({
  nodes: z.record(nodeIdSchema, pointSchema),
});
export type FlowLayout = z.infer<typeof layoutSchema>;

/** A callbot flow: versioned JSON, the file `callbot validate` and `callbot simulate` read. */
export const flowDocumentSchema = z.strictObject({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  settings: flowSettingsSchema,
  nodes: z.array(flowNodeSchema).max(LIMITS.maxNodes),
  layout: layoutSchema,
});
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
