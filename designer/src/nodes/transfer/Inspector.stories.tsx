import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The transfer's form: the team picker and where "no agents" and "failed" lead. */
const meta = {
  title: 'Inspector/Transfer',
  component: InspectorHarness,
  args: { selected: ['t-vendas'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Transfer: Story = {};

/** Without a team the flow has an error, shown next to the picker. */
export const NoTeam: Story = {
  play: async ({ canvas, userEvent }) => {
    const team = canvas.getByRole('combobox', { name: 'Team' });
    await userEvent.clear(team);
    await userEvent.tab();
    await expect(team).toHaveAttribute('aria-invalid', 'true');
    await expect(canvas.getAllByText(/This transfer has no team/).length).toBeGreaterThan(0);
  },
};
