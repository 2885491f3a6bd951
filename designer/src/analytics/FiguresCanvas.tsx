import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import type { FlowDocument } from '@callbot/shared';
import type { CanvasOverlay } from '../canvas/canvasMarks.ts';
import { FlowCanvas } from '../canvas/FlowCanvas.tsx';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore } from '../editor/store.ts';
import './analytics.css';

/**
 * A flow document drawn read-only, with figures or a call's path over it
 * (see `CanvasOverlay`). Put it inside the node kinds' registry
 * (`WithNodeUIs`), as every canvas.
 */
export function FiguresCanvas({ doc, overlay }: { doc: FlowDocument; overlay: CanvasOverlay }) {
  // A store of its own: nothing drawn here is saved anywhere.
  const [store] = useState(() => createEditorStore(doc));
  return (
    <div className="figures-canvas">
      <EditorProvider store={store}>
        <ReactFlowProvider>
          <FlowCanvas readOnly overlay={overlay} />
        </ReactFlowProvider>
      </EditorProvider>
    </div>
  );
}
