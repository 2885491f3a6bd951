import { describe, expect, it } from 'vitest';
import type { Box } from './placement.ts';
import { FIT_PADDING, openingView, READABLE_ZOOM } from './viewport.ts';

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
});
