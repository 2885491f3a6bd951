import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

const byId = (id: string) => examples.reception.nodes.find((n) => n.id === id)!;

/** The button menu node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/Button menu',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One output per option, then `no input` and `no match`. */
export const Menu: Story = {
  args: { node: byId('menu') },
};

export const Selected: Story = {
  args: { node: byId('menu'), selected: true },
};

/** Options without a name show their keywords; a third option makes the node taller, not wider. */
export const KeywordsOnly: Story = {
  args: {
    node: {
      id: 'menu-2',
      kind: 'menu',
      label: 'Segunda via',
      data: {
        prompt:
          'Para segunda via do boleto, digite 1 ou diga boleto. Para falar com um atendente, digite 0.',
        options: [
          { id: 'boleto', key: '1', keywords: ['boleto', 'segunda via'] },
          { id: 'atendente', key: '0', keywords: ['atendente', 'pessoa'], label: 'Atendente' },
          { id: 'repetir', key: '*', keywords: [] },
        ],
        noInput: { repeats: 2 },
        noMatch: { repeats: 1, message: 'Opção inválida.' },
      },
      connections: {},
    },
    badge: { errors: 0, warnings: 1 },
  },
};
