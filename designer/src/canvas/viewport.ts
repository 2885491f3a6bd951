import type { FitViewOptions } from '@xyflow/react';
import type { Box, Size } from './placement.ts';

/** A React Flow viewport: the flow point at the canvas's top-left is (-x / zoom, -y / zoom). */
export interface View {
  x: number;
  y: number;
  zoom: number;
}

/** The minimap's size on the canvas, in screen pixels (smaller than React Flow's default). */
export const MINIMAP_SIZE = { width: 160, height: 110 } as const;
/** React Flow's margin around its panels (the minimap sits that far from the corner). */
const PANEL_MARGIN = 15;
/** The canvas's bottom-right corner the minimap takes, margin included. */
export const MINIMAP_CORNER: Size = {
  width: MINIMAP_SIZE.width + PANEL_MARGIN,
  height: MINIMAP_SIZE.height + PANEL_MARGIN,
};
/** The canvas's top-left corner the zoom buttons take (four 32 px buttons and their borders), margin included. */
export const CONTROLS_CORNER: Size = { width: 34 + PANEL_MARGIN, height: 134 + PANEL_MARGIN };

/**
 * The room the canvas keeps around a fitted flow, in screen pixels: the
 * bottom leaves the minimap's height (and its margin) free, the left the
 * zoom buttons' width, so neither covers a node after "fit view".
 */
export const FIT_PADDING = {
  top: 32,
  right: 32,
  bottom: MINIMAP_CORNER.height + 25,
  left: CONTROLS_CORNER.width + 10,
} as const;

/**
 * Where a flow opens, in the canvas (the room it has beside the docked
 * panels, `canvas`), inside `FIT_PADDING` so that neither the zoom buttons
 * nor the minimap cover a node: fitted whole, at most at 100 %, when it fits
 * at `minZoom` or more (the zoom where node contents are drawn); otherwise at
 * `minZoom`, showing the start of the flow (`start`, the greeting; by default
 * the flow's top-left corner). Along each side the flow fits at that zoom it
 * is centred; along one it does not, the start is put at the room's top (or
 * left), moved back only as far as needed to fill the room with the flow.
 *
 * @example
 * openingView(boxes, { width: 900, height: 600 }, { minZoom: 0.45, start: boxes[0] })
 */
export function openingView(
  boxes: readonly Box[],
  canvas: Size,
  { minZoom = 0.1, start }: { minZoom?: number; start?: Box | undefined } = {},
): View {
  if (boxes.length === 0) return { x: 0, y: 0, zoom: 1 };
  const left = Math.min(...boxes.map((b) => b.x));
  const top = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  const room = {
    width: Math.max(1, canvas.width - FIT_PADDING.left - FIT_PADDING.right),
    height: Math.max(1, canvas.height - FIT_PADDING.top - FIT_PADDING.bottom),
  };
  const fit = Math.min(1, room.width / (right - left), room.height / (bottom - top));
  const zoom = Math.max(minZoom, fit);
  return {
    x: FIT_PADDING.left - along(left, right, start?.x ?? left, room.width / zoom) * zoom,
    y: FIT_PADDING.top - along(top, bottom, start?.y ?? top, room.height / zoom) * zoom,
    zoom,
  };
}

/**
 * The flow coordinate at the room's start along one side, for a flow from
 * `from` to `to` seen through `length` flow units: centred when it fits,
 * else from `start`, but never leaving room empty past the flow's end.
 */
function along(from: number, to: number, start: number, length: number): number {
  if (to - from <= length) return from - (length - (to - from)) / 2;
  return Math.max(from, Math.min(start, to - length));
}

/** React Flow's `fitView` options for the canvas's "fit view": the same room as `FIT_PADDING`. */
export const FIT_VIEW_OPTIONS = {
  maxZoom: 1,
  padding: {
    top: `${FIT_PADDING.top}px`,
    right: `${FIT_PADDING.right}px`,
    bottom: `${FIT_PADDING.bottom}px`,
    left: `${FIT_PADDING.left}px`,
  },
} as const satisfies FitViewOptions;
