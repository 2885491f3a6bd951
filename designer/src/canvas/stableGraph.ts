import type { Edge, NodeChange } from '@xyflow/react';
import type { FlowCanvasNode, NodeBadge } from './toReactFlow.ts';

type Size = { width: number; height: number };

/**
 * Keeps the React Flow objects of nodes and edges that did not change from
 * one render to the next. React Flow re-renders a node when its object
 * changes, so during a drag only the nodes that move are drawn again, not
 * the 2,000 others.
 *
 * It also remembers the sizes React Flow measured (`measured`, from its
 * `dimensions` changes). React Flow keeps a node's size as long as it gets
 * the same node object; a new object without `measured` would be hidden
 * until measured again, so each new object gets the node's last size. A
 * measurement itself re-creates no object.
 *
 * @example
 * const [cache] = useState(createGraphCache);
 * const nodes = useMemo(() => cache.nodes(graph.nodes), [cache, graph]);
 * const onNodesChange = (changes) => { cache.measured(changes); ... };
 */
export function createGraphCache() {
  const sizes = new Map<string, Size>();
  const sized = (node: FlowCanvasNode): FlowCanvasNode => {
    const measured = sizes.get(node.id);
    return measured ? { ...node, measured } : node;
  };
  return {
    nodes: keeper<FlowCanvasNode>(sameNode, sized),
    edges: keeper<Edge>(sameEdge, (edge) => edge),
    /** Notes the sizes in React Flow's `dimensions` changes. */
    measured(changes: readonly NodeChange<FlowCanvasNode>[]): void {
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) sizes.set(c.id, c.dimensions);
      }
    },
  };
}

/** Keeps the previous object of each item that is the `same`; a new one goes through `fresh`. */
function keeper<T extends { id: string }>(same: (a: T, b: T) => boolean, fresh: (item: T) => T) {
  let last: T[] = [];
  let byId = new Map<string, T>();
  return (next: T[]): T[] => {
    let changed = next.length !== last.length;
    const out = next.map((item, i) => {
      const previous = byId.get(item.id);
      const kept = previous !== undefined && same(previous, item) ? previous : fresh(item);
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
    a.ariaLabel === b.ariaLabel
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
