import type { FlowDocument } from '@callbot/shared';
import { withoutOverlaps } from './canvasCommands.ts';
import { NODE_GAP, RANK_GAP, sizeOf, snap, type NodeSizes, type XY } from './placement.ts';

/**
 * Positions for every node, top to bottom along the flow's connections
 * (dagre's layered layout), snapped to the 20 px grid, no two nodes
 * overlapping. `sizes.known` are the nodes' sizes in full detail: only sizes
 * measured while nodes were drawn in full (a node measured zoomed out is
 * smaller than it will be); the others are estimated from their content.
 * dagre is loaded only when the user asks for a layout.
 */
export async function autoLayout(doc: FlowDocument, sizes: NodeSizes): Promise<Record<string, XY>> {
  const { default: dagre } = await import('@dagrejs/dagre');
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({
    rankdir: 'TB',
    nodesep: NODE_GAP + 20,
    ranksep: RANK_GAP,
    marginx: 0,
    marginy: 0,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(doc.nodes.map((n) => n.id));
  const size = new Map(doc.nodes.map((n) => [n.id, sizeOf(n, sizes)]));
  for (const node of doc.nodes) graph.setNode(node.id, { ...size.get(node.id)! });
  for (const node of doc.nodes) {
    for (const target of Object.values(node.connections)) {
      if (ids.has(target) && target !== node.id) graph.setEdge(node.id, target);
    }
  }
  dagre.layout(graph);
  const positions = Object.fromEntries(
    doc.nodes.map((node) => {
      const { x, y, width, height } = graph.node(node.id);
      // dagre gives centres; React Flow positions are top-left corners.
      return [node.id, { x: snap(x - width / 2), y: snap(y - height / 2) }];
    }),
  );
  return withoutOverlaps(doc, positions, { known: size, estimate: sizes.estimate });
}
