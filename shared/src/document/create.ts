import { nodeKinds, type FlowNode, type NodeKindName } from '../nodes/index.ts';
import { CURRENT_SCHEMA_VERSION, type FlowDocument } from './schema.ts';

/** A new flow: a greeting that hangs up, ready to be drawn on. */
export function createFlow(
  name: string,
  timeZone = 'America/Sao_Paulo',
  locale = 'pt-BR',
): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    settings: { name, timeZone, locale, noInputTimeoutMs: 5000 },
    nodes: [
      {
        id: 'greeting',
        kind: 'greeting',
        data: nodeKinds.greeting.defaults(),
        connections: { next: 'tchau' },
      },
      { id: 'tchau', kind: 'hangup', data: nodeKinds.hangup.defaults(), connections: {} },
    ],
    layout: { nodes: { greeting: { x: 0, y: 0 }, tchau: { x: 0, y: 160 } } },
  };
}

/** A node of a kind with its default data and no connections. */
export function createNode<K extends NodeKindName>(
  kind: K,
  id: string,
): Extract<FlowNode, { kind: K }> {
  return { id, kind, data: nodeKinds[kind].defaults(), connections: {} } as Extract<
    FlowNode,
    { kind: K }
  >;
}
