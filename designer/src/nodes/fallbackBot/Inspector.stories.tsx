import type { Meta, StoryObj } from '@storybook/react-vite';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The fallback bot's form: the bot id, with the bots the flow already uses as suggestions. */
const meta = {
  title: 'Inspector/FallbackBot',
  component: InspectorHarness,
  args: { selected: ['bot-fora'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const FallbackBot: Story = {};
