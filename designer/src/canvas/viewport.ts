import type { FitViewOptions } from '@xyflow/react';
import type { Box, Size } from './placement.ts';

/** A React Flow viewport: the flow point at the canvas's top-left is (-x / zoom, -y / zoom). */
export interface View {
  x: number;
  y: number;
  zoom: number;
}

/** Below this zoom a node's text is too small to read (12 px text at 0.75 is 9 px). */
export const READABLE_ZOOM = 0.75;
/** Flows with more nodes than this open fitted whole, however small: an overview first. */
export const OVERVIEW_NODES = 60;

/**
 * The room the canvas keeps around a fitted flow, in screen pixels: the
 * bottom leaves the minimap's height (and its margin) free, so it never
 * covers a node after "fit view".
 */
export const FIT_PADDING = { top: 32, right: 32, bottom: 150, left: 32 } as const;

/**
 * Where a flow opens: fitted whole in the canvas (with `FIT_PADDING`), at
 * most at 100 %. If that makes the text unreadable and the flow is not a
 * large one, it opens at `READABLE_ZOOM` instead, the start node near the
 * top and centred across, so the user reads where the call begins and pans
 * on from there.
 */
export function openingView(
  boxes: readonly Box[],
  canvas: Size,
  start?: Box,
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
  if (fit >= READABLE_ZOOM || boxes.length > OVERVIEW_NODES || !start) {
    const zoom = Math.max(minZoom, fit);
    return {
      x: FIT_PADDING.left + (room.width - (right - left) * zoom) / 2 - left * zoom,
      y: FIT_PADDING.top + (room.height - (bottom - top) * zoom) / 2 - top * zoom,
      zoom,
    };
  }
  const zoom = READABLE_ZOOM;
  return {
    x: canvas.width / 2 - (start.x + start.width / 2) * zoom,
    y: FIT_PADDING.top - start.y * zoom,
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
