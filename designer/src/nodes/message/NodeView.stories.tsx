import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

const byId = (id: string) => examples.reception.nodes.find((n) => n.id === id)!;

/** The message node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/Message',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Message: Story = {
  args: { node: byId('fechado') },
};

export const Empty: Story = {
  args: {
    node: { id: 'message', kind: 'message', data: { text: '' }, connections: {} },
    badge: { errors: 1, warnings: 0 },
  },
};
