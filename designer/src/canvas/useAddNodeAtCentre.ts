import { useCallback } from 'react';
import { useStoreApi } from '@xyflow/react';
import type { NodeKindName } from '@callbot/shared';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { addNodeAt } from './canvasActions.ts';

/**
 * Adds a node of a kind at the centre of what the canvas shows, and selects
 * it: the palette's click and keyboard path. Must be used inside the same
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
      return addNodeAt(editor, kind, { x: (width / 2 - x) / zoom, y: (height / 2 - y) / zoom });
    },
    [editor, flow],
  );
}
