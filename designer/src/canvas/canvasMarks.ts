import type { ReactNode } from 'react';
import type { CallHighlight, CoverageShown } from '../editor/store.ts';

/** Class names for some nodes and edges (by id), drawn on top of what they are. */
export interface CanvasMarks {
  nodes: ReadonlyMap<string, string>;
  edges: ReadonlyMap<string, string>;
}

/**
 * What the canvas marks while a call is simulated (the node the call is at,
 * the nodes and connections it went through) and while a flow's test
 * coverage is shown (the nodes and connections the test cases exercise, and
 * the nodes they never reach). Edge ids are `node:port`, as on the canvas.
 *
 * @example
 * const marks = canvasMarks(doc.nodes.map((n) => n.id), call, coverage);
 */
export function canvasMarks(
  nodeIds: readonly string[],
  call: CallHighlight,
  coverage: CoverageShown | null,
): CanvasMarks {
  const nodes = new Map<string, string[]>();
  const edges = new Map<string, string[]>();
  const mark = (into: Map<string, string[]>, id: string, name: string) =>
    into.set(id, [...(into.get(id) ?? []), name]);

  for (const id of call.path.nodes) mark(nodes, id, 'is-visited');
  if (call.active !== null) mark(nodes, call.active, 'is-active');
  for (const id of call.path.edges) mark(edges, id, 'is-taken');

  if (coverage !== null) {
    for (const id of nodeIds)
      mark(nodes, id, coverage.nodes.has(id) ? 'is-covered' : 'is-uncovered');
    for (const id of coverage.ports) mark(edges, id, 'is-covered');
  }
  const joined = (from: Map<string, string[]>) =>
    new Map([...from].map(([id, names]) => [id, names.join(' ')]));
  return { nodes: joined(nodes), edges: joined(edges) };
}

/**
 * The items with their mark as `className`; unmarked ones are returned as
 * they are (the same objects), so only marked nodes are drawn again.
 */
export function withMarks<T extends { id: string; className?: string }>(
  items: T[],
  marks: ReadonlyMap<string, string>,
): T[] {
  if (marks.size === 0) return items;
  return items.map((item) => {
    const className = marks.get(item.id);
    return className === undefined ? item : { ...item, className };
  });
}

/**
 * What a page draws over the canvas (the calls' analytics, one real call's
 * path): marks joined to the canvas's own, a width and a label per edge
 * (`node:port`), and a layer drawn inside the canvas (e.g. badges on nodes,
 * placed with React Flow's `ViewportPortal`).
 */
export interface CanvasOverlay {
  marks?: CanvasMarks;
  edges?: ReadonlyMap<string, { width: number; label: string }>;
  layer?: ReactNode;
}

/** The canvas's marks and an overlay's together (an item marked by both gets both class names). */
export function joinMarks(marks: CanvasMarks, extra: CanvasMarks | undefined): CanvasMarks {
  if (!extra) return marks;
  const join = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>) => {
    const out = new Map(a);
    for (const [id, name] of b) out.set(id, out.has(id) ? `${out.get(id)} ${name}` : name);
    return out;
  };
  return { nodes: join(marks.nodes, extra.nodes), edges: join(marks.edges, extra.edges) };
}

/**
 * The edges with an overlay's width (as stroke width) and label, drawn as `figure` edges
 * (`FigureEdge`: the label near the port); others as they are.
 */
export function withEdgeFigures<
  T extends { id: string; type?: string; style?: object; label?: ReactNode },
>(edges: T[], figures: CanvasOverlay['edges']): T[] {
  if (!figures || figures.size === 0) return edges;
  return edges.map((edge) => {
    const figure = figures.get(edge.id);
    return figure === undefined
      ? edge
      : {
          ...edge,
          type: 'figure',
          style: { ...edge.style, strokeWidth: figure.width },
          label: figure.label,
        };
  });
}
