import type { Meta, StoryObj } from '@storybook/react-vite';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The AI agent's form: its instructions and endpoint, and where "done" and "transfer" lead. */
const meta = {
  title: 'Inspector/AiAgent',
  component: InspectorHarness,
  args: { selected: ['assistente'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const AiAgent: Story = {};
