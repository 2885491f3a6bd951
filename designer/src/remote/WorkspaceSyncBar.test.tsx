import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WorkspaceProvider } from '../app/WorkspaceContext.tsx';
import { FakeWorkspaceServer, openBrowser } from '../persistence/remote/testing.ts';
import { createTestWorkspace } from '../persistence/testing.ts';
import { recordWord, WorkspaceSyncBar } from './WorkspaceSyncBar.tsx';
import { changeTables } from '@callbot/shared';
import { i18n } from '../i18n/index.ts';
import { en } from '../i18n/en.ts';
import { es } from '../i18n/es.ts';
import { ptBR } from '../i18n/pt-BR.ts';

const ana = { id: 'u-ana', name: 'Ana' };
const bruno = { id: 'u-bruno', name: 'Bruno' };

describe('WorkspaceSyncBar', () => {
  it('says nothing in browser-only mode', () => {
    const made = createTestWorkspace();
    const { container } = render(
      <WorkspaceProvider repository={made.workspace}>
        <WorkspaceSyncBar />
      </WorkspaceProvider>,
    );
    expect(container.textContent).toBe('');
    made.db.close();
  });

  it('counts the changes waiting offline, then names who changed a record and lets the user choose', async () => {
    const server = new FakeWorkspaceServer();
    const browser = openBrowser(server, ana);
    const team = await browser.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await browser.outbox.flush();
    render(
      <WorkspaceProvider repository={browser.workspace}>
        <WorkspaceSyncBar />
      </WorkspaceProvider>,
    );

    server.online = false;
    await browser.workspace.updateTeam(team.id, { name: 'Atendimento' });
    await browser.outbox.flush();
    expect((await screen.findByRole('status')).textContent).toMatch(/^Offline — 1 change waiting/);

    // Meanwhile Bruno renamed it on the server: the change waits for Ana's choice.
    server.putAs(bruno, 'teams', { ...team, name: 'Comercial' });
    server.online = true;
    await browser.outbox.flush();
    const alert = await screen.findByRole('alert');
    // The record's name is read from this browser's copy just after the alert shows.
    await waitFor(() =>
      expect(alert.textContent).toMatch(
        /^Bruno changed the team “Atendimento” at .+\. Your change/,
      ),
    );
    expect(screen.queryByRole('status')).toBeNull();

    await userEvent.click(within(alert).getByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await browser.workspace.listTeams()).items.map((t) => t.name)).toEqual(['Comercial']);
    expect(server.records.get('teams')!.get(team.id)?.record).toMatchObject({ name: 'Comercial' });
  });

  it('names a test case kept offline that the server refused once back, and drops it on reload', async () => {
    const server = new FakeWorkspaceServer();
    const editor = openBrowser(server, ana);
    const flow = await editor.repo.create('Recepção');
    await editor.outbox.flush();
    const trainer = openBrowser(server, bruno);
    await trainer.repo.list();
    render(
      <WorkspaceProvider repository={trainer.workspace}>
        <WorkspaceSyncBar />
      </WorkspaceProvider>,
    );
    const test = { name: 'Vendas', script: {}, transcript: [], flowRevision: 1 };
    server.online = false;
    await trainer.repo.saveTestCase(flow.id, test);
    await trainer.outbox.flush();
    expect((await screen.findByRole('status')).textContent).toMatch(/^Offline — 1 change waiting/);

    // Ana took the name meanwhile: the server refuses Bruno's once it is back.
    server.online = true;
    await editor.repo.saveTestCase(flow.id, test);
    await trainer.outbox.flush();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(alert.textContent).toContain('the test case “Vendas”'));
    await userEvent.click(within(alert).getByRole('button', { name: 'Reload theirs' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(trainer.outbox.state).toMatchObject({ waiting: 0, refused: [] });
  });

  it('says in the page’s words that another browser took a team’s name at the same moment', async () => {
    const server = new FakeWorkspaceServer();
    const first = openBrowser(server, ana);
    const second = openBrowser(server, bruno);
    // Both pages read the teams before either wrote: neither sees the other's name coming.
    await first.workspace.listTeams();
    await second.workspace.listTeams();
    render(
      <WorkspaceProvider repository={second.workspace}>
        <WorkspaceSyncBar />
      </WorkspaceProvider>,
    );
    await first.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await first.outbox.flush();
    await i18n.changeLanguage('pt-BR');
    try {
      await second.workspace.createTeam({ name: ' vendas', agents: 1 });
      await second.outbox.flush();
      const alert = await screen.findByRole('alert');
      await waitFor(() =>
        expect(alert.textContent).toContain(
          'a equipe “vendas”: “Vendas” já tem este nome (maiúsculas e espaços não distinguem nomes)',
        ),
      );
      expect(alert.textContent).not.toMatch(/same name|already exists/);
      // Reloading drops the refused team: the server keeps the first one only.
      await userEvent.click(within(alert).getByRole('button', { name: /Recarregar/ }));
      await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
      expect([...server.records.get('teams')!.values()].map((r) => r.record)).toMatchObject([
        { name: 'Vendas' },
      ]);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it('says in the page’s words that another browser added a customer’s number at the same moment', async () => {
    const server = new FakeWorkspaceServer();
    const first = openBrowser(server, ana);
    const second = openBrowser(server, bruno);
    await first.workspace.listCustomers();
    await second.workspace.listCustomers();
    render(
      <WorkspaceProvider repository={second.workspace}>
        <WorkspaceSyncBar />
      </WorkspaceProvider>,
    );
    await first.workspace.putCustomer({
      id: 'alma',
      number: '+5511912340005',
      name: 'Alma',
      createdAt: 1,
    });
    await first.outbox.flush();
    await i18n.changeLanguage('pt-BR');
    try {
      await second.workspace.putCustomer({ id: 'c2', number: '+5511912340005', createdAt: 2 });
      await second.outbox.flush();
      const alert = await screen.findByRole('alert');
      await waitFor(() => expect(alert.textContent).toContain('“Alma” já tem este número'));
      expect(alert.textContent).not.toMatch(/already the number/);
    } finally {
      await i18n.changeLanguage('en');
    }
  });

  it.each([
    ['en', en, 'the bot “Humano”'],
    ['pt-BR', ptBR, 'o bot “Humano”'],
    ['es', es, 'el bot «Humano»'],
  ] as const)(
    'has words in %s for a record of every table the event contract names, a bot’s among them',
    (language, resources, bot) => {
      expect(Object.keys(resources.wspages.sync.what).sort()).toEqual([...changeTables].sort());
      const t = i18n.getFixedT(language);
      for (const table of changeTables) {
        const word = recordWord(t, table, 'Humano');
        expect(word, table).not.toMatch(/wspages|^$/);
      }
      expect(recordWord(t, 'bots', 'Humano')).toBe(bot);
    },
  );
});
