import type { NodeChange } from '@xyflow/react';
import type { Size, Sizes } from './placement.ts';

/**
 * The sizes nodes have in full detail, as last measured on a canvas. Zoomed
 * out, nodes are drawn compact (smaller); placing or laying out nodes from
 * those sizes would overlap them once zoomed in, so only sizes measured in
 * full detail are kept. Kept per React Flow store (one per canvas), so the
 * palette and the auto layout button, inside the same provider, read the
 * sizes of their canvas.
 */
const byCanvas = new WeakMap<object, Map<string, Size>>();

/** Notes the sizes in React Flow's `dimensions` changes, unless nodes are drawn compact. */
export function noteNodeSizes(
  canvas: object,
  changes: readonly NodeChange[],
  compact: boolean,
): void {
  if (compact) return;
  let sizes = byCanvas.get(canvas);
  for (const c of changes) {
    if (c.type !== 'dimensions' || !c.dimensions) continue;
    if (!sizes) byCanvas.set(canvas, (sizes = new Map<string, Size>()));
    sizes.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
  }
}

/** The full-detail sizes known for a canvas's nodes (others are to be estimated). */
export const fullNodeSizes = (canvas: object): Sizes => byCanvas.get(canvas) ?? new Map();
