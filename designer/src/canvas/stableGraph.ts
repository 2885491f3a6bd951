import { Position, type Edge, type NodeChange } from '@xyflow/react';
import type { FlowNode } from '@callbot/shared';
import { estimateHandles, type Size } from './placement.ts';
import type { FlowCanvasNode, NodeBadge } from './toReactFlow.ts';

/** A node's size before it is drawn (the registry's estimate). */
export type NodeEstimate = (node: FlowNode) => Size;

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
 * Given an `estimate` (a large flow, drawn with `onlyRenderVisibleElements`),
 * a node never measured carries its estimated size and handles, so React
 * Flow knows where it is and where its connections end without rendering
 * it: only the nodes in view are drawn on open, not all of them once to
 * measure them. A node drawn is measured, and its real size and handles
 * replace the estimate.
 *
 * @example
 * const [cache] = useState(createGraphCache);
 * const nodes = useMemo(() => cache.nodes(graph.nodes), [cache, graph]);
 * const onNodesChange = (changes) => { cache.measured(changes); ... };
 */
export function createGraphCache() {
  const sizes = new Map<string, Size>();
  let estimate: NodeEstimate | undefined;
  const sized = (node: FlowCanvasNode): FlowCanvasNode => {
    const measured = sizes.get(node.id);
    if (measured) return { ...node, measured };
    return estimate ? estimated(node, estimate(node.data.node)) : node;
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
    /**
     * The nodes, keeping unchanged objects; with `sized`, each also carries
     * its measured size; with `estimate`, a node never measured carries its
     * estimated size and handles.
     */
    nodes(
      next: FlowCanvasNode[],
      options: { sized?: boolean; estimate?: NodeEstimate | undefined } = {},
    ): FlowCanvasNode[] {
      withSizes = options.sized ?? false;
      estimate = options.estimate;
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

/**
 * A node not drawn yet, with the size and handles it is estimated to have.
 * The size is off the pixel grid by half a pixel: React Flow measures a
 * drawn node's handles only when its size changed, and a measured size is
 * whole pixels, so the first measure always replaces the estimated handles.
 */
function estimated(node: FlowCanvasNode, size: Size): FlowCanvasNode {
  const handles = estimateHandles(node.data.node, size).map((h) => ({
    ...h,
    position: h.type === 'target' ? Position.Top : Position.Bottom,
  }));
  return { ...node, measured: { width: size.width + 0.5, height: size.height + 0.5 }, handles };
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
    a.className === b.className &&
    a.label === b.label &&
    a.style?.strokeWidth === b.style?.strokeWidth
  );
}
