/**
 * Bench page (a): the designer's own editor canvas on a generated
 * 2,000-node flow, put together as the editor page does (one
 * `ReactFlowProvider` around the canvas, the store from `createEditorStore`).
 * Opens as the editor does (an overview of the whole flow), or, with
 * `?zoom=1`, at 100 % on the node the bench drags.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../src/canvas/FlowCanvas.tsx';
import { WithNodeUIs } from '../src/nodes/WithNodeUIs.tsx';
import '../src/nodes/words.ts';
import { EditorProvider } from '../src/editor/EditorContext.tsx';
import { createEditorStore } from '../src/editor/store.ts';
import { benchViewport, edgeCount, generateFlow, zoomOfPage } from './flow.ts';
import { BenchViewport, installProbe } from './probe.tsx';
import '@xyflow/react/dist/style.css';
import '../src/styles.css';

const doc = generateFlow();
installProbe({ nodes: doc.nodes.length, edges: edgeCount(doc) });
const store = createEditorStore(doc);
// `?zoom=1`: opened at 100 %, on the node the bench drags.
const zoom = zoomOfPage(location.search);
const initialView = zoom && benchViewport(window.innerWidth, window.innerHeight, zoom);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WithNodeUIs>
      <EditorProvider store={store}>
        <ReactFlowProvider>
          <div style={{ position: 'relative', height: '100vh' }}>
            <FlowCanvas {...(initialView && { initialView })} />
          </div>
          <BenchViewport />
        </ReactFlowProvider>
      </EditorProvider>
    </WithNodeUIs>
  </StrictMode>,
);
