import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openAccountPage, rowNamed, fakeAccountsServer } from '../test/accountPages.tsx';
import { FAKE_ORIGIN, seedFakeAccounts } from './handlers.ts';
import { MembersPage } from './MembersPage.tsx';

const server = fakeAccountsServer();

const others = [
  { name: 'Bruno Editor', email: 'bruno@example.com', role: 'editor' as const },
  { name: 'Tiago Treino', email: 'tiago@example.com', role: 'trainer' as const },
];

describe('MembersPage, for an owner', () => {
  it('invites by link with a role, shows the pending invitation, and revokes it', async () => {
    // With the clipboard of user-event, which the page writes to.
    const user = userEvent.setup();
    seedFakeAccounts(server.fake(), { others });
    await openAccountPage(<MembersPage />);
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
    expect(server.fake().invitations.size).toBe(0);
    expect(screen.queryByLabelText('Invitation link', { exact: false })).toBeNull();
  });

  it('changes a role, keeps the last owner, and removes a member after asking', async () => {
    seedFakeAccounts(server.fake(), { others });
    await openAccountPage(<MembersPage />);
    const table = await screen.findByRole('table', { name: 'Members' });
    await userEvent.selectOptions(within(table).getByLabelText('Role of Tiago Treino'), 'viewer');
    await waitFor(() =>
      expect(server.fake().workspaces.get('ws-loja')?.members.get('u-3')).toBe('viewer'),
    );

    await userEvent.selectOptions(within(table).getByLabelText('Role of Ana Souza'), 'editor');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A workspace needs an owner: make someone else owner first.',
    );
    expect(server.fake().workspaces.get('ws-loja')?.members.get('u-ana')).toBe('owner');
    await waitFor(() =>
      expect(within(table).getByLabelText<HTMLSelectElement>('Role of Ana Souza').value).toBe(
        'owner',
      ),
    );

    await userEvent.click(
      within(rowNamed(table, 'Bruno')).getByRole('button', { name: 'Remove Bruno Editor' }),
    );
    const confirm = await screen.findByRole('dialog', {
      name: 'Remove Bruno Editor from Loja Exemplo?',
    });
    within(confirm).getByText(
      'Their sessions and API tokens stop working in this workspace at once.',
    );
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(within(table).queryByText('Bruno Editor')).toBeNull());
    expect(server.fake().workspaces.get('ws-loja')?.members.has('u-2')).toBe(false);
  });
});

describe('MembersPage, for the other roles', () => {
  it('is a read-only list: no invitations, no role changes, no removals but leaving', async () => {
    seedFakeAccounts(server.fake(), { role: 'trainer', others });
    await openAccountPage(<MembersPage />);
    const table = await screen.findByRole('table', { name: 'Members' });
    screen.getByText('Only an owner can invite people, change roles or remove members.');
    expect(within(rowNamed(table, 'Olga')).getByText('Owner')).toBeDefined();
    expect(within(rowNamed(table, 'Ana')).getByText('Trainer')).toBeDefined();
    expect(within(table).queryByRole('combobox')).toBeNull();
    expect(within(table).queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Create invitation link' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Pending invitations' })).toBeNull();
    within(rowNamed(table, 'Ana')).getByRole('button', { name: 'Leave the workspace' });
  });
});
