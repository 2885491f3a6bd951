import { createStore } from 'zustand/vanilla';

/** What the simulator shows on the canvas: the node the call is at, and the way it came. */
export interface CanvasHighlight {
  active: string | null;
  /** Node ids, and edges as `source:port`, in the order the call took them. */
  path: { nodes: string[]; edges: string[] };
}

export const noHighlight: CanvasHighlight = { active: null, path: { nodes: [], edges: [] } };

/**
 * The simulated call's place in the flow, for the canvas to highlight. The
 * simulator writes it; the canvas only reads it. It holds no runtime code, so
 * the canvas can read it without loading the simulator.
 *
 * @example
 * const active = useStore(canvasHighlight, (s) => s.active);
 */
export const canvasHighlight = createStore<CanvasHighlight>()(() => noHighlight);
