/**
 * What the bench pages expose to the driver (`bench.ts`) as `window.__bench`:
 * when the flow was first drawn whole, frame times from
 * `requestAnimationFrame`, and a way to put both pages on the same viewport.
 */
import { useEffect } from 'react';
import { useReactFlow, type Viewport } from '@xyflow/react';

export interface BenchApi {
  /** ms from navigation start until every node was drawn and measured, and every edge drawn. */
  openMs: number | null;
  nodeCount(): number;
  edgeCount(): number;
  /** Ready once React Flow is initialised. */
  setViewport(viewport: Viewport): Promise<void>;
  getViewport(): Viewport;
  /** Starts recording frame durations (rAF deltas). */
  startFrames(): void;
  /** Stops recording; returns the frame durations in ms. */
  stopFrames(): number[];
  /** A point of the empty pane, in client coordinates, to start a pan from. */
  panePoint(): { x: number; y: number } | null;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}

const unavailable = (): never => {
  throw new Error('React Flow is not initialised yet');
};

/**
 * Installs `window.__bench` at once, and watches every frame until
 * `nodes` nodes are drawn with their size (React Flow hides a node until it
 * is measured) and `edges` edges are drawn.
 */
export function installProbe({ nodes, edges }: { nodes: number; edges: number }): void {
  let frames: number[] | null = null;
  let last = 0;
  const onFrame = (t: number) => {
    if (!frames) return;
    if (last > 0) frames.push(t - last);
    last = t;
    requestAnimationFrame(onFrame);
  };

  const api: BenchApi = {
    openMs: null,
    nodeCount: () => document.querySelectorAll('.react-flow__node').length,
    edgeCount: () => document.querySelectorAll('.react-flow__edge').length,
    setViewport: unavailable,
    getViewport: unavailable,
    startFrames() {
      frames = [];
      last = 0;
      requestAnimationFrame(onFrame);
    },
    stopFrames() {
      const out = frames ?? [];
      frames = null;
      return out;
    },
    panePoint() {
      // The middle band of the canvas, away from the controls and the minimap.
      const { innerWidth: w, innerHeight: h } = window;
      for (let y = Math.round(h * 0.3); y < h * 0.7; y += 3) {
        for (let x = Math.round(w * 0.3); x < w * 0.7; x += 3) {
          const at = document.elementFromPoint(x, y);
          if (at?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      return null;
    },
  };
  window.__bench = api;

  const drawn = () =>
    api.nodeCount() >= nodes &&
    document.querySelector('.react-flow__node[style*="visibility: hidden"]') === null &&
    api.edgeCount() >= edges;
  const watch = () => {
    if (drawn()) api.openMs = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/** Inside a `ReactFlowProvider`: lets the driver set and read the viewport. */
export function BenchViewport() {
  const flow = useReactFlow();
  useEffect(() => {
    const api = window.__bench;
    if (!api) return;
    api.setViewport = async (viewport) => {
      await flow.setViewport(viewport);
    };
    api.getViewport = () => flow.getViewport();
  }, [flow]);
  return null;
}
