import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { ListeningIndicator } from './ListeningIndicator.tsx';
import { callNotStarted } from './moments.ts';
import './simulator.css';

const meta = {
  title: 'Simulator/ListeningIndicator',
  component: ListeningIndicator,
  decorators: [
    (Story) => (
      <div style={{ width: 380, padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ListeningIndicator>;

export default meta;
type Story = StoryObj<typeof meta>;

const at = { ...callNotStarted, node: 'menu' };

/** A drawn flow speaks: it does not listen, whatever the caller does (R17). */
export const Speaking: Story = {
  args: { phase: 'running', moment: { ...at, speaking: true } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Speaking · not listening: keys and speech are ignored',
    );
  },
};

/** After the menu prompt: listening to keys and speech (R18). */
export const Listening: Story = {
  args: { phase: 'running', moment: { ...at, listening: true, modes: ['dtmf', 'speech'] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('status')).toHaveTextContent(
      'Listening · to keys, speech',
    );
  },
};

/** An AI agent listens while it speaks: speech interrupts it. */
export const SpeakingAndListening: Story = {
  args: {
    phase: 'running',
    moment: { ...at, node: 'assistente', speaking: true, listening: true, modes: ['speech'] },
  },
};

/** Between nodes, or waiting for a transfer. */
export const NotListening: Story = { args: { phase: 'running', moment: at } };

export const CallEnded: Story = {
  args: { phase: 'ended', moment: { ...at, outcome: 'transferred' } },
};

export const NoCall: Story = { args: { phase: 'setup', moment: callNotStarted } };
