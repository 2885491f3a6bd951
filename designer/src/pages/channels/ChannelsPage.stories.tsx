import type { Meta, StoryObj } from '@storybook/react-vite';
import { buyNumber } from './lineCommands.ts';
import { ChannelsPage } from './ChannelsPage.tsx';
import { addWhatsAppLine, storyFixture, type StoryFixture } from './storySeeds.ts';

const meta = {
  title: 'Channels/ChannelsPage',
  component: ChannelsPage,
  args: { channel: 'phone-lines' },
  render: (args, { loaded }) => {
    const { Providers } = loaded.fixture as StoryFixture;
    return (
      <Providers>
        <ChannelsPage {...args} />
      </Providers>
    );
  },
} satisfies Meta<typeof ChannelsPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** No line yet: "Buy a number" lists Brazil's numbers from the sandbox. */
export const PhoneLinesEmpty: Story = {
  loaders: [async () => ({ fixture: await storyFixture() })],
};

/** Two orders placed: one goes requested → in process → active in 10 s, the other fails (R7). */
export const PhoneLinesOrdering: Story = {
  loaders: [
    async () => ({
      fixture: await storyFixture(async (f) => {
        await buyNumber(f.deps, { country: 'BR', number: '+553132500906' });
        await buyNumber(f.deps, { country: 'BR', number: '+551138455899' });
      }),
    }),
  ],
};

/** A WhatsApp line whose calls cannot be enabled yet: the missing items are listed (R2). */
export const WhatsAppChecklist: Story = {
  args: { channel: 'whatsapp' },
  loaders: [
    async () => ({ fixture: await storyFixture((f) => addWhatsAppLine(f).then(() => {})) }),
  ],
};

/** The SIP form; hosts ending in `.invalid` or containing `unreachable` fail the reachability check. */
export const SipLines: Story = {
  args: { channel: 'sip' },
  loaders: [async () => ({ fixture: await storyFixture() })],
};
