import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { createFlow } from '@callbot/shared';
import { InspectorHarness } from '../nodes/InspectorHarness.tsx';

/** The inspector panel on the sample flow: flow settings, or a count of selected nodes. */
const meta = {
  title: 'Inspector/Panel',
  component: InspectorHarness,
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Nothing selected: the flow's settings. */
export const FlowSettings: Story = {
  args: { selected: [] },
  play: async ({ canvas, userEvent }) => {
    const name = canvas.getByRole('textbox', { name: 'Flow name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'Recepção{Enter}');
    await expect(canvas.getByRole('heading', { name: 'Recepção' })).toBeInTheDocument();
  },
};

/** A broken setting is shown next to its field. */
export const InvalidTimeZone: Story = {
  args: {
    doc: {
      ...createFlow('Broken'),
      settings: { ...createFlow('Broken').settings, timeZone: 'Mars/Olympus' },
    },
    selected: [],
  },
};

/** Several nodes selected: nothing to edit at once. */
export const SeveralNodes: Story = {
  args: { selected: ['greeting', 'menu', 'tchau'] },
};
