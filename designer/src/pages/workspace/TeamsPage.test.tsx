import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { DesignerDb } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';
import { TeamsPage } from './TeamsPage.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import type { Role } from '@callbot/shared';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';

const opened: DesignerDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function setup() {
  const made = createTestWorkspace();
  opened.push(made.db);
  const user = userEvent.setup();
  render(
    <WorkspaceProvider repository={made.workspace}>
      <TeamsPage />
    </WorkspaceProvider>,
  );
  const create = async (name: string, agents: string) => {
    await user.type(screen.getByRole('textbox', { name: 'Team name' }), name);
    const count = screen.getByRole('spinbutton', { name: 'Agents available' });
    await user.clear(count);
    await user.type(count, agents);
    await user.click(screen.getByRole('button', { name: 'Create team' }));
    await screen.findByRole('rowheader', { name });
  };
  return { ...made, user, create };
}

describe('TeamsPage', () => {
  it('R9: creates two teams, the first one the default, then makes the second the default', async () => {
    const { user, create, workspace } = setup();
    await create('Recepção', '3');
    await create('Vendas', '2');
    expect(screen.getByRole('radio', { name: 'Recepção is the default team' })).toHaveProperty(
      'checked',
      true,
    );
    await user.click(screen.getByRole('radio', { name: 'Vendas is the default team' }));
    await expect
      .poll(async () => (await workspace.listTeams()).items.find((t) => t.isDefault)?.name)
      .toBe('Vendas');
    await expect
      .poll(() => screen.getByRole('radio', { name: 'Recepção is the default team' }))
      .toHaveProperty('checked', false);
  });

  it('sets the agents available when the field is left', async () => {
    const { user, create, workspace } = setup();
    await create('Suporte', '1');
    const agents = screen.getByRole('spinbutton', { name: 'Agents available in Suporte' });
    await user.clear(agents);
    await user.type(agents, '7');
    await user.tab();
    await expect.poll(async () => (await workspace.listTeams()).items[0]!.agents).toBe(7);
  });

  it('keeps the number being typed when another change of the team arrives, and never sends a negative one', async () => {
    const { user, create, workspace } = setup();
    await create('Suporte', '1');
    const agents = screen.getByRole('spinbutton', { name: 'Agents available in Suporte' });
    await user.clear(agents);
    await user.type(agents, '4');
    // Someone else (another tab) renames the team and sets 7 meanwhile: the page shows the new
    // name, and the field still holds what the user typed.
    const { id } = (await workspace.listTeams()).items[0]!;
    await workspace.updateTeam(id, { name: 'Atendimento', agents: 7 });
    expect(await screen.findByRole('spinbutton', { name: 'Agents available in Atendimento' })).toBe(
      agents,
    );
    expect(agents).toHaveProperty('value', '4');
    await user.tab();
    await expect.poll(async () => (await workspace.listTeams()).items[0]!.agents).toBe(4);
    // A negative count is refused at the field.
    await user.clear(agents);
    await user.type(agents, '-3');
    await user.tab();
    expect((agents as HTMLInputElement).validity.rangeUnderflow).toBe(true);
    expect((await workspace.listTeams()).items[0]!.agents).toBe(4);
  });

  it('R9: refuses deleting the default team while others exist, saying to choose another first', async () => {
    const { user, create } = setup();
    await create('A', '1');
    await create('B', '1');
    await user.click(screen.getByRole('button', { name: 'Delete A' }));
    expect(screen.getByRole('alert').textContent).toMatch(/choose another default team first/);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('deletes a team after confirmation', async () => {
    const { user, create } = setup();
    await create('A', '1');
    await create('B', '1');
    await user.click(screen.getByRole('button', { name: 'Delete B' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete the team “B”?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await expect.poll(() => screen.queryByRole('rowheader', { name: 'B' })).toBeNull();
  });

  it('renames a team, and refuses an empty name by the schema', async () => {
    const { user, create } = setup();
    await create('Suporte', '1');
    await user.click(screen.getByRole('button', { name: 'Rename Suporte' }));
    const name = screen.getByRole('textbox', { name: 'New name of Suporte' });
    await user.clear(name);
    await user.type(name, 'Suporte técnico{Enter}');
    expect(await screen.findByRole('rowheader', { name: 'Suporte técnico' })).toBeTruthy();
  });
});

describe('TeamsPage in a served workspace', () => {
  const server = fakeAccountsServer();

  /** The teams of a workspace holding "Vendas" (the default) and "Suporte", signed in as `role`. */
  async function openAs(role: Role) {
    seedFakeAccounts(server.fake(), { role });
    const made = createTestWorkspace();
    opened.push(made.db);
    await made.workspace.createTeam({ name: 'Vendas', agents: 3 });
    await made.workspace.createTeam({ name: 'Suporte', agents: 2 });
    await openAccountPage(
      <WorkspaceProvider repository={made.workspace}>
        <TeamsPage />
      </WorkspaceProvider>,
    );
    await screen.findByRole('rowheader', { name: 'Suporte' });
  }

  /** What the page offers to change, by accessible name. */
  const editing = () =>
    [
      screen.queryByRole('textbox', { name: 'Team name' }),
      screen.queryByRole('button', { name: 'Create team' }),
      screen.queryByRole('button', { name: 'Rename Vendas' }),
      screen.queryByRole('button', { name: 'Delete Suporte' }),
    ].filter((element) => element !== null);

  it.each(['trainer', 'viewer'] as const)(
    'shows a %s the teams read-only: no create, rename or delete; agents and default shown, disabled',
    async (role) => {
      await openAs(role);
      expect(screen.getByRole('note').textContent).toBe(`Read only — you are a ${role}`);
      expect(editing()).toEqual([]);
      const agents = screen.getByRole('spinbutton', { name: 'Agents available in Vendas' });
      expect(agents).toHaveProperty('value', '3');
      expect(agents.matches(':disabled')).toBe(true);
      const isDefault = screen.getByRole('radio', { name: 'Vendas is the default team' });
      expect(isDefault).toHaveProperty('checked', true);
      expect(isDefault.matches(':disabled')).toBe(true);
    },
  );

  it('offers an editor every change', async () => {
    await openAs('editor');
    expect(screen.queryByRole('note')).toBeNull();
    expect(editing()).toHaveLength(4);
    const agents = screen.getByRole('spinbutton', { name: 'Agents available in Vendas' });
    expect(agents.matches(':disabled')).toBe(false);
  });
});
