import { useMemo, useState } from 'react';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useNodesState,
  type DefaultEdgeOptions,
  type NodeTypes,
} from '@xyflow/react';
import type { FlowDocument } from '@callbot/shared';
import { FlowNodeView } from './FlowNodeView.tsx';
import { FLOW_NODE_TYPE, toReactFlow } from './toReactFlow.ts';

// At module level: React Flow re-creates every node when these objects change.
const nodeTypes: NodeTypes = { [FLOW_NODE_TYPE]: FlowNodeView };
const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed } };

/** The flow drawn on a pannable, zoomable canvas. Read-only for now: editing comes with the store. */
export function FlowCanvas({ doc }: { doc: FlowDocument }) {
  const graph = useMemo(() => toReactFlow(doc), [doc]);
  // React Flow reports each node's measured size as a node change; the nodes
  // must keep it, or the minimap has nothing to draw. Dragging, connecting and
  // selecting are off, so measuring is the only change that arrives.
  const [nodes, setNodes, onNodesChange] = useNodesState(graph.nodes);
  // Another document: start over from its nodes (React's "adjust state when a prop changes").
  const [shownGraph, setShownGraph] = useState(graph);
  if (graph !== shownGraph) {
    setShownGraph(graph);
    setNodes(graph.nodes);
  }

  return (
    <ReactFlow
      aria-label="Flow canvas"
      nodes={nodes}
      edges={graph.edges}
      onNodesChange={onNodesChange}
      nodeTypes={nodeTypes}
      defaultEdgeOptions={defaultEdgeOptions}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      deleteKeyCode={null}
      fitView
    >
      <Background />
      <Controls showInteractive={false} />
      <MiniMap pannable zoomable />
    </ReactFlow>
  );
}
