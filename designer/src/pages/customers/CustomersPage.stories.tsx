import type { Meta, StoryObj } from '@storybook/react-vite';
import { defaultPermissionLimits } from '@callbot/shared';
import { addWhatsAppLine, storyFixture, type StoryFixture } from '../channels/storySeeds.ts';
import { addCustomer, recordAnswer, sendInvitation } from './customerCommands.ts';
import { CustomersPage } from './CustomersPage.tsx';

const rules = { limits: defaultPermissionLimits, timeZone: 'America/Sao_Paulo' };

const meta = {
  title: 'Customers/CustomersPage',
  component: CustomersPage,
  render: (_args, { loaded }) => {
    const { Providers } = loaded.fixture as StoryFixture;
    return (
      <Providers>
        <CustomersPage />
      </Providers>
    );
  },
} satisfies Meta<typeof CustomersPage>;

export default meta;
type Story = StoryObj<typeof meta>;

/**
 * Customers in each state: none, requested, temporary, always. Calls to
 * numbers ending in 0 go unanswered, in 9 fail; the others are answered.
 */
export const Permissions: Story = {
  loaders: [
    async () => ({
      fixture: await storyFixture(async (f) => {
        await addWhatsAppLine(f);
        const from = '+551130030004';
        const add = (number: string, name: string) => addCustomer(f.deps, { number, name });
        await add('+5511987650001', 'Sem convite');
        await add('+5511987650002', 'Convidada');
        await add('+5511987650004', 'Temporária');
        await add('+5511987650010', 'Sempre (não atende)');
        for (const number of ['+5511987650002', '+5511987650004', '+5511987650010']) {
          await sendInvitation(f.deps, { from, number }, rules);
        }
        await recordAnswer(
          f.deps,
          '+5511987650004',
          { type: 'accepted', permission: 'temporary' },
          rules,
        );
        await recordAnswer(
          f.deps,
          '+5511987650010',
          { type: 'accepted', permission: 'always' },
          rules,
        );
      }),
    }),
  ],
};

/** No WhatsApp line yet: calls and invitations wait for one. */
export const NoLine: Story = {
  loaders: [
    async () => ({
      fixture: await storyFixture((f) =>
        addCustomer(f.deps, { number: '+5511987650004' }).then(() => {}),
      ),
    }),
  ],
};
