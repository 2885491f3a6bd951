import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import type { DesignerDb } from '../../persistence/index.ts';
import { FakeWorkspaceServer, openBrowser } from '../../persistence/remote/testing.ts';
import type { WorkspaceRepository } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';
import { SettingsPage } from './SettingsPage.tsx';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';

const accounts = fakeAccountsServer();

const opened: DesignerDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function show(workspace: WorkspaceRepository) {
  render(
    <WorkspaceProvider repository={workspace}>
      <SettingsPage />
    </WorkspaceProvider>,
  );
  return userEvent.setup();
}

describe('SettingsPage', () => {
  it('browser-only: says so, and sets the time zone found by search and the country', async () => {
    const made = createTestWorkspace();
    opened.push(made.db);
    const user = show(made.workspace);
    expect(await screen.findByText(/^Browser only: these settings/)).toBeTruthy();
    expect(screen.queryByLabelText('Workspace name')).toBeNull();

    const zone = await screen.findByRole('combobox', { name: 'Time zone' });
    expect((zone as HTMLInputElement).value).toBe('America/Sao_Paulo');
    await user.clear(zone);
    await user.click(zone);
    await user.paste('Mars/Olympus');
    expect(screen.getByRole('alert').textContent).toBe(
      '“Mars/Olympus” is not a time zone: choose one from the list.',
    );
    expect(screen.getByRole('button', { name: 'Save settings' })).toHaveProperty('disabled', true);

    await user.clear(zone);
    await user.paste('America/Argentina/Buenos_Aires');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Country' }), 'AR');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect((await made.workspace.readSettings()).settings).toMatchObject({
      timeZone: 'America/Argentina/Buenos_Aires',
      country: 'AR',
    });
  });

  it('on a server: sends the time zone and the default callbot’s language to it', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, { id: 'u-ana', name: 'Ana' });
    const user = show(browser.workspace);
    const language = await screen.findByRole('combobox', {
      name: 'Language of the default callbot’s prompts',
    });
    expect(screen.getByLabelText<HTMLInputElement>('Workspace name').value).toBe('Loja');
    await user.selectOptions(language, 'es');
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.click(zone);
    await user.paste('America/Manaus');
    await user.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    await browser.outbox.flush();
    expect(server.settings.record).toMatchObject({
      timeZone: 'America/Manaus',
      defaultCallbotLanguage: 'es',
    });
  });

  it.each(['trainer', 'viewer'] as const)(
    'shows a %s the settings read-only: fields disabled, nothing to save',
    async (role) => {
      seedFakeAccounts(accounts.fake(), { role });
      const made = createTestWorkspace();
      opened.push(made.db);
      await openAccountPage(
        <WorkspaceProvider repository={made.workspace}>
          <SettingsPage />
        </WorkspaceProvider>,
      );
      const zone = await screen.findByRole('combobox', { name: 'Time zone' });
      expect(screen.getByRole('note').textContent).toBe(`Read only — you are a ${role}`);
      expect(zone).toHaveProperty('value', 'America/Sao_Paulo');
      expect(zone.matches(':disabled')).toBe(true);
      expect(screen.getByRole('combobox', { name: 'Country' }).matches(':disabled')).toBe(true);
      expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull();
    },
  );
});
