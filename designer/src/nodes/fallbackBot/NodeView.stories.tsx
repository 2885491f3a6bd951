import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

const byId = (id: string) => examples.reception.nodes.find((n) => n.id === id)!;

/** The fallback bot node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/Fallback bot',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FallbackBot: Story = {
  args: { node: byId('bot-fora') },
};

export const NoBot: Story = {
  args: {
    node: { id: 'fallbackBot', kind: 'fallbackBot', data: { bot: '' }, connections: {} },
    badge: { errors: 1, warnings: 0 },
  },
};
