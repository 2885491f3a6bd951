import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PhonePanel } from './PhonePanel.tsx';
import './simulator.css';

const meta = {
  title: 'Simulator/PhonePanel',
  component: PhonePanel,
  args: { inCall: true, lang: 'pt-BR', onInput: fn(), onHangUp: fn(), recognition: null },
  decorators: [
    (Story) => (
      <div style={{ width: 380, padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof PhonePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Keys and speech go to the call as DTMF and speech events; hang up ends it. */
export const InCall: Story = {
  play: async ({ canvasElement, args }) => {
    const phone = within(canvasElement);
    await userEvent.click(phone.getByRole('button', { name: '1' }));
    await expect(args.onInput).toHaveBeenLastCalledWith({ type: 'dtmf', digit: '1' });
    await userEvent.click(phone.getByRole('button', { name: '#' }));
    await expect(args.onInput).toHaveBeenLastCalledWith({ type: 'dtmf', digit: '#' });
    await userEvent.type(phone.getByLabelText('What the caller says'), 'suporte');
    await userEvent.click(phone.getByRole('button', { name: 'Say' }));
    await expect(args.onInput).toHaveBeenLastCalledWith({ type: 'speech', text: 'suporte' });
    await expect(phone.getByLabelText('What the caller says')).toHaveValue('');
    await userEvent.click(phone.getByRole('button', { name: 'Hang up' }));
    await expect(args.onHangUp).toHaveBeenCalled();
  },
};

/** Without speech recognition in the browser, the panel says to type instead. */
export const NoMicrophone: Story = {
  play: async ({ canvasElement }) => {
    const phone = within(canvasElement);
    await expect(phone.queryByRole('button', { name: 'Speak into the microphone' })).toBeNull();
    await expect(
      phone.getByText('This browser has no speech recognition: type what the caller says.'),
    ).toBeVisible();
  },
};

/** At an AI agent with no endpoint set, the trainer types the agent's turns. */
export const TypingAgentTurns: Story = {
  args: { typeAgentTurns: true },
  play: async ({ canvasElement, args }) => {
    const phone = within(canvasElement);
    await userEvent.type(phone.getByRole('textbox', { name: 'The agent’s reply' }), 'Até logo!');
    await userEvent.click(phone.getByRole('button', { name: 'Reply and finish' }));
    await expect(args.onInput).toHaveBeenLastCalledWith({
      type: 'agent.reply',
      text: 'Até logo!',
      done: true,
    });
  },
};

/** Before the call and after it, nothing can be pressed. */
export const NoCall: Story = {
  args: { inCall: false },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('button', { name: '5' })).toBeDisabled();
    await expect(within(canvasElement).getByRole('button', { name: 'Hang up' })).toBeDisabled();
  },
};
