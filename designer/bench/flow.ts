/**
 * The flow both bench pages draw: the generator of `runtime/bench/bench.ts`
 * (a valid flow, every port connected), laid out on a grid wide enough that
 * the designer's node views do not overlap.
 */
import type { FlowDocument } from '@callbot/shared';
import { generateLargeFlow } from '../../runtime/bench/largeFlow.ts';

export const FLOW_NODES = 2000;

/** Grid of the layout, in flow units: nodes are about 240 wide and up to 250 tall. */
const COLUMNS = 40;
const CELL = { x: 320, y: 300 };
const NODE_BOX = { width: 240, height: 250 };

/**
 * The id of the node the bench drags: a menu in the middle of the flow (the
 * 1,022nd node: column 21, row 25), so that the drag stays clear of the
 * canvas's edges, where React Flow would pan along.
 */
export const DRAG_NODE_ID = 'b102-menu';
/** Its index in the flow's nodes (the greeting first, then ten nodes per block). */
const DRAG_NODE_INDEX = 1 + 102 * 10;

/**
 * The zooms both pages are measured at: the canvas's minimum (about half of
 * the nodes on screen, drawn compact) and 100 % (a dozen nodes in full
 * detail, the 2,000 others in the page too).
 */
export const BENCH_ZOOMS = [0.1, 1] as const;
export type BenchZoom = (typeof BENCH_ZOOMS)[number];

/**
 * What both pages show while measured at `zoom`: at 0.1 the flow's centre,
 * at 100 % the node the bench drags, in the middle of the view.
 */
export function benchViewport(width: number, height: number, zoom: BenchZoom = 0.1) {
  const rows = Math.ceil(FLOW_NODES / COLUMNS);
  const flowWidth = (COLUMNS - 1) * CELL.x + NODE_BOX.width;
  const flowHeight = (rows - 1) * CELL.y + NODE_BOX.height;
  if (zoom === 1) {
    const index = DRAG_NODE_INDEX;
    const centre = {
      x: (index % COLUMNS) * CELL.x + NODE_BOX.width / 2,
      y: Math.floor(index / COLUMNS) * CELL.y + NODE_BOX.height / 2,
    };
    return { x: width / 2 - centre.x, y: height / 2 - centre.y, zoom };
  }
  return {
    x: (width - flowWidth * zoom) / 2,
    y: (height - flowHeight * zoom) / 2,
    zoom,
  };
}

/** The zoom a bench page is opened at (`?zoom=1`), if one is asked for. */
export function zoomOfPage(search: string): BenchZoom | undefined {
  const zoom = Number(new URLSearchParams(search).get('zoom'));
  return BENCH_ZOOMS.find((z) => z === zoom);
}

/** How many edges the flow has: one per connected port. */
export const edgeCount = (doc: FlowDocument): number =>
  doc.nodes.reduce((sum, node) => sum + Object.keys(node.connections).length, 0);

/** The flow both pages draw, on the grid above. */
export const generateFlow = (total: number = FLOW_NODES): FlowDocument =>
  generateLargeFlow(total, { columns: COLUMNS, cell: CELL });
