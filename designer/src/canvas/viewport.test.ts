import { describe, expect, it } from 'vitest';
import type { Box } from './placement.ts';
import {
  CONTROLS_CORNER,
  FIT_PADDING,
  MINIMAP_CORNER,
  openingView,
  READABLE_ZOOM,
} from './viewport.ts';

const canvas = { width: 1000, height: 700 };
const grid = (count: number, columns: number): Box[] =>
  Array.from({ length: count }, (_, i) => ({
    x: (i % columns) * 300,
    y: Math.floor(i / columns) * 280,
    width: 240,
    height: 200,
  }));

/** The screen box of a flow box in a view. */
const onScreen = (b: Box, v: { x: number; y: number; zoom: number }) => ({
  left: b.x * v.zoom + v.x,
  top: b.y * v.zoom + v.y,
  right: (b.x + b.width) * v.zoom + v.x,
  bottom: (b.y + b.height) * v.zoom + v.y,
});

describe('openingView', () => {
  it('fits a small flow whole, at most at 100 %, clear of the minimap at the bottom', () => {
    const boxes = grid(3, 3);
    const view = openingView(boxes, canvas, boxes[0]);
    expect(view.zoom).toBeLessThanOrEqual(1);
    for (const b of boxes) {
      const s = onScreen(b, view);
      expect(s.left).toBeGreaterThanOrEqual(FIT_PADDING.left - 0.01);
      expect(s.right).toBeLessThanOrEqual(canvas.width - FIT_PADDING.right + 0.01);
      expect(s.bottom).toBeLessThanOrEqual(canvas.height - FIT_PADDING.bottom + 0.01);
    }
  });

  it('opens a 20-node flow readable, the start node at the top and centred', () => {
    const boxes = grid(20, 4);
    const view = openingView(boxes, canvas, boxes[1]);
    expect(view.zoom).toBe(READABLE_ZOOM);
    const start = onScreen(boxes[1]!, view);
    expect(start.top).toBe(FIT_PADDING.top);
    expect((start.left + start.right) / 2).toBeCloseTo(canvas.width / 2);
  });

  it('opens a large flow fitted whole, as an overview, however small', () => {
    const boxes = grid(2000, 40);
    const view = openingView(boxes, canvas, boxes[0], { minZoom: 0.01 });
    expect(view.zoom).toBeLessThan(0.1);
    const s = onScreen(boxes.at(-1)!, view);
    expect(s.right).toBeLessThanOrEqual(canvas.width);
    expect(s.bottom).toBeLessThanOrEqual(canvas.height);
  });

  it('moves a readable view aside, the start node still in view, so no node lies under the minimap', () => {
    const boxes = grid(20, 4);
    const start = boxes[1]!;
    const under = (v: { x: number; y: number; zoom: number }) =>
      boxes.filter((b) => {
        const s = onScreen(b, v);
        return (
          s.right > canvas.width - MINIMAP_CORNER.width &&
          s.left < canvas.width &&
          s.bottom > canvas.height - MINIMAP_CORNER.height &&
          s.top < canvas.height
        );
      });
    // Centred, the grid's nodes fill the minimap's corner.
    expect(under(openingView(boxes, canvas, start)).length).toBeGreaterThan(0);
    const view = openingView(boxes, canvas, start, { clearOf: { bottomRight: MINIMAP_CORNER } });
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(under(view)).toEqual([]);
    const s = onScreen(start, view);
    expect(s.top).toBe(FIT_PADDING.top);
    expect(s.left).toBeGreaterThanOrEqual(FIT_PADDING.left);
    expect(s.right).toBeLessThanOrEqual(canvas.width - FIT_PADDING.right);
  });

  it('keeps the centred view when no move clears the minimap’s corner', () => {
    // Nodes all across the canvas, closer together than the corner is wide.
    const boxes = grid(60, 12);
    const view = openingView(boxes, canvas, boxes[1], { clearOf: { bottomRight: MINIMAP_CORNER } });
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view).toEqual(openingView(boxes, canvas, boxes[1]));
  });

  it('clears the zoom buttons’ corner too when a move can clear both', () => {
    // The start node and one beside it on top, one node lower down on the right.
    const box = (x: number, y: number) => ({ x, y, width: 240, height: 200 });
    const boxes = [box(0, 0), box(300, 0), box(600, 280)];
    const canvas = { width: 820, height: 400 };
    // Moved left, the way nearest to clear the minimap, the top-left node goes under the zoom buttons.
    const minimapOnly = openingView(boxes, canvas, boxes[1], {
      clearOf: { bottomRight: MINIMAP_CORNER },
    });
    expect(onScreen(boxes[0]!, minimapOnly).left).toBeLessThan(CONTROLS_CORNER.width);
    const view = openingView(boxes, canvas, boxes[1], {
      clearOf: { topLeft: CONTROLS_CORNER, bottomRight: MINIMAP_CORNER },
    });
    expect(view.zoom).toBe(READABLE_ZOOM);
    const corners = [
      { left: 0, top: 0, ...CONTROLS_CORNER },
      {
        left: canvas.width - MINIMAP_CORNER.width,
        top: canvas.height - MINIMAP_CORNER.height,
        ...MINIMAP_CORNER,
      },
    ];
    for (const b of boxes) {
      const s = onScreen(b, view);
      for (const c of corners) {
        const apart =
          s.right <= c.left ||
          s.left >= c.left + c.width ||
          s.bottom <= c.top ||
          s.top >= c.top + c.height;
        expect(apart).toBe(true);
      }
    }
  });
});
