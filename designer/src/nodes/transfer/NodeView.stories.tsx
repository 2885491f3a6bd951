import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

const byId = (id: string) => examples.reception.nodes.find((n) => n.id === id)!;

/** The transfer to team node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/Transfer to team',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Transfer: Story = {
  args: { node: byId('t-vendas') },
};

export const NoTeam: Story = {
  args: {
    node: { id: 'transfer', kind: 'transfer', data: { team: '' }, connections: {} },
    badge: { errors: 1, warnings: 0 },
  },
};
