import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesignerDb } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';
import { WorkspaceFileActions } from './WorkspaceFileActions.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';
import { i18n } from '../../i18n/index.ts';

const server = fakeAccountsServer();

const opened: DesignerDb[] = [];
afterEach(async () => {
  opened.splice(0).forEach((db) => db.close());
  await i18n.changeLanguage('en');
});

async function setup() {
  const source = createTestWorkspace();
  const target = createTestWorkspace();
  opened.push(source.db, target.db);
  await source.workspace.createTeam({ name: 'Suporte', agents: 2 });
  const { text } = await source.workspace.exportWorkspace();
  await target.workspace.createTeam({ name: 'Antiga', agents: 1 });
  const onImported = vi.fn();
  render(
    <WorkspaceProvider repository={target.workspace}>
      <WorkspaceFileActions onImported={onImported} />
    </WorkspaceProvider>,
  );
  const pick = (content: string, label = 'Workspace file to import') =>
    fireEvent.change(screen.getByLabelText(label), {
      target: { files: [new File([content], 'ws.json', { type: 'application/json' })] },
    });
  return { text, target, onImported, pick, user: userEvent.setup() };
}

describe('WorkspaceFileActions', () => {
  it('asks before replacing the workspace, then replaces it', async () => {
    const { text, target, onImported, pick, user } = await setup();
    pick(text);
    const dialog = await screen.findByRole('dialog', { name: 'Replace the workspace?' });
    expect(dialog.textContent).toContain('1 team,');
    expect((await target.workspace.listTeams()).items.map((t) => t.name)).toEqual(['Antiga']);
    await user.click(within(dialog).getByRole('button', { name: 'Replace workspace' }));
    expect((await screen.findByRole('status')).textContent).toContain('Workspace imported');
    expect((await target.workspace.listTeams()).items.map((t) => t.name)).toEqual(['Suporte']);
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('offers export, import and the theme in its "More actions" menu', async () => {
    const { user } = await setup();
    const picked = vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(() => {});
    await user.click(screen.getByRole('button', { name: 'More actions' }));
    expect(screen.getByRole('menuitem', { name: 'Export workspace' })).toBeTruthy();
    expect(screen.getByRole('menuitemradio', { name: 'Dark' })).toBeTruthy();
    await user.click(screen.getByRole('menuitem', { name: 'Import workspace' }));
    // The browser's file picker opens (the hidden input, outside the closed menu).
    expect(picked).toHaveBeenCalledOnce();
    expect(screen.queryByRole('menu')).toBeNull();
    picked.mockRestore();
  });

  it('closing the question changes nothing', async () => {
    const { text, target, onImported, pick, user } = await setup();
    pick(text);
    const dialog = await screen.findByRole('dialog', { name: 'Replace the workspace?' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect((await target.workspace.listTeams()).items.map((t) => t.name)).toEqual(['Antiga']);
    expect(onImported).not.toHaveBeenCalled();
  });

  it('refuses a broken file with the record, the field and why, changing nothing', async () => {
    const { text, target, pick } = await setup();
    const broken = JSON.parse(text) as { teams: { name: string }[] };
    broken.teams[0]!.name = '';
    pick(JSON.stringify(broken));
    const dialog = await screen.findByRole('dialog', { name: 'Workspace file refused' });
    expect(dialog.textContent).toContain('teams[0].name');
    expect(dialog.textContent).toContain('a team needs a name');
    expect((await target.workspace.listTeams()).items.map((t) => t.name)).toEqual(['Antiga']);
  });

  it('says why in the page’s language, the field as the file writes it', async () => {
    await i18n.changeLanguage('pt-BR');
    const { text, pick } = await setup();
    const broken = JSON.parse(text) as { teams: { agents: number }[] };
    broken.teams[0]!.agents = -1;
    pick(JSON.stringify(broken), 'Arquivo de espaço de trabalho a importar');
    const dialog = await screen.findByRole('dialog', {
      name: 'Arquivo de espaço de trabalho recusado',
    });
    expect(dialog.textContent).toContain('teams[0].agents');
    expect(dialog.textContent).toContain('o número de agentes não pode ser negativo');
    expect(dialog.textContent).not.toContain('cannot be negative');
  });

  it.each(['trainer', 'viewer'] as const)(
    'offers a %s the export of the workspace, which they may read, but no import',
    async (role) => {
      seedFakeAccounts(server.fake(), { role });
      const made = createTestWorkspace();
      opened.push(made.db);
      await openAccountPage(
        <WorkspaceProvider repository={made.workspace}>
          <WorkspaceFileActions onImported={vi.fn()} />
        </WorkspaceProvider>,
      );
      await userEvent.setup().click(await screen.findByRole('button', { name: 'More actions' }));
      expect(screen.getByRole('menuitem', { name: 'Export workspace' })).toBeTruthy();
      expect(screen.queryByRole('menuitem', { name: 'Import workspace' })).toBeNull();
      expect(screen.queryByLabelText('Workspace file to import')).toBeNull();
    },
  );
});
