import { useCallback } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { NodeKindName } from '@callbot/shared';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { addNodeFromPalette } from './canvasActions.ts';
import { fullNodeSizes } from './nodeSizes.ts';

/**
 * The palette's click and keyboard path: adds a node of a kind beside the
 * selected node, led to from its first free output, or else in the free
 * spot nearest to the centre of what the canvas shows; then selects it.
 * Never on top of another node. Must be used inside the same
 * `ReactFlowProvider` as the `FlowCanvas`.
 *
 * @example
 * const addNode = useAddNodeAtCentre();
 * <button onClick={() => addNode('menu')}>Button menu</button>
 */
export function useAddNodeAtCentre(): (kind: NodeKindName) => string {
  const editor = useEditorStore();
  const flow = useStoreApi();
  return useCallback(
    (kind) => {
      const {
        width,
        height,
        transform: [x, y, zoom],
      } = flow.getState();
      const centre = { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom };
      return addNodeFromPalette(editor, kind, centre, fullNodeSizes(flow));
    },
    [editor, flow],
  );
}
