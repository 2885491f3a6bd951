/** A point of the canvas. */
export interface Point {
  x: number;
  y: number;
}

/**
 * How far along its edge a figure's label sits, from the port: near the port, where the
 * edges into one node are still as far apart as their ports (at the middle, edges
 * converging on one input ran their labels together: "50 calls12 calls").
 */
export const FIGURE_LABEL_AT = 0.15;

/**
 * How far below its neighbours' the label of every other port sits: one label's height
 * (an 11px figure in its pill, with a little air). Ports of one node can be closer
 * together than a label is wide ("188 chamadas" and "121 chamadas" under a menu).
 */
export const FIGURE_LABEL_STAGGER = 20;

/**
 * The point `at` (0 the port, 1 the input) of React Flow's bezier from a port at the bottom
 * of a node to an input at the top of another (curvature 0.25, as its default edge draws it).
 */
export function pointOnEdge(source: Point, target: Point, at: number): Point {
  const distance = target.y - source.y;
  // React Flow's control offset: half the drop going down, a loop going back up.
  const offset = distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
  const c1 = { x: source.x, y: source.y + offset };
  const c2 = { x: target.x, y: target.y - offset };
  const u = 1 - at;
  const along = (a: number, b: number, c: number, d: number) =>
    u * u * u * a + 3 * u * u * at * b + 3 * u * at * at * c + at * at * at * d;
  return {
    x: along(source.x, c1.x, c2.x, target.x),
    y: along(source.y, c1.y, c2.y, target.y),
  };
}

/**
 * How far below its port the label of an even port sits (an odd port's a stagger lower):
 * the same depth for every edge of a node, whatever its drop, so neighbouring labels sit
 * in two rows exactly a label's height apart.
 */
export const FIGURE_LABEL_DEPTH = 36;

/**
 * Where the figure of the edge leaving the `portIndex`th port of its node sits: on the edge
 * where it is a fixed depth below the port, one label's height deeper for every other port,
 * so the labels of neighbouring ports never touch however close the ports are. An edge too
 * short to reach that depth (or looping back up) gets its label at `FIGURE_LABEL_AT`.
 */
export function figureLabelPoint(source: Point, target: Point, portIndex: number): Point {
  const y = source.y + FIGURE_LABEL_DEPTH + (portIndex % 2) * FIGURE_LABEL_STAGGER;
  // Going down, the curve's y grows with `at`: halve the interval until at that depth.
  if (target.y - source.y < 2 * (y - source.y)) return pointOnEdge(source, target, FIGURE_LABEL_AT);
  let low = 0;
  let high = 0.5;
  for (let step = 0; step < 20; step++) {
    const middle = (low + high) / 2;
    if (pointOnEdge(source, target, middle).y < y) low = middle;
    else high = middle;
  }
  return { x: pointOnEdge(source, target, (low + high) / 2).x, y };
}
