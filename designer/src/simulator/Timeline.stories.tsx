import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { timelineOf } from './moments.ts';
import { receptionCallLines } from './storyCall.ts';
import { Timeline } from './Timeline.tsx';
import './simulator.css';

const meta = {
  title: 'Simulator/Timeline',
  component: Timeline,
  decorators: [
    (Story) => (
      <div style={{ width: 420, padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Timeline>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * A reception call: the greeting (a key pressed during it is ignored, hollow
 * and red), the menu prompt, listening, one no-input and the prompt again,
 * then 1 and the transfer.
 */
export const ReceptionCall: Story = {
  args: { data: timelineOf(receptionCallLines(), 0, 150) },
  play: async ({ canvasElement }) => {
    const svg = within(canvasElement).getByRole('img', { name: /Call timeline/ });
    await expect(svg).toHaveAccessibleName(
      'Call timeline 3 prompts, listening 2 times, 2 inputs (1 ignored), 4 nodes.',
    );
  },
};

/** A call still going: bars end at the current time. */
export const CallInProgress: Story = {
  args: {
    data: timelineOf(
      receptionCallLines().filter((l) => l.t <= 7000),
      7000,
      150,
    ),
  },
};
