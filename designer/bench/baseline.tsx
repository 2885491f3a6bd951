/**
 * Bench page (b), the baseline: plain React Flow with its default nodes and
 * edges, the same 2,000 nodes at the same positions and the same edges,
 * controlled the way React Flow's docs show (`useNodesState`).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  ReactFlow,
  ReactFlowProvider,
  useEdgesState,
  useNodesState,
  type Edge,
  type Node,
} from '@xyflow/react';
import { benchViewport, edgeCount, generateFlow, zoomOfPage } from './flow.ts';
import { BenchViewport, installProbe } from './probe.tsx';
import '@xyflow/react/dist/style.css';
import '../src/styles.css';

const doc = generateFlow();
installProbe({ nodes: doc.nodes.length, edges: edgeCount(doc) });

const initialNodes: Node[] = doc.nodes.map((node) => ({
  id: node.id,
  position: doc.layout.nodes[node.id] ?? { x: 0, y: 0 },
  data: { label: node.label ?? node.id },
}));
const initialEdges: Edge[] = doc.nodes.flatMap((node) =>
  Object.entries(node.connections).map(([port, target]) => ({
    id: `${node.id}:${port}`,
    source: node.id,
    target,
  })),
);

// `?zoom=1`: opened at 100 %, on the node the bench drags, as the canvas page is.
const zoom = zoomOfPage(location.search);
const opening = zoom
  ? { defaultViewport: benchViewport(window.innerWidth, window.innerHeight, zoom) }
  : { fitView: true };

function Baseline() {
  const [nodes, , onNodesChange] = useNodesState(initialNodes);
  const [edges, , onEdgesChange] = useEdgesState(initialEdges);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      minZoom={0.1}
      {...opening}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ReactFlowProvider>
      <div style={{ position: 'relative', height: '100vh' }}>
        <Baseline />
      </div>
      <BenchViewport />
    </ReactFlowProvider>
  </StrictMode>,
);
