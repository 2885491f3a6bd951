import { useMemo } from 'react';
import { Background, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import type { FlowNode } from '@callbot/shared';
import { nodeTypesOf } from '../canvas/NodeUIContext.tsx';
import { nodeUIs } from './index.ts';
import { toCanvasNode, type NodeBadge } from '../canvas/toReactFlow.ts';

export interface NodePreviewProps {
  node: FlowNode;
  badge?: NodeBadge;
  selected?: boolean;
  width?: number;
  height?: number;
}

const fitViewOptions = { maxZoom: 1, padding: 0.2 };

/**
 * One node drawn by its kind's view (from the app's registry) on a small
 * canvas of its own, for stories and tests: handles only work inside a React
 * Flow node. Not connected to any editor store.
 */
export function NodePreview({
  node,
  badge,
  selected = false,
  width = 420,
  height = 320,
}: NodePreviewProps) {
  const nodeTypes = nodeTypesOf(nodeUIs);
  const nodes = useMemo(
    () => [toCanvasNode(node, { x: 0, y: 0 }, { badge, selected })],
    [node, badge, selected],
  );
  return (
    <ReactFlowProvider>
      <div style={{ width, height, border: '1px solid #e5e7eb' }}>
        <ReactFlow
          // Uncontrolled, so React Flow keeps the sizes it measures; a new key starts over.
          key={JSON.stringify(nodes)}
          aria-label="Node preview"
          defaultNodes={nodes}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          fitView
          fitViewOptions={fitViewOptions}
        >
          <Background />
        </ReactFlow>
      </div>
    </ReactFlowProvider>
  );
}
