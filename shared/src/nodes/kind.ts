import { z } from 'zod';
import type { Diagnostic } from '../document/diagnostic.ts';
import { nodeIdSchema, portIdSchema } from '../document/ids.ts';
import type { FlowLanguage } from '../document/language.ts';
import type { FlowDocument } from '../document/schema.ts';
import type { ActionRef, ListenParams } from '../compiler/actions.ts';
import type { StateConfig, TransitionConfig } from '../compiler/machineConfig.ts';

/** An output of a node that can be connected to another node. */
export interface PortDef {
  id: string;
  /** Shown on the handle in the designer. */
  label: string;
}

/** The fields every node has; `data` is the kind's own. */
export interface BaseNode<K extends string, D> {
  id: string;
  kind: K;
  label?: string | undefined;
  data: D;
  /** Which node each output port leads to: `{ portId: nodeId }`. */
  connections: Record<string, string>;
}

/** A node of some kind, seen through its envelope only. */
export type AnyNode = BaseNode<string, unknown>;

/** What a kind's validation step can see besides its node. */
export interface ValidationContext {
  doc: FlowDocument;
  /** Index of the node in `doc.nodes`, for JSON paths in diagnostics. */
  index: number;
}

/** What a kind's compile step can use. */
export interface CompileContext {
  doc: FlowDocument;
  /** Transition to where `port` of `node` leads (or to the hang-up for an unconnected port), with extra actions first. */
  follow(node: AnyNode, port: string, actions?: ActionRef[]): TransitionConfig;
  /** The state target of the final state for an outcome. */
  finalTarget(outcome: 'transferred' | 'handed_off' | 'hung_up'): string;
  /** The action that reports entering a node (trace `node`). */
  enter(node: AnyNode): ActionRef;
}

/**
 * A node kind: everything `shared` knows about one kind, in one place.
 * Adding a kind means one folder under `nodes/` and one line in `nodes/index.ts`.
 */
export interface NodeKind<K extends string, D> {
  kind: K;
  /** Name shown in the palette and inspector. */
  title: string;
  /** One sentence for the palette's tooltip. */
  description: string;
  dataSchema: z.ZodType<D>;
  /** The node's JSON schema (id, kind, label, data, connections). */
  schema: NodeSchema<K, D>;
  /** Data of a freshly dropped node, its texts in the flow's language (see `flowLanguageOf`). */
  defaults(language: FlowLanguage): D;
  /** Output ports, in display order. Menus have one per option. */
  ports(data: D): PortDef[];
  /**
   * Ports that can actually be taken. A schedule without holidays never takes
   * `holiday`, so leaving it unconnected is fine. Defaults to all ports.
   */
  reachablePorts?(data: D): string[];
  /** Whether the bot hears the caller at this node (menus, AI agents). A loop through no such node talks forever. */
  listens: boolean;
  /** Kind-specific checks (the flow-wide ones live in `validation/`). */
  validate(node: BaseNode<K, D>, ctx: ValidationContext): Diagnostic[];
  /** The state (with its substates) this node becomes in the compiled machine. */
  compile(node: BaseNode<K, D>, ctx: CompileContext): StateConfig;
}

/** Builds a kind's node schema from its data schema, so every kind has the same envelope. */
export function nodeSchemaOf<K extends string, D>(kind: K, dataSchema: z.ZodType<D>) {
  return z.strictObject({
    id: nodeIdSchema,
    kind: z.literal(kind),
    label: z.string().max(120).optional(),
    data: dataSchema,
    connections: z.record(portIdSchema, z.string().max(200)),
  });
}
export type NodeSchema<K extends string, D> = ReturnType<typeof nodeSchemaOf<K, D>>;

export function defineNodeKind<K extends string, D>(
  def: Omit<NodeKind<K, D>, 'schema'>,
): NodeKind<K, D> {
  return { ...def, schema: nodeSchemaOf(def.kind, def.dataSchema) };
}

/** A diagnostic about a node, with its JSON path filled in. */
export function nodeDiagnostic(
  node: { id: string },
  ctx: ValidationContext,
  d: Omit<Diagnostic, 'nodeId' | 'path'> & { field?: string },
): Diagnostic {
  const { field, ...rest } = d;
  return {
    ...rest,
    nodeId: node.id,
    path: `nodes[${ctx.index}]${field ? `.${field}` : ''}`,
  };
}

/** `listen` action: the runtime's `listen` command, and the no-input timer when `noInputMs` is set. */
export const listenAction = (params: ListenParams): ActionRef => ({
  type: 'listen',
  params: { ...params },
});

/** `say` action for a fixed text; drawn flows never allow barge-in (R17). */
export const sayAction = (text: string, interruptible = false): ActionRef => ({
  type: 'say',
  params: { text, interruptible },
});
