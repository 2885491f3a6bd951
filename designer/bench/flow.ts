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

/** What both pages show while measured: the flow's centre at the canvas's minimum zoom. */
export const BENCH_ZOOM = 0.1;
export function benchViewport(width: number, height: number) {
  const rows = Math.ceil(FLOW_NODES / COLUMNS);
  const flowWidth = (COLUMNS - 1) * CELL.x + NODE_BOX.width;
  const flowHeight = (rows - 1) * CELL.y + NODE_BOX.height;
  return {
    x: (width - flowWidth * BENCH_ZOOM) / 2,
    y: (height - flowHeight * BENCH_ZOOM) / 2,
    zoom: BENCH_ZOOM,
  };
}

/** How many edges the flow has: one per connected port. */
export const edgeCount = (doc: FlowDocument): number =>
  doc.nodes.reduce((sum, node) => sum + Object.keys(node.connections).length, 0);

/** The flow both pages draw, on the grid above. */
export const generateFlow = (total: number = FLOW_NODES): FlowDocument =>
  generateLargeFlow(total, { columns: COLUMNS, cell: CELL });
