import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The menu's form: prompt, options with their targets, no-input and no-match settings. */
const meta = {
  title: 'Inspector/Menu',
  component: InspectorHarness,
  args: { selected: ['menu'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Menu: Story = {};

/** A new option takes the next free key; its target select connects its port. */
export const AddOption: Story = {
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Add option' }));
    const option = within(canvas.getByRole('group', { name: 'Option 4' }));
    await expect(option.getByRole('combobox', { name: 'Key' })).toHaveValue('4');
    const target = option.getByRole('combobox', { name: 'Goes to' });
    await userEvent.selectOptions(target, 'tchau');
    await expect(target).toHaveValue('tchau');
    await userEvent.click(canvas.getByRole('button', { name: 'Remove option 4' }));
    await expect(canvas.queryByRole('group', { name: 'Option 4' })).not.toBeInTheDocument();
  },
};

/** A timeout under one second is refused as you type, and never reaches the flow. */
export const InvalidTimeout: Story = {
  play: async ({ canvas, userEvent }) => {
    const timeout = canvas.getByRole('spinbutton', { name: 'Silence timeout (ms)' });
    await userEvent.type(timeout, '10');
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByText('Use at least 1,000.')).toBeInTheDocument();
  },
};
