/**
 * Bench page (a): the designer's own editor canvas on a generated
 * 2,000-node flow, put together as the editor page does (one
 * `ReactFlowProvider` around the canvas, the store from `createEditorStore`).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReactFlowProvider } from '@xyflow/react';
import { FlowCanvas } from '../src/canvas/FlowCanvas.tsx';
import { EditorProvider } from '../src/editor/EditorContext.tsx';
import { createEditorStore } from '../src/editor/store.ts';
import { edgeCount, generateFlow } from './flow.ts';
import { BenchViewport, installProbe } from './probe.tsx';
import '@xyflow/react/dist/style.css';
import '../src/styles.css';

const doc = generateFlow();
installProbe({ nodes: doc.nodes.length, edges: edgeCount(doc) });
const store = createEditorStore(doc);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <div style={{ position: 'relative', height: '100vh' }}>
          <FlowCanvas />
        </div>
        <BenchViewport />
      </ReactFlowProvider>
    </EditorProvider>
  </StrictMode>,
);
