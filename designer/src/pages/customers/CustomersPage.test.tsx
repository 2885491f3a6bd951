import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { channelsFixture } from '../channels/testing.tsx';
import type { DesignerDb } from '../../persistence/index.ts';
import { CustomersPage } from './CustomersPage.tsx';
import type { Role } from '@callbot/shared';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';

const server = fakeAccountsServer();
const LIMITS = 'Call limits';

const opened: DesignerDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const LINE = '+551130030004';
const CUSTOMER = '+5511987650004';
/** How the page shows it: formatted for its country (issue 12). */
const SHOWN = '+55 11 98765 0004';
/** The sandbox's customer declines when the number ends in 8. */
const DECLINING = '+5511987650008';
const SHOWN_DECLINING = '+55 11 98765 0008';

async function setup(number = CUSTOMER) {
  // Waiting between polls moves the clock, so a ringing call ends at once.
  const fixture = channelsFixture();
  opened.push(fixture.db);
  const verified = await fixture.services.provider.verifyWhatsappNumber(LINE);
  await fixture.workspace.putLine({
    id: 'wa',
    kind: 'whatsapp',
    number: LINE,
    displayName: verified.displayName,
    business: true,
    calling: true,
    callsEnabled: true,
    createdAt: fixture.clock.now,
  });
  const { Providers } = fixture;
  render(
    <Providers>
      <CustomersPage />
    </Providers>,
  );
  const user = userEvent.setup();
  await user.type(screen.getByRole('textbox', { name: 'Number' }), number);
  await user.type(screen.getByRole('textbox', { name: 'Name (optional)' }), 'Ana');
  await user.click(screen.getByRole('button', { name: 'Add customer' }));
  const row = await screen.findByRole('row', {
    name: `Ana (${number === CUSTOMER ? SHOWN : SHOWN_DECLINING})`,
  });
  return { ...fixture, user, row };
}

