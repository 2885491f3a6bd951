import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openAccountPage, rowNamed, fakeAccountsServer } from '../test/accountPages.tsx';
import { seedFakeAccounts } from './handlers.ts';
import { TokensPage } from './TokensPage.tsx';

const server = fakeAccountsServer();

describe('TokensPage', () => {
  it('creates a token shown once, lists it unused, and revokes it', async () => {
    // With the clipboard of user-event, which the page writes to.
    const user = userEvent.setup();
    seedFakeAccounts(server.fake(), { role: 'editor' });
    await openAccountPage(<TokensPage />);
    await screen.findByText('You have no API tokens in this workspace.');
    await user.type(screen.getByLabelText('Token name'), 'CI publish');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', { name: 'API token “CI publish”' });
    const secret = within(dialog).getByLabelText<HTMLInputElement>('Token');
    expect(secret.value).toMatch(/^cbt_secret_tok-/);
    within(dialog).getByText(/it is shown only this once/);
    await user.click(within(dialog).getByRole('button', { name: 'Copy token' }));
    expect(await navigator.clipboard.readText()).toBe(secret.value);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    const table = await screen.findByRole('table', { name: 'API tokens' });
    const line = rowNamed(table, 'CI publish');
    expect(line.textContent).toContain('Never');
    // Once closed, the secret is nowhere on the page.
    expect(document.body.textContent).not.toContain(secret.value);
    expect(screen.queryByDisplayValue(secret.value)).toBeNull();

    await user.click(within(line).getByRole('button', { name: 'Revoke CI publish' }));
    const confirm = await screen.findByRole('dialog', { name: 'Revoke the token CI publish?' });
    await user.click(within(confirm).getByRole('button', { name: 'Revoke' }));
    await screen.findByText('You have no API tokens in this workspace.');
    expect(server.fake().tokens.size).toBe(0);
  });

  it('refuses a second token of the same name, naming the one that has it', async () => {
    const user = userEvent.setup();
    seedFakeAccounts(server.fake(), { role: 'editor' });
    await openAccountPage(<TokensPage />);
    await screen.findByText('You have no API tokens in this workspace.');
    await user.type(screen.getByLabelText('Token name'), 'CI publish');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    const dialog = await screen.findByRole('dialog', { name: 'API token “CI publish”' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.type(screen.getByLabelText('Token name'), ' ci  PUBLISH');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'You already have a token named “CI publish” here (case and spaces do not tell names apart): choose another name, or revoke that one first.',
    );
    expect(screen.queryByRole('dialog')).toBeNull();
    expect([...server.fake().tokens.values()].map((t) => t.name)).toEqual(['CI publish']);
  });

  it('names the refused field', async () => {
    seedFakeAccounts(server.fake());
    await openAccountPage(<TokensPage />);
    await screen.findByText('You have no API tokens in this workspace.');
    await userEvent.type(screen.getByLabelText('Token name'), '   ');
    await userEvent.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not accepted: name: a token name cannot be empty.',
    );
  });
});
