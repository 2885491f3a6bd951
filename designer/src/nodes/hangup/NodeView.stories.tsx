import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

const byId = (id: string) => examples.reception.nodes.find((n) => n.id === id)!;

/** The hang up node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/Hang up',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Hangup: Story = {
  args: { node: byId('tchau') },
};

export const WithoutGoodbye: Story = {
  args: { node: { id: 'hangup', kind: 'hangup', data: { text: '' }, connections: {} } },
};
