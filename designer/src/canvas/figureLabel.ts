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
