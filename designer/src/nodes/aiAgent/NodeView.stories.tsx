import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

/** The AI agent node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/AI agent',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AiAgent: Story = {
  args: { node: examples.aiAgent.nodes.find((n) => n.kind === 'aiAgent')! },
};

export const NoInstructions: Story = {
  args: {
    node: {
      id: 'aiAgent',
      kind: 'aiAgent',
      data: { instructions: '', endpoint: 'default' },
      connections: {},
    },
    badge: { errors: 1, warnings: 0 },
  },
};
