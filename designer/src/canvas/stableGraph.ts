import type { Edge } from '@xyflow/react';
import type { FlowCanvasNode, NodeBadge } from './toReactFlow.ts';

/**
 * Keeps the React Flow objects of nodes and edges that did not change from
 * one render to the next. React Flow re-renders a node when its object
 * changes, so during a drag only the nodes that move are drawn again, not
 * the 2,000 others.
 *
 * @example
 * const [cache] = useState(createGraphCache);
 * const nodes = useMemo(() => cache.nodes(graph.nodes), [cache, graph]);
 */
export function createGraphCache() {
  return {
    nodes: keeper<FlowCanvasNode>(sameNode),
    edges: keeper<Edge>(sameEdge),
  };
}

function keeper<T extends { id: string }>(same: (a: T, b: T) => boolean) {
  let last: T[] = [];
  let byId = new Map<string, T>();
  return (next: T[]): T[] => {
    let changed = next.length !== last.length;
    const out = next.map((item, i) => {
      const previous = byId.get(item.id);
      const kept = previous !== undefined && same(previous, item) ? previous : item;
      if (kept !== last[i]) changed = true;
      return kept;
    });
    if (!changed) return last;
    last = out;
    byId = new Map(out.map((item) => [item.id, item]));
    return out;
  };
}

const sameBadge = (a: NodeBadge | undefined, b: NodeBadge | undefined) =>
  a === b || (a?.errors === b?.errors && a?.warnings === b?.warnings);

function sameNode(a: FlowCanvasNode, b: FlowCanvasNode): boolean {
  return (
    a.data.node === b.data.node &&
    sameBadge(a.data.badge, b.data.badge) &&
    a.position.x === b.position.x &&
    a.position.y === b.position.y &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    a.measured?.width === b.measured?.width &&
    a.measured?.height === b.measured?.height
  );
}

function sameEdge(a: Edge, b: Edge): boolean {
  return (
    a.source === b.source &&
    a.sourceHandle === b.sourceHandle &&
    a.target === b.target &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel
  );
}
