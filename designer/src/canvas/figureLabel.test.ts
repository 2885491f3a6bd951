import { Position, getBezierPath } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { FIGURE_LABEL_AT, figureLabelPoint, pointOnEdge, type Point } from './figureLabel.ts';

/** A label's box, as wide as "50 calls" at 11px with its pill's padding. */
const WIDTH = 64;
const HEIGHT = 18;
const overlap = (a: Point, b: Point) => Math.abs(a.x - b.x) < WIDTH && Math.abs(a.y - b.y) < HEIGHT;

describe('figure labels on edges', () => {
  it('follows the curve React Flow draws, going down and looping back up', () => {
    for (const [source, target] of [
      [
        { x: 0, y: 0 },
        { x: 40, y: 300 },
      ],
      [
        { x: 0, y: 300 },
        { x: 40, y: 0 },
      ],
    ] as const) {
      const [path, midX, midY] = getBezierPath({
        sourceX: source.x,
        sourceY: source.y,
        sourcePosition: Position.Bottom,
        targetX: target.x,
        targetY: target.y,
        targetPosition: Position.Top,
      });
      const [, c1y, c2y] = /C[\d.-]+,([\d.-]+) [\d.-]+,([\d.-]+)/.exec(path)!.map(Number);
      // The control points (hence the curve) are React Flow's: its own middle is ours.
      expect(pointOnEdge(source, target, 0.5)).toEqual({ x: midX, y: midY });
      expect(pointOnEdge(source, target, 1 / 3).y).toBeCloseTo(
        (8 / 27) * source.y + (12 / 27) * c1y! + (6 / 27) * c2y! + (1 / 27) * target.y,
      );
      expect(pointOnEdge(source, target, 0)).toEqual(source);
      expect(pointOnEdge(source, target, 1)).toEqual(target);
    }
  });

  it('keeps apart the labels of two edges into one node from neighbouring ports', () => {
    // Two ports of one node, 80 px apart, both going to the node below.
    const input = { x: 40, y: 300 };
    const ports = [
      { x: 0, y: 0 },
      { x: 80, y: 0 },
    ];
    const middles = ports.map((port) => pointOnEdge(port, input, 0.5));
    expect(overlap(middles[0]!, middles[1]!)).toBe(true);
    const labels = ports.map((port) => pointOnEdge(port, input, FIGURE_LABEL_AT));
    expect(overlap(labels[0]!, labels[1]!)).toBe(false);
    // Below the ports, clear of the node they leave.
    for (const label of labels) expect(label.y).toBeGreaterThan(HEIGHT);
  });

  it('keeps apart the labels of neighbouring ports closer together than a label is wide', () => {
    // A menu's four options, 40 px apart (less than a label's width), to nodes below and aside.
    const ports = [0, 40, 80, 120].map((x) => ({ x, y: 0 }));
    const targets = [
      { x: -200, y: 300 },
      { x: 60, y: 260 },
      { x: 60, y: 400 },
      { x: 400, y: 300 },
    ];
    const near = ports.map((port, i) => pointOnEdge(port, targets[i]!, FIGURE_LABEL_AT));
    expect(overlap(near[0]!, near[1]!)).toBe(true);
    const labels = ports.map((port, i) => figureLabelPoint(port, targets[i]!, i));
    for (let i = 0; i < labels.length; i++)
      for (let j = i + 1; j < labels.length; j++)
        expect(overlap(labels[i]!, labels[j]!), `ports ${i} and ${j}`).toBe(false);
    // Each on its own edge (a point of its curve), below the node.
    labels.forEach((label, i) => {
      const onCurve = Array.from({ length: 1001 }, (_, k) =>
        pointOnEdge(ports[i]!, targets[i]!, k / 1000),
      ).some((p) => Math.hypot(p.x - label.x, p.y - label.y) < 1);
      expect(onCurve, `port ${i}`).toBe(true);
      expect(label.y).toBeGreaterThan(HEIGHT);
    });
  });
});
