import type { FlowDocument } from '@callbot/shared';
import type { XY } from '../editor/commands.ts';

/** A node's size on the canvas; nodes not yet measured get a typical size. */
export type Sizes = ReadonlyMap<string, { width: number; height: number }>;
const DEFAULT_SIZE = { width: 240, height: 120 };

/**
 * Positions for every node, top to bottom along the flow's connections
 * (dagre's layered layout), snapped to the 20 px grid. dagre is loaded only
 * when the user asks for a layout.
 */
export async function autoLayout(doc: FlowDocument, sizes: Sizes): Promise<Record<string, XY>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 80, marginx: 0, marginy: 0 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(doc.nodes.map((n) => n.id));
  for (const node of doc.nodes) graph.setNode(node.id, { ...(sizes.get(node.id) ?? DEFAULT_SIZE) });
  for (const node of doc.nodes) {
    for (const target of Object.values(node.connections)) {
      if (ids.has(target) && target !== node.id) graph.setEdge(node.id, target);
    }
  }
  dagre.layout(graph);
  const snap = (v: number) => Math.round(v / 20) * 20;
  return Object.fromEntries(
    doc.nodes.map((node) => {
      const { x, y, width, height } = graph.node(node.id);
      // dagre gives centres; React Flow positions are top-left corners.
      return [node.id, { x: snap(x - width / 2), y: snap(y - height / 2) }];
    }),
  );
}
