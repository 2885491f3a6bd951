import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlow } from '@xyflow/react';
import { nodeKinds, type FlowNode } from '@callbot/shared';
import { FlowNodeView } from './FlowNodeView.tsx';
import { FLOW_NODE_TYPE, type FlowCanvasNode } from './toReactFlow.ts';

const nodeTypes = { [FLOW_NODE_TYPE]: FlowNodeView };

/**
 * Handles only work inside a React Flow node, so each story draws its node
 * on a small read-only canvas.
 */
function OneNode({ node }: { node: FlowNode }) {
  const nodes: FlowCanvasNode[] = [
    { id: node.id, type: FLOW_NODE_TYPE, position: { x: 0, y: 0 }, data: { node } },
  ];
  return (
    <div style={{ width: 480, height: 320 }}>
      <ReactFlow
        nodes={nodes}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        fitView
        fitViewOptions={{ maxZoom: 1 }}
      />
    </div>
  );
}

const meta = {
  title: 'Canvas/FlowNodeView',
  component: OneNode,
} satisfies Meta<typeof OneNode>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Greeting: Story = {
  args: {
    node: {
      id: 'greeting',
      kind: 'greeting',
      data: { text: 'Olá! Você ligou para a Loja Exemplo.' },
      connections: {},
    },
  },
};

/** A menu has one output per option, then `no input` and `no match`. */
export const Menu: Story = {
  args: {
    node: {
      id: 'menu',
      kind: 'menu',
      label: 'Main menu',
      data: {
        ...nodeKinds.menu.defaults(),
        options: [
          { id: 'vendas', key: '1', keywords: ['vendas'], label: 'Vendas' },
          { id: 'suporte', key: '2', keywords: ['suporte'], label: 'Suporte' },
        ],
      },
      connections: {},
    },
  },
};
