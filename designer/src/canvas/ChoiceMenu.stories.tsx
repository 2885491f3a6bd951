import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, within } from 'storybook/test';
import { nodeUIs } from '../nodes/index.ts';
import { ChoiceMenu, type Choice } from './ChoiceMenu.tsx';

const choices: Choice[] = [
  { id: 'node:menu', label: 'Button menu: menu', group: 'Nodes of the flow' },
  { id: 'node:tchau', label: 'Hang up: tchau', group: 'Nodes of the flow' },
  ...(['message', 'menu', 'transfer', 'hangup'] as const).map((kind) => ({
    id: `kind:${kind}`,
    label: `New ${kind}`,
    group: 'New node',
    colour: nodeUIs[kind].colour,
    icon: nodeUIs[kind].icon,
  })),
];

/** The canvas's small menu: "connect to…" from an output, or the kinds after a dragged connection. */
const meta = {
  title: 'Canvas/ChoiceMenu',
  component: ChoiceMenu,
  args: {
    title: 'Connect “next” to…',
    choices,
    at: { x: 40, y: 40 },
    onChoose: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof ChoiceMenu>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ConnectTo: Story = {};

/** Typing filters (accents and case ignored); arrows and Enter pick. */
export const FilterAndPick: Story = {
  play: async ({ args, canvasElement, userEvent }) => {
    // Drawn over the page (a portal), outside the story's own element.
    const page = within(canvasElement.ownerDocument.body);
    const filter = page.getByRole('combobox', { name: 'Filter' });
    await userEvent.type(filter, 'MENU');
    await expect(page.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Button menu: menu',
      'New menu',
    ]);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onChoose).toHaveBeenCalledWith(expect.objectContaining({ id: 'kind:menu' }));
  },
};

/** Escape closes it. */
export const Escape: Story = {
  play: async ({ args, userEvent }) => {
    await userEvent.keyboard('{Escape}');
    await expect(args.onClose).toHaveBeenCalled();
  },
};
