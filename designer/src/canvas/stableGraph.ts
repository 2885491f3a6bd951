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
 * measurement itself re-creates no object, unless asked with `sized: true`
 * (the minimap reads sizes from the node objects: small flows that show it
 * give every node its size).
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
  let withSizes = false;
  const hasItsSize = (a: FlowCanvasNode) => {
    const size = sizes.get(a.id);
    return (
      size === undefined || (a.measured?.width === size.width && a.measured.height === size.height)
    );
  };
  const keepNodes = keeper<FlowCanvasNode>(
    (a, b) => sameNode(a, b) && (!withSizes || hasItsSize(a)),
    sized,
  );
  return {
    /** The nodes, keeping unchanged objects; with `sized`, each also carries its measured size. */
    nodes(next: FlowCanvasNode[], { sized = false }: { sized?: boolean } = {}): FlowCanvasNode[] {
      withSizes = sized;
      return keepNodes(next);
    },
    edges: keeper<Edge>(sameEdge, (edge) => edge),
    /** Notes the sizes in React Flow's `dimensions` changes; true when one is new. */
    measured(changes: readonly NodeChange<FlowCanvasNode>[]): boolean {
      let changed = false;
      for (const c of changes) {
        if (c.type !== 'dimensions' || !c.dimensions) continue;
        const before = sizes.get(c.id);
        if (before?.width === c.dimensions.width && before.height === c.dimensions.height) continue;
        sizes.set(c.id, c.dimensions);
        changed = true;
      }
      return changed;
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
    a.ariaLabel === b.ariaLabel &&
    a.className === b.className
  );
}

function sameEdge(a: Edge, b: Edge): boolean {
  return (
    a.source === b.source &&
    a.sourceHandle === b.sourceHandle &&
    a.target === b.target &&
    a.selected === b.selected &&
    a.ariaLabel === b.ariaLabel &&
    a.className === b.className
  );
}
