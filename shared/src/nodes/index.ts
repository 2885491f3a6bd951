import { z } from 'zod';
import { aiAgent } from './aiAgent/index.ts';
import { fallbackBot } from './fallbackBot/index.ts';
import { greeting } from './greeting/index.ts';
import { hangup } from './hangup/index.ts';
import type { NodeKind } from './kind.ts';
import { menu } from './menu/index.ts';
import { message } from './message/index.ts';
import { schedule } from './schedule/index.ts';
import { transfer } from './transfer/index.ts';

/** Every node kind, by name: the one registry the schema, validation, compiler and designer read. */
export const nodeKinds = {
  greeting,
  message,
  menu,
  schedule,
  transfer,
  fallbackBot,
  aiAgent,
  hangup,
} as const;

export type NodeKindName = keyof typeof nodeKinds;
export const nodeKindNames = Object.keys(nodeKinds) as NodeKindName[];

type KindSchema = (typeof nodeKinds)[NodeKindName]['schema'];

/** A node of any kind, as it is in the document: one schema per kind of the registry above. */
export const flowNodeSchema = z.discriminatedUnion(
  'kind',
  Object.values(nodeKinds).map((kind) => kind.schema) as [KindSchema, ...KindSchema[]],
);
export type FlowNode = z.infer<typeof flowNodeSchema>;
export type NodeOfKind<K extends NodeKindName> = Extract<FlowNode, { kind: K }>;

/** The kind definition of a node, typed for that node. */
export function kindOf<N extends FlowNode>(node: N): NodeKind<N['kind'], N['data']> {
  return nodeKinds[node.kind];
}
