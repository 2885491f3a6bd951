import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { examplePriceTable } from '@callbot/shared';
import { CallCost } from './CallCost.tsx';

const meta = {
  title: 'Simulator/CallCost',
  component: CallCost,
  args: { channel: 'line', direction: 'inbound', durationMs: 95_000 },
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof CallCost>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R20: a short line call, priced at the up-to-2-minutes rate; the figures are examples. */
export const ShortLineCall: Story = {
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Estimated cost' });
    await expect(within(panel).getByText('Example figures')).toBeVisible();
    await expect(within(panel).getByRole('listitem')).toHaveTextContent('Calls up to 2 min');
  },
};

/** R20: over 2 minutes, the whole call at the other rate. */
export const LongLineCall: Story = { args: { durationMs: 7 * 60_000 + 5_000 } };

/** R21: free when the customer calls on WhatsApp. */
export const WhatsAppFromCustomer: Story = {
  args: { channel: 'whatsapp', direction: 'inbound', durationMs: 10 * 60_000 },
};

/** R21: the business calls on WhatsApp after the month's 1,000th call: the second tier's rate. */
export const WhatsAppFromBusinessCrossingTier: Story = {
  args: {
    channel: 'whatsapp',
    direction: 'outbound',
    durationMs: 4 * 60_000,
    monthToDate: { calls: 1_000, minutes: 3_100 },
  },
};

/** A workspace's own table (issue 6): named, not marked as examples. */
export const WorkspaceTable: Story = {
  args: {
    channel: 'sip',
    direction: 'outbound',
    durationMs: 3 * 60_000,
    table: { ...examplePriceTable, label: 'Loja Exemplo 2027', example: false },
  },
};
