import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '@callbot/shared';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import { i18n } from '../../i18n/index.ts';
import { createTestRepository, createTestWorkspace } from '../../persistence/testing.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';
import { LibraryPage } from './LibraryPage.tsx';

const server = fakeAccountsServer();
const EXAMPLE = 'Recepção Loja Exemplo';

/** The library of a served workspace, signed in with `role`, holding the example flow. */
async function openLibraryAs(role: Role) {
  seedFakeAccounts(server.fake(), { role });
  const { repo, db } = createTestRepository();
  const [example] = await repo.ensureExample().then(() => repo.list());
  const { workspace } = createTestWorkspace(db);
  await workspace.setCallbot(example!.id, true);
  await openAccountPage(
    <RepositoryProvider repository={repo}>
      <WorkspaceProvider repository={workspace}>
        <LibraryPage />
      </WorkspaceProvider>
    </RepositoryProvider>,
  );
  const flows = await screen.findByRole('list', { name: 'Flows' });
  within(flows).getByRole('link', { name: EXAMPLE });
  // Read from the workspace: the example is marked a callbot.
  return within(flows).findByRole('checkbox', { name: `${EXAMPLE} is a callbot`, checked: true });
}

/** The editing actions of the library, by accessible name, that a page offers. */
const editingActions = () =>
  [
    screen.queryByRole('button', { name: 'New flow' }),
    screen.queryByRole('textbox', { name: 'Name of the new flow' }),
    screen.queryByRole('button', { name: 'Import flow' }),
    screen.queryByRole('button', { name: `Rename ${EXAMPLE}` }),
    screen.queryByRole('button', { name: `Duplicate ${EXAMPLE}` }),
    screen.queryByRole('button', { name: `Delete ${EXAMPLE}` }),
  ].filter((element) => element !== null);

describe('LibraryPage in a served workspace', () => {
  it.each(['trainer', 'viewer'] as const)(
    'offers a %s no action the server refuses: flows open, nothing is created or changed',
    async (role) => {
      const callbotMark = await openLibraryAs(role);
      expect(editingActions()).toEqual([]);
      // The callbot mark is shown, not changeable.
      expect(callbotMark).toHaveProperty('disabled', true);
    },
  );

  it('offers an editor every action', async () => {
    const callbotMark = await openLibraryAs('editor');
    expect(editingActions()).toHaveLength(6);
    expect(callbotMark).toHaveProperty('disabled', false);
  });
});

describe('a new flow from the library', () => {
  afterEach(async () => {
    window.location.hash = '';
    await i18n.changeLanguage('en');
  });

  it.each([
    [
      'es',
      'Nombre del nuevo flujo',
      'Nuevo flujo',
      '¡Hola! Gracias por llamar.',
      'Gracias por su llamada. Hasta luego.',
    ],
    [
      'pt-BR',
      'Nome do novo fluxo',
      'Novo fluxo',
      'Olá! Obrigado por ligar.',
      'Obrigado pela ligação. Até logo.',
    ],
    [
      'en',
      'Name of the new flow',
      'New flow',
      'Hello! Thank you for calling.',
      'Thank you for calling. Goodbye.',
    ],
  ] as const)(
    'speaks the UI language it is created in (%s)',
    async (language, field, button, hello, bye) => {
      await i18n.changeLanguage(language);
      const { repo, db } = createTestRepository();
      render(
        <RepositoryProvider repository={repo}>
          <WorkspaceProvider repository={createTestWorkspace(db).workspace}>
            <LibraryPage />
          </WorkspaceProvider>
        </RepositoryProvider>,
      );
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: field }), 'Recepción');
      await user.click(screen.getByRole('button', { name: button }));
      await waitFor(() => expect(window.location.hash).not.toBe(''));
      const [created] = await repo.list();
      const { doc } = await repo.open(created!.id);
      expect(doc.settings.locale).toBe(language);
      expect(doc.nodes.map((n) => ('text' in n.data ? n.data.text : null))).toEqual([hello, bye]);
    },
  );
});
