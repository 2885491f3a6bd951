import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { createAccount } from './account.ts';
import { AccountProvider } from './AccountContext.tsx';
import { AccountGate } from './AccountGate.tsx';
import { createAccountClient } from './client.ts';
import {
  accountHandlers,
  createFakeAccounts,
  FAKE_ORIGIN,
  seedFakeAccounts,
  type FakeAccounts,
} from './handlers.ts';
import { MembersPage } from './MembersPage.tsx';

let fake: FakeAccounts = createFakeAccounts();
const server = setupServer(...accountHandlers(fake));
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(async () => {
  server.resetHandlers(...accountHandlers((fake = createFakeAccounts())));
  await i18n.changeLanguage('en');
});
afterAll(() => server.close());

const others = [
  { name: 'Bruno Editor', email: 'bruno@example.com', role: 'editor' as const },
  { name: 'Tiago Treino', email: 'tiago@example.com', role: 'trainer' as const },
];

async function open() {
  const account = createAccount(createAccountClient({ baseUrl: FAKE_ORIGIN }));
  await account.start();
  render(
    <AccountProvider account={account}>
      <AccountGate>
        <MembersPage />
      </AccountGate>
    </AccountProvider>,
  );
}

const row = (table: HTMLElement, name: string) =>
  within(table)
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader', { name: new RegExp(name) }))!;

describe('MembersPage, for an owner', () => {
  it('invites by link with a role, shows the pending invitation, and revokes it', async () => {
    // With the clipboard of user-event, which the page writes to.
    const user = userEvent.setup();
    seedFakeAccounts(fake, { others });
    await open();
    await screen.findByRole('table', { name: 'Members' });
    await user.selectOptions(screen.getByLabelText('Role of the invited person'), 'trainer');
    await user.click(screen.getByRole('button', { name: 'Create invitation link' }));
    const link = await screen.findByLabelText('Invitation link', { exact: false });
    expect((link as HTMLInputElement).value).toMatch(
      new RegExp(`^${FAKE_ORIGIN}/invite\\?token=invite-`),
    );
    expect(link.getAttribute('readonly')).not.toBeNull();
    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    const invitation = within(pending).getByRole('rowheader', { name: 'Invited as Trainer' });
    expect(invitation.closest('tr')?.textContent).toContain('Ana Souza');

    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await navigator.clipboard.readText()).toBe((link as HTMLInputElement).value);
    screen.getByText('Copied to the clipboard.');

    await user.click(
      within(pending).getByRole('button', { name: /^Revoke the invitation as Trainer/ }),
    );
    await screen.findByText('No pending invitations.');
    expect(fake.invitations.size).toBe(0);
    expect(screen.queryByLabelText('Invitation link', { exact: false })).toBeNull();
  });

  it('changes a role, keeps the last owner, and removes a member after asking', async () => {
    seedFakeAccounts(fake, { others });
    await open();
    const table = await screen.findByRole('table', { name: 'Members' });
    await userEvent.selectOptions(within(table).getByLabelText('Role of Tiago Treino'), 'viewer');
    await waitFor(() => expect(fake.workspaces.get('ws-loja')?.members.get('u-3')).toBe('viewer'));

    await userEvent.selectOptions(within(table).getByLabelText('Role of Ana Souza'), 'editor');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A workspace needs an owner: make someone else owner first.',
    );
    expect(fake.workspaces.get('ws-loja')?.members.get('u-ana')).toBe('owner');
    await waitFor(() =>
      expect(within(table).getByLabelText<HTMLSelectElement>('Role of Ana Souza').value).toBe(
        'owner',
      ),
    );

    await userEvent.click(
      within(row(table, 'Bruno')).getByRole('button', { name: 'Remove Bruno Editor' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Remove Bruno Editor from Loja Exemplo?',
    });
    within(confirm).getByText(
      'Their sessions and API tokens stop working in this workspace at once.',
    );
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(within(table).queryByText('Bruno Editor')).toBeNull());
    expect(fake.workspaces.get('ws-loja')?.members.has('u-2')).toBe(false);
  });
});

describe('MembersPage, for the other roles', () => {
  it('is a read-only list: no invitations, no role changes, no removals but leaving', async () => {
    seedFakeAccounts(fake, { role: 'trainer', others });
    await open();
    const table = await screen.findByRole('table', { name: 'Members' });
    screen.getByText('Only an owner can invite people, change roles or remove members.');
    expect(within(row(table, 'Olga')).getByText('Owner')).toBeDefined();
    expect(within(row(table, 'Ana')).getByText('Trainer')).toBeDefined();
    expect(within(table).queryByRole('combobox')).toBeNull();
    expect(within(table).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create invitation link' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Pending invitations' })).toBeNull();
    within(row(table, 'Ana')).getByRole('button', { name: 'Leave the workspace' });
  });
});
