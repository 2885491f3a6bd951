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
 * Where a flow opens: fitted whole in the canvas (the room it has beside the
 * docked panels, `canvas`), inside `FIT_PADDING` so that neither the zoom
 * buttons nor the minimap cover a node, at most at 100 % and at least at
 * `minZoom`. The same view as the canvas's "fit view" button.
 */
export function openingView(
  boxes: readonly Box[],
  canvas: Size,
  { minZoom = 0.1 }: { minZoom?: number } = {},
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
    x: FIT_PADDING.left + (room.width - (right - left) * zoom) / 2 - left * zoom,
    y: FIT_PADDING.top + (room.height - (bottom - top) * zoom) / 2 - top * zoom,
    zoom,
  };
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
