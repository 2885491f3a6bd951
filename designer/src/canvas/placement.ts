import { kindOf, type FlowDocument, type FlowNode } from '@callbot/shared';

/**
 * Where nodes go on the canvas, as pure functions of boxes: no React, no
 * DOM, so they are unit-tested on their own. Positions are top-left corners
 * in flow coordinates (as React Flow and `doc.layout` keep them).
 */

export interface XY {
  x: number;
  y: number;
}
export interface Size {
  width: number;
  height: number;
}
export type Box = XY & Size;
/** Sizes by node id. */
export type Sizes = ReadonlyMap<string, Size>;
/** A node's size before it was ever drawn in full detail (each kind's, from the registry). */
export type SizeEstimate = (node: FlowNode) => Size;
/** The sizes nodes were measured at in full detail, and an estimate for the others. */
export interface NodeSizes {
  known: Sizes;
  estimate: SizeEstimate;
}

/** The grid nodes snap to, in flow coordinates. */
export const GRID = 20;
/** The room kept free around a node placed for the user: no two boxes closer than this. */
export const NODE_GAP = 40;
/** Vertical room between a node and the one it leads to (the layout's rank gap). */
export const RANK_GAP = 80;

export const snap = (v: number): number => Math.round(v / GRID) * GRID;

/** Whether two boxes share any area once each is grown by `gap / 2` on every side. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x < b.x + b.width + gap &&
    b.x < a.x + a.width + gap &&
    a.y < b.y + b.height + gap &&
    b.y < a.y + a.height + gap
  );
}

/** Every pair of boxes that overlap, by id (each pair once, in the order given). */
export function overlappingPairs(boxes: ReadonlyMap<string, Box>, gap = 0): [string, string][] {
  const entries = [...boxes];
  const pairs: [string, string][] = [];
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (overlaps(entries[i]![1], entries[j]![1], gap))
        pairs.push([entries[i]![0], entries[j]![0]]);
    }
  }
  return pairs;
}

/** The boxes of a document's placed nodes, each with its known size or else its estimated one. */
export function boxesOf(doc: FlowDocument, sizes: NodeSizes): Map<string, Box> {
  const boxes = new Map<string, Box>();
  for (const node of doc.nodes) {
    if (!Object.hasOwn(doc.layout.nodes, node.id)) continue;
    const at = doc.layout.nodes[node.id]!;
    boxes.set(node.id, { x: at.x, y: at.y, ...sizeOf(node, sizes) });
  }
  return boxes;
}

/** A node's size: measured when known, else estimated. */
export const sizeOf = (node: FlowNode, sizes: NodeSizes): Size =>
  sizes.known.get(node.id) ?? sizes.estimate(node);

/**
 * The nearest free top-left corner to `wanted` for a box of `size`: on the
 * grid, at least `gap` away from every box. Deterministic, and as close as
 * the room allows.
 *
 * @example
 * freeSpotNear({ x: 0, y: 0 }, { width: 240, height: 120 }, [{ x: 0, y: 0, width: 240, height: 120 }])
 * // -> a spot beside or under the box already there
 */
export function freeSpotNear(
  wanted: XY,
  size: Size,
  boxes: Iterable<Box>,
  { gap = NODE_GAP }: { gap?: number } = {},
): XY {
  const all = [...boxes];
  const start = { x: snap(wanted.x), y: snap(wanted.y) };
  const free = (p: XY) => all.every((b) => !overlaps({ ...p, ...size }, b, gap));
  if (free(start)) return start;
  // The nearest free spot is, on each axis, either the wanted coordinate or
  // just clear of some box's side: try those, on the grid, nearest first.
  const up = (v: number) => Math.ceil(v / GRID) * GRID;
  const down = (v: number) => Math.floor(v / GRID) * GRID;
  const xs = new Set([start.x]);
  const ys = new Set([start.y]);
  for (const b of all) {
    xs.add(up(b.x + b.width + gap)).add(down(b.x - gap - size.width));
    ys.add(up(b.y + b.height + gap)).add(down(b.y - gap - size.height));
  }
  const distance = (p: XY) => (p.x - start.x) ** 2 + (p.y - start.y) ** 2;
  const candidates = [...xs].flatMap((x) => [...ys].map((y) => ({ x, y })));
  // At equal distance: lower, then further right (reading on from the wanted spot).
  candidates.sort((a, b) => distance(a) - distance(b) || b.y - a.y || b.x - a.x);
  const found = candidates.find(free);
  // Some candidate is always free (below every box); kept for the type checker.
  return found ?? { x: start.x, y: up(Math.max(...all.map((b) => b.y + b.height + gap))) };
}

