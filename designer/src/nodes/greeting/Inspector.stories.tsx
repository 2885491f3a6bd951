import type { Meta, StoryObj } from '@storybook/react-vite';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The greeting's form: the initial message and its speaking time. */
const meta = {
  title: 'Inspector/Greeting',
  component: InspectorHarness,
  args: { selected: ['greeting'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Greeting: Story = {};
