/**
 * What the bench pages expose to the driver (`bench.ts`) as `window.__bench`:
 * when the flow was first drawn whole, frame times from
 * `requestAnimationFrame`, and a way to put both pages on the same viewport.
 */
import { useEffect } from 'react';
import { useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';

export interface BenchApi {
  /** ms from navigation start until every node was drawn and measured, and every edge drawn. */
  openMs: number | null;
  /** Nodes and edges in the DOM (fewer than in the flow if only visible ones are rendered). */
  nodeCount(): number;
  edgeCount(): number;
  /** Nodes React Flow holds, and how many of them it has measured. */
  flowNodes(): { total: number; measured: number };
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
 * Installs `window.__bench` at once, and watches every frame until React
 * Flow has measured all `nodes` nodes, no node in the DOM is hidden (React
 * Flow hides a node until it is measured), and, when every node is in the
 * DOM, all `edges` edges are drawn too. (With `onlyRenderVisibleElements`
 * React Flow renders every node once to measure it, then only the visible
 * ones and their edges.)
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
    flowNodes: () => ({ total: 0, measured: 0 }),
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

  const drawn = () => {
    if (api.flowNodes().measured < nodes) return false;
    if (document.querySelector('.react-flow__node[style*="visibility: hidden"]')) return false;
    const inDom = api.nodeCount();
    return inDom > 0 && (inDom < nodes || api.edgeCount() >= edges);
  };
  const watch = () => {
    if (drawn()) api.openMs = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
}

/**
 * Inside a `ReactFlowProvider`: lets the probe read React Flow's nodes, and
 * the driver set and read the viewport.
 */
export function BenchViewport() {
  const flow = useReactFlow();
  const store = useStoreApi();
  useEffect(() => {
    const api = window.__bench;
    if (!api) return;
    api.flowNodes = () => {
      const { nodeLookup } = store.getState();
      let measured = 0;
      for (const node of nodeLookup.values()) if (node.internals.handleBounds) measured++;
      return { total: nodeLookup.size, measured };
    };
    api.setViewport = async (viewport) => {
      await flow.setViewport(viewport);
    };
    api.getViewport = () => flow.getViewport();
  }, [flow, store]);
  return null;
}
