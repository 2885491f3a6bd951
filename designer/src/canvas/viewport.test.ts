import { describe, expect, it } from 'vitest';
import type { Box } from './placement.ts';
import { CONTROLS_CORNER, FIT_PADDING, MINIMAP_CORNER, openingView } from './viewport.ts';

const canvas = { width: 1000, height: 700 };
/** The zoom where node contents are drawn (the canvas's `DETAIL_ZOOM`). */
const DETAIL = 0.45;
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

  it('opens a flow that fits only below the detail zoom at that zoom, its start at the top-left', () => {
    const boxes = grid(40, 8);
    const view = openingView(boxes, canvas, { minZoom: DETAIL });
    expect(view.zoom).toBe(DETAIL);
    const start = onScreen(boxes[0]!, view);
    expect(start.left).toBeCloseTo(FIT_PADDING.left);
    expect(start.top).toBeCloseTo(FIT_PADDING.top);
    // The nodes that fit from there are in view, whole: six columns of the first four rows.
    const near = boxes.filter((_, i) => i % 8 < 6 && i < 4 * 8);
    expectAllInView(near, view);
    expect(near).toHaveLength(24);
  });

  it('fits a flow whole where it can be read so, and centres it', () => {
    const boxes = grid(6, 3);
    const view = openingView(boxes, canvas, { minZoom: DETAIL });
    expect(view.zoom).toBeGreaterThan(DETAIL);
    expectAllInView(boxes, view);
  });

  it('shows the start of a flow laid out around it, centred along the side the flow fits', () => {
    // A top-down flow: the start at the top of the middle column, eight rows below it.
    const boxes = grid(24, 3);
    const start = boxes[1]!;
    const view = openingView(boxes, canvas, { minZoom: DETAIL, start });
    expect(view.zoom).toBe(DETAIL);
    const s = onScreen(start, view);
    expect(s.top).toBeCloseTo(FIT_PADDING.top);
    // The three columns fit across: all in view, centred, rather than the left one cut off.
    expectAllInView(boxes.slice(0, 3), view);
    expect(onScreen(boxes[0]!, view).left - FIT_PADDING.left).toBeCloseTo(
      canvas.width - FIT_PADDING.right - onScreen(boxes[2]!, view).right,
    );
  });

  it('moves a start near the far end back so the flow fills the room', () => {
    const boxes = grid(20, 10);
    const last = boxes[9]!;
    const view = openingView(boxes, canvas, { minZoom: DETAIL, start: last });
    // The start, in the last column, is in view at the right; no empty room beyond it.
    expect(onScreen(last, view).right).toBeCloseTo(canvas.width - FIT_PADDING.right);
    expectAllInView([last], view);
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

  it('opens a large flow at the minimum zoom, however large, at its start', () => {
    const boxes = grid(2000, 40);
    const view = openingView(boxes, canvas, { minZoom: 0.01 });
    expect(view.zoom).toBeLessThan(0.1);
    expectAllInView(boxes, view);
    const start = boxes[0]!;
    const readable = openingView(boxes, canvas, { minZoom: DETAIL, start });
    expect(readable.zoom).toBe(DETAIL);
    expect(onScreen(start, readable).left).toBeCloseTo(FIT_PADDING.left);
    expect(onScreen(start, readable).top).toBeCloseTo(FIT_PADDING.top);
  });

  it('opens an empty flow at 100 %', () => {
    expect(openingView([], canvas)).toEqual({ x: 0, y: 0, zoom: 1 });
  });
});
