import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { NodePreview } from '../NodePreview.tsx';

/** The greeting node as the canvas draws it, on a small canvas of its own. */
const meta = {
  title: 'Nodes/Greeting',
  component: NodePreview,
} satisfies Meta<typeof NodePreview>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Greeting: Story = {
  args: { node: examples.reception.nodes[0]! },
};

/** A long greeting shows its first lines; hover for the whole text. */
export const LongText: Story = {
  args: {
    node: {
      id: 'greeting',
      kind: 'greeting',
      label: 'Boas-vindas',
      data: {
        text: 'Olá! Você ligou para a Loja Exemplo, a loja que tem de tudo para a sua casa e o seu jardim. Esta ligação pode ser gravada para melhorar o nosso atendimento. Para sua segurança, nunca pedimos senhas por telefone.',
      },
      connections: {},
    },
  },
};

/** With validation badges, as the canvas shows them. */
export const WithBadges: Story = {
  args: {
    node: { id: 'greeting', kind: 'greeting', data: { text: '' }, connections: {} },
    badge: { errors: 1, warnings: 0 },
  },
};
