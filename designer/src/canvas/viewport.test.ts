import { describe, expect, it } from 'vitest';
import type { Box } from './placement.ts';
import { CONTROLS_CORNER, FIT_PADDING, MINIMAP_CORNER, openingView } from './viewport.ts';

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

/** Every box lies inside the canvas's padding: none is cut, none under the zoom buttons or the minimap. */
function expectAllInView(
  boxes: readonly Box[],
  view: ReturnType<typeof openingView>,
  room = canvas,
) {
  for (const b of boxes) {
    const s = onScreen(b, view);
    expect(s.left).toBeGreaterThanOrEqual(FIT_PADDING.left - 0.01);
    expect(s.top).toBeGreaterThanOrEqual(FIT_PADDING.top - 0.01);
    expect(s.right).toBeLessThanOrEqual(room.width - FIT_PADDING.right + 0.01);
    expect(s.bottom).toBeLessThanOrEqual(room.height - FIT_PADDING.bottom + 0.01);
  }
}

describe('openingView', () => {
  it('fits a small flow whole, at most at 100 %, clear of the zoom buttons and the minimap', () => {
    const boxes = grid(3, 3);
    const view = openingView(boxes, canvas);
    expect(view.zoom).toBeLessThanOrEqual(1);
    expectAllInView(boxes, view);
    expect(FIT_PADDING.left).toBeGreaterThan(CONTROLS_CORNER.width);
    expect(FIT_PADDING.bottom).toBeGreaterThan(MINIMAP_CORNER.height);
  });

  it('fits a 20-node flow whole, below the readable zoom rather than cutting a column off', () => {
    const boxes = grid(20, 4);
    const view = openingView(boxes, canvas);
    expect(view.zoom).toBeLessThan(0.75);
    expectAllInView(boxes, view);
  });

  it('fits in the room the docked panels leave: a narrower canvas zooms out further', () => {
    const boxes = grid(20, 10);
    const narrow = { width: 640, height: 700 };
    const view = openingView(boxes, narrow);
    expect(view.zoom).toBeLessThan(openingView(boxes, canvas).zoom);
    expectAllInView(boxes, view, narrow);
  });

  it('centres the flow in the room left inside the padding', () => {
    const boxes = grid(2, 2);
    const view = openingView(boxes, canvas);
    const first = onScreen(boxes[0]!, view);
    const last = onScreen(boxes[1]!, view);
    expect(first.left - FIT_PADDING.left).toBeCloseTo(
      canvas.width - FIT_PADDING.right - last.right,
    );
  });

  it('opens a large flow fitted whole, however small, but not below the minimum zoom', () => {
    const boxes = grid(2000, 40);
    const view = openingView(boxes, canvas, { minZoom: 0.01 });
    expect(view.zoom).toBeLessThan(0.1);
    expectAllInView(boxes, view);
    expect(openingView(boxes, canvas, { minZoom: 0.2 }).zoom).toBe(0.2);
  });

  it('opens an empty flow at 100 %', () => {
    expect(openingView([], canvas)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
