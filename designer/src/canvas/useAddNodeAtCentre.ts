import { useCallback } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { NodeKindName } from '@callbot/shared';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { addNodeFromPalette } from './canvasActions.ts';
import { fullNodeSizes } from './nodeSizes.ts';
import { nodeSizesOf, useNodeUIs } from './NodeUIContext.tsx';
import type { Box } from './placement.ts';

/**
 * The palette's click and keyboard path: adds a node of a kind beside the
 * selected node, led to from its first free output, or else in the free
 * spot nearest to the centre of what the canvas shows; then selects it,
 * and brings it into view if it is not. Never on top of another node. Must be used inside the same
 * `ReactFlowProvider` as the `FlowCanvas`.
 *
 * @example
 * const addNode = useAddNodeAtCentre();
 * <button onClick={() => addNode('menu')}>Button menu</button>
 */
export function useAddNodeAtCentre(): (kind: NodeKindName) => string {
  const editor = useEditorStore();
  const flow = useStoreApi();
  const registry = useNodeUIs();
  return useCallback(
    (kind) => {
      const {
        width,
        height,
        transform: [x, y, zoom],
      } = flow.getState();
      const centre = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
      const sizes = nodeSizesOf(registry, fullNodeSizes(flow));
      const id = addNodeFromPalette(editor, kind, centre, sizes);
      // It may be out of sight (beside the selected node, or the view is full):
      // pan just enough to bring it in, at the same zoom.
      const node = editor.getState().doc.nodes.find((n) => n.id === id)!;
      const box = { ...editor.getState().doc.layout.nodes[id]!, ...sizes.estimate(node) };
      const view = { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
      if (!contains(view, box)) {
        const left = scrolledTo(view.x, view.width, box.x, box.width);
        const top = scrolledTo(view.y, view.height, box.y, box.height);
        const { panZoom } = flow.getState();
        void panZoom?.setViewport({ x: -left * zoom, y: -top * zoom, zoom });
      }
      return id;
    },
    [editor, flow, registry],
  );
}

const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

/** Room kept between a node brought into view and the canvas's edge, in flow units. */
const MARGIN = 40;

/** Where a view (`start`, `length` along one axis) goes so that it shows the item, moving as little as it can. */
function scrolledTo(start: number, length: number, item: number, size: number): number {
  if (item - MARGIN < start || size + 2 * MARGIN > length) return item - MARGIN;
  if (item + size + MARGIN > start + length) return item + size + MARGIN - length;
  return start;
}
