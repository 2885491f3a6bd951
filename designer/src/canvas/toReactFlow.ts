import type { Edge, Node } from '@xyflow/react';
import { kindOf, type FlowDocument, type FlowNode } from '@callbot/shared';

/** The one React Flow node type of the canvas: every kind is drawn by `FlowNodeView`. */
export const FLOW_NODE_TYPE = 'flowNode';

/** Vertical distance between nodes that have no position in the layout. */
const FALLBACK_ROW_GAP = 180;

/** What a canvas node carries: the document node it draws, as it is in the document. */
export type FlowNodeData = { node: FlowNode };
export type FlowCanvasNode = Node<FlowNodeData, typeof FLOW_NODE_TYPE>;

export interface ReactFlowGraph {
  nodes: FlowCanvasNode[];
  edges: Edge[];
}

/**
 * Maps a flow document to React Flow nodes and edges. Pure, so the canvas
 * renders from the document and the mapping is tested without a browser.
 *
 * Positions come from `doc.layout`; a node the layout does not place goes in
 * a column at x = 0. Each entry of a node's `connections` (`{ portId: nodeId }`)
 * becomes an edge from that port's handle. A connection from a port the kind
 * does not have, or to a node that does not exist, is not drawn: React Flow
 * cannot attach it to anything, and validation reports it to the user.
 */
export function toReactFlow(doc: FlowDocument): ReactFlowGraph {
  const nodeIds = new Set(doc.nodes.map((node) => node.id));

  const nodes = doc.nodes.map((node, index): FlowCanvasNode => {
    // `hasOwn`, because a node id such as `toString` would otherwise read Object.prototype.
    const placed = Object.hasOwn(doc.layout.nodes, node.id) ? doc.layout.nodes[node.id] : undefined;
    return {
      id: node.id,
      type: FLOW_NODE_TYPE,
      position: placed ? { x: placed.x, y: placed.y } : { x: 0, y: index * FALLBACK_ROW_GAP },
      data: { node },
      ariaLabel: `${kindOf(node).title}: ${node.label ?? node.id}`,
    };
  });

  const edges = doc.nodes.flatMap((node) => {
    const ports = new Set(
      kindOf(node)
        .ports(node.data)
        .map((port) => port.id),
    );
    return Object.entries(node.connections)
      .filter(([port, target]) => ports.has(port) && nodeIds.has(target))
      .map(([port, target]): Edge => ({
        id: `${node.id}:${port}`,
        source: node.id,
        sourceHandle: port,
        target,
      }));
  });

  return { nodes, edges };
}
