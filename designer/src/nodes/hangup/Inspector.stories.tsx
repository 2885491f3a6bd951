import type { Meta, StoryObj } from '@storybook/react-vite';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The hang-up's form: an optional goodbye. */
const meta = {
  title: 'Inspector/Hangup',
  component: InspectorHarness,
  args: { selected: ['tchau'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Hangup: Story = {};
