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

/** The corners of the canvas its own controls take, in screen pixels. */
export interface CanvasCorners {
  topLeft?: Size | undefined;
  bottomRight?: Size | undefined;
}

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
 * Where a flow opens: fitted whole in the canvas (with `FIT_PADDING`), at
 * most at 100 %. If that makes the text unreadable and the flow is not a
 * large one, it opens at `READABLE_ZOOM` instead, the start node near the
 * top and centred across, so the user reads where the call begins and pans
 * on from there. Given the corners the canvas's controls take (`clearOf`),
 * a readable view that would put a node under them moves sideways, as
 * little as it can with the start node still in view, until none is (or,
 * when no move clears both, none is under the minimap).
 */
export function openingView(
  boxes: readonly Box[],
  canvas: Size,
  start?: Box,
  { minZoom = 0.1, clearOf }: { minZoom?: number; clearOf?: CanvasCorners | undefined } = {},
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
  const centred = {
    x: canvas.width / 2 - (start.x + start.width / 2) * zoom,
    y: FIT_PADDING.top - start.y * zoom,
    zoom,
  };
  if (!clearOf) return centred;
  return (
    clearOfCorners(centred, boxes, canvas, start, clearOf) ??
    clearOfCorners(centred, boxes, canvas, start, { bottomRight: clearOf.bottomRight }) ??
    centred
  );
}

/** The screen step a view is moved by while looking for a corner free of nodes. */
const SHIFT_STEP = 20;

/**
 * The nearest view to `view`, moved sideways, in which no box lies in the
 * canvas's `corners` and `start` is still wholly in view; undefined when
 * there is none.
 */
function clearOfCorners(
  view: View,
  boxes: readonly Box[],
  canvas: Size,
  start: Box,
  corners: CanvasCorners,
): View | undefined {
  const rects: Box[] = [];
  if (corners.topLeft) rects.push({ x: 0, y: 0, ...corners.topLeft });
  if (corners.bottomRight) {
    const { width, height } = corners.bottomRight;
    rects.push({ x: canvas.width - width, y: canvas.height - height, width, height });
  }
  const isClear = (x: number) =>
    boxes.every((b) => {
      const left = b.x * view.zoom + x;
      const top = b.y * view.zoom + view.y;
      const right = left + b.width * view.zoom;
      const bottom = top + b.height * view.zoom;
      return rects.every(
        (r) => right <= r.x || left >= r.x + r.width || bottom <= r.y || top >= r.y + r.height,
      );
    });
  const showsStart = (x: number) =>
    start.x * view.zoom + x >= FIT_PADDING.left &&
    (start.x + start.width) * view.zoom + x <= canvas.width - FIT_PADDING.right;
  for (let shift = 0; shift <= canvas.width / 2; shift += SHIFT_STEP) {
    for (const x of [view.x - shift, view.x + shift]) {
      if (showsStart(x) && isClear(x)) return { ...view, x };
    }
  }
  return undefined;
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