/** A box of `size` centred on `point`, top-left snapped. */
export const centredOn = (point: XY, size: Size): XY => ({
  x: snap(point.x - size.width / 2),
  y: snap(point.y - size.height / 2),
});

/** Where a node led to from `from` goes: under it, centred, in the nearest free spot. */
export function spotBelow(from: Box, size: Size, boxes: Iterable<Box>): XY {
  const wanted = {
    x: from.x + from.width / 2 - size.width / 2,
    y: from.y + from.height + RANK_GAP,
  };
  return freeSpotNear(wanted, size, boxes);
}

/** The first output of `node` with no connection, in the kind's order, if any. */
export function firstFreePort(node: FlowNode): string | undefined {
  return kindOf(node)
    .ports(node.data)
    .find((port) => !Object.hasOwn(node.connections, port.id))?.id;
}

/**
 * Moves boxes apart until none overlaps another (with `gap`): boxes are
 * taken top to bottom, left to right, and each that overlaps one already
 * kept is pushed down, on the grid, to the first free row. Boxes that do not
 * overlap stay where they are. Returns the new top-left corners of every box.
 */
export function separate(boxes: ReadonlyMap<string, Box>, gap = NODE_GAP): Map<string, XY> {
  const order = [...boxes].sort(([, a], [, b]) => a.y - b.y || a.x - b.x);
  const kept: Box[] = [];
  const out = new Map<string, XY>();
  for (const [id, box] of order) {
    const placed = { ...box };
    for (let blocker = kept.find((k) => overlaps(placed, k, gap)); blocker;) {
      placed.y = snap(blocker.y + blocker.height + gap + GRID / 2);
      blocker = kept.find((k) => overlaps(placed, k, gap));
    }
    kept.push(placed);
    out.set(id, { x: placed.x, y: placed.y });
  }
  return out;
}

// ---- Size estimate ----

const LINE = 20;
const CHARS_PER_LINE = 34;

/** How many lines a text takes in a node's body, at least one and at most `max`. */
export const linesOf = (text: string, max: number): number =>
  Math.min(max, Math.max(1, Math.ceil(text.length / CHARS_PER_LINE)));

/**
 * A node's size from what its kind's view shows (`width`, and `bodyLines`
 * lines between its name and its outputs), its outputs wrapping three to a
 * row. Errs on the tall side, so a layout made from it keeps nodes apart
 * once they are drawn.
 */
export function estimateFrame(node: FlowNode, view: { width: number; bodyLines: number }): Size {
  const ports = kindOf(node).ports(node.data).length;
  const portRows = ports === 0 ? 0 : Math.ceil(ports / 3);
  // Frame padding and borders, header, name; then the body; then each row of outputs (label and handle).
  const height = 16 + 20 + 22 + view.bodyLines * LINE + 8 + portRows * 34;
  return { width: view.width, height: Math.ceil(height / GRID) * GRID };
}

/** Where a handle is on its node, relative to the node's top-left corner. */
export interface HandleSpot {
  id: string | null;
  type: 'source' | 'target';
  x: number;
  y: number;
}

/**
 * Where a node of `size` has its handles before it is ever drawn, as
 * `estimateFrame` lays it out: the input at the top centre, the outputs
 * spread across their rows at the bottom, three to a row. Lets a large flow
 * draw a connection to or from a node that is not on screen (and not
 * rendered); once drawn, the node's measured handles replace these.
 */
export function estimateHandles(node: FlowNode, size: Size): HandleSpot[] {
  const ports = kindOf(node).ports(node.data);
  const rows = Math.ceil(ports.length / 3);
  const outputs = ports.map((port, i): HandleSpot => {
    const row = Math.floor(i / 3);
    const inRow = Math.min(3, ports.length - row * 3);
    return {
      id: port.id,
      type: 'source',
      x: (size.width * ((i % 3) + 0.5)) / inRow,
      y: size.height - (rows - 1 - row) * 34,
    };
  });
  return [{ id: null, type: 'target', x: size.width / 2, y: 0 }, ...outputs];
}