describe('CustomersPage', () => {
  it('says a number that is not one once, under its field, and adds nobody', async () => {
    const fixture = channelsFixture();
    opened.push(fixture.db);
    const { Providers } = fixture;
    render(
      <Providers>
        <CustomersPage />
      </Providers>,
    );
    const user = userEvent.setup();
    const number = screen.getByRole('textbox', { name: 'Number' });
    await user.type(number, '12ab');
    await user.click(screen.getByRole('button', { name: 'Add customer' }));
    const said =
      '“12ab” is not a phone number: type it with + and the country code, e.g. +55 11 3000 0000.';
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toEqual([said]);
    expect(screen.getAllByText(said)).toHaveLength(1);
    expect(number.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    expect((await fixture.workspace.listCustomers()).items).toEqual([]);
  });

  it('R13: a call without opt-in is refused with the rule, and nothing is counted', async () => {
    const { user, row } = await setup();
    expect(row.textContent).toContain('None');
    await user.click(within(row).getByRole('button', { name: `Call Ana (${SHOWN})` }));
    expect((await within(row).findByRole('alert')).textContent).toBe(
      'Call refused: the customer has not accepted the call permission (R13): calls are never placed without the invitation template accepted.',
    );
    expect(row.textContent).toContain('0 of 5');
  });

  it('R14: after 5 calls in a day the sixth is refused, saying when it can be tried again', async () => {
    const { user, row } = await setup();
    await user.click(
      within(row).getByRole('button', { name: `Send invitation template to Ana (${SHOWN})` }),
    );
    // Nobody types the answer in: the sandbox's customer answers at the provider, followed here.
    expect(within(row).queryByRole('button', { name: /Customer accepted/ })).toBeNull();
    await within(row).findByText(/^Temporary until/);
    expect(row.textContent).toContain(
      'The customer’s answer at the provider (accepted for a while)',
    );
    for (let i = 1; i <= 5; i++) {
      await user.click(within(row).getByRole('button', { name: `Call Ana (${SHOWN})` }));
      await within(row).findByText(`${i} of 5`);
    }
    await user.click(within(row).getByRole('button', { name: `Call Ana (${SHOWN})` }));
    const refusal = await within(row).findByRole('alert');
    expect(refusal.textContent).toContain(
      '5 calls or attempts today, the most allowed per day is 5 (R14).',
    );
    // Midnight in São Paulo, the workspace's time zone.
    expect(refusal.textContent).toMatch(/It can be tried again from Mar 3, 2026, 12:00\sAM\./);
  });

  it('R13: a customer who declines at the provider is not called, and the row says so', async () => {
    const { user, row } = await setup(DECLINING);
    await user.click(
      within(row).getByRole('button', {
        name: `Send invitation template to Ana (${SHOWN_DECLINING})`,
      }),
    );
    await within(row).findByText(/The customer’s answer at the provider \(declined\)/);
    await user.click(within(row).getByRole('button', { name: `Call Ana (${SHOWN_DECLINING})` }));
    expect((await within(row).findByRole('alert')).textContent).toContain('(R13)');
    expect(row.textContent).toContain('0 of 5');
  });

  it('R13: with the platform rules on, a second invitation within 24 hours is refused with when to retry', async () => {
    const { user, row, workspace } = await setup();
    await user.click(screen.getByText('Call limits'));
    await user.click(screen.getByRole('checkbox', { name: /Apply WhatsApp’s platform rules/ }));
    await user.click(screen.getByRole('button', { name: 'Save limits' }));
    await screen.findByText('The call limits were saved.');
    expect((await workspace.readSettings()).settings.whatsappLimits?.platformRules.enabled).toBe(
      true,
    );
    const invite = () =>
      user.click(
        within(screen.getByRole('row', { name: `Ana (${SHOWN})` })).getByRole('button', {
          name: `Send invitation template to Ana (${SHOWN})`,
        }),
      );
    await invite();
    await within(row).findByText('Requested');
    await invite();
    const refusal = await within(screen.getByRole('row', { name: `Ana (${SHOWN})` })).findByRole(
      'alert',
    );
    expect(refusal.textContent).toContain('Invitation refused: 1 invitation in the last 24 hours');
    expect(refusal.textContent).toContain('It can be tried again from Mar 3, 2026');
  });

  /** The customers of a served workspace (its WhatsApp line and the customer Ana), as `role`. */
  async function openAs(role: Role) {
    seedFakeAccounts(server.fake(), { role });
    const fixture = channelsFixture();
    opened.push(fixture.db);
    await fixture.workspace.putLine({
      id: 'wa',
      kind: 'whatsapp',
      number: LINE,
      displayName: 'Loja Exemplo',
      business: true,
      calling: true,
      callsEnabled: true,
      createdAt: fixture.clock.now,
    });
    await fixture.workspace.putCustomer({
      id: 'c-ana',
      number: CUSTOMER,
      name: 'Ana',
      createdAt: fixture.clock.now,
    });
    const { Providers } = fixture;
    await openAccountPage(
      <Providers>
        <CustomersPage />
      </Providers>,
    );
    const row = await screen.findByRole('row', { name: `Ana (${SHOWN})` });
    // The limits are folded away until asked for.
    await userEvent.click(screen.getByText(LIMITS));
    return row;
  }

  /** What the page offers to change, by accessible name. */
  const editing = () =>
    [
      screen.queryByRole('button', { name: 'Add customer' }),
      screen.queryByRole('button', { name: 'Save limits' }),
      screen.queryByRole('button', { name: `Call Ana (${SHOWN})` }),
      screen.queryByRole('button', { name: `Send invitation template to Ana (${SHOWN})` }),
    ].filter((element) => element !== null);

  it.each(['trainer', 'viewer'] as const)(
    'shows a %s the customers read-only: their permission and limits, no add, call, invitation or save',
    async (role) => {
      const row = await openAs(role);
      expect(screen.getByRole('note').textContent).toBe(`Read only — you are a ${role}`);
      expect(row.textContent).toContain('0 of 5');
      expect(editing()).toEqual([]);
      const limit = screen.getByRole('spinbutton', {
        name: 'Calls or attempts per customer and day',
      });
      expect(limit).toHaveProperty('value', '5');
      expect(limit.matches(':disabled')).toBe(true);
    },
  );

  it('offers an editor every change', async () => {
    await openAs('editor');
    expect(screen.queryByRole('note')).toBeNull();
    expect(editing()).toHaveLength(4);
  });
});
