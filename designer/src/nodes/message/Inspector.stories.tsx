import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The message's form: the text and its speaking time, updated as you type. */
const meta = {
  title: 'Inspector/Message',
  component: InspectorHarness,
  args: { selected: ['fechado'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Message: Story = {};

/** Typing updates the speaking time at once; the text is written on blur. */
export const TypingUpdatesSpeakingTime: Story = {
  play: async ({ canvas, userEvent }) => {
    const text = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.clear(text);
    await expect(canvas.getByText(/Speaking time: nothing to say/)).toBeInTheDocument();
    await userEvent.type(text, 'um dois três quatro cinco seis sete oito');
    await expect(canvas.getByText(/Speaking time: about 3 s/)).toBeInTheDocument();
    await userEvent.tab();
    await expect(canvas.getByRole('region', { name: 'Checks' })).toHaveTextContent(
      'No problems found.',
    );
  },
};

/** An empty message is an error of the flow, shown in the form. */
export const Empty: Story = {
  play: async ({ canvas, userEvent }) => {
    const text = canvas.getByRole('textbox', { name: 'Message' });
    await userEvent.clear(text);
    await userEvent.tab();
    await expect(text).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getByRole('region', { name: 'Checks' })).toHaveTextContent(
      'The message is empty',
    );
  },
};
