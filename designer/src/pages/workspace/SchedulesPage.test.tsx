import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import type { DesignerDb } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';
import { SchedulesPage } from './SchedulesPage.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import type { Role } from '@callbot/shared';
import { seedFakeAccounts } from '../../account/handlers.ts';
import { fakeAccountsServer, openAccountPage } from '../../test/accountPages.tsx';

const server = fakeAccountsServer();

const opened: DesignerDb[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  window.location.hash = '';
});

/** The page of the schedule "Loja"; with `role`, in a served workspace signed in as that role. */
async function setup({ used, role }: { used: boolean; role?: Role }) {
  const made = createTestWorkspace();
  opened.push(made.db);
  const schedule = await made.workspace.createSchedule({
    name: 'Loja',
    timeZone: 'America/Sao_Paulo',
    weekly: [{ day: 'mon', start: '09:00', end: '18:00' }],
    holidays: [],
  });
  const doc = structuredClone(examples.reception);
  if (used) {
    doc.nodes = doc.nodes.map((n) =>
      n.kind === 'schedule' ? { ...n, data: { ...n.data, scheduleId: schedule.id } } : n,
    );
  }
  await made.db.flows.add({
    id: 'f',
    name: 'Recepção',
    doc,
    revision: 1,
    createdAt: 1,
    updatedAt: 1,
  });
  const user = userEvent.setup();
  const page = (
    <WorkspaceProvider repository={made.workspace}>
      <SchedulesPage selectedId={schedule.id} />
    </WorkspaceProvider>
  );
  if (role) {
    seedFakeAccounts(server.fake(), { role });
    await openAccountPage(page);
  } else render(page);
  await screen.findByRole('heading', { level: 2, name: 'Loja' });
  return { ...made, user, schedule };
}

// The week grid is 336 cells: slow to render on a busy machine.
describe('SchedulesPage', { timeout: 15_000 }, () => {
  it('saves painted hours and a holiday, saying which flows were updated', async () => {
    const { user, db } = await setup({ used: true });
    expect(screen.getByText('Used by “Recepção”.')).toBeTruthy();
    const saturday = screen.getByRole('gridcell', { name: 'Saturday 10:00 to 10:30' });
    await user.pointer([{ keys: '[MouseLeft>]', target: saturday }, { keys: '[/MouseLeft]' }]);
    await user.type(screen.getByRole('textbox', { name: 'Holiday date' }), '12/25/2026{Enter}');
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
    expect(screen.getByRole('button', { name: 'Remove holiday 12/25/2026' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Saved, and updated in “Recepção”.',
    );
    const node = (await db.flows.get('f'))!.doc.nodes.find((n) => n.kind === 'schedule')!;
    expect(node.data).toMatchObject({
      weekly: [
        { day: 'mon', start: '09:00', end: '18:00' },
        { day: 'sat', start: '10:00', end: '10:30' },
      ],
      holidays: [{ date: '2026-12-25' }],
    });
  });

  it('refuses an unknown time zone before saving', async () => {
    const { user } = await setup({ used: false });
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Base');
    expect(screen.getByText('“Mars/Base” is not a time zone.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Save schedule' })).toHaveProperty('disabled', true);
  });

  it('refuses a new schedule named as another one, naming it', async () => {
    const { user, workspace } = await setup({ used: false });
    await user.type(screen.getByLabelText('New schedule name'), 'LOJA ');
    await user.click(screen.getByRole('button', { name: 'Create schedule' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Not saved: the schedule “Loja” already has this name (case and spaces do not tell names apart).',
    );
    expect((await workspace.listSchedules()).items.map((s) => s.name)).toEqual(['Loja']);
  });

  it('refuses deleting a schedule used by a flow, naming the flow', async () => {
    const { user, workspace } = await setup({ used: true });
    await user.click(screen.getByRole('button', { name: 'Delete schedule' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect((await screen.findByRole('alert')).textContent).toContain('“Recepção”');
    expect((await workspace.listSchedules()).items).toHaveLength(1);
  });

  it('deletes an unused schedule after confirmation', async () => {
    const { user, workspace } = await setup({ used: false });
    expect(screen.getByText('No flow uses this schedule.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Delete schedule' }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await expect.poll(async () => (await workspace.listSchedules()).items).toEqual([]);
    expect(await screen.findByText('No schedules yet.')).toBeTruthy();
  });

  /** What the page offers to change, by accessible name. */
  const editing = () =>
    [
      screen.queryByRole('textbox', { name: 'New schedule name' }),
      screen.queryByRole('button', { name: 'Create schedule' }),
      screen.queryByRole('button', { name: 'Save schedule' }),
      screen.queryByRole('button', { name: 'Delete schedule' }),
      screen.queryByLabelText('Holiday date'),
      screen.queryByRole('button', { name: 'Add holiday' }),
    ].filter((element) => element !== null);

  it.each(['trainer', 'viewer'] as const)(
    'shows a %s the schedule read-only: fields disabled, hours not painted, nothing to save',
    async (role) => {
      const { user, workspace } = await setup({ used: true, role });
      expect(screen.getByRole('note').textContent).toBe(`Read only — you are a ${role}`);
      expect(editing()).toEqual([]);
      const name = screen.getByRole('textbox', { name: 'Name' });
      expect(name).toHaveProperty('value', 'Loja');
      expect(name.matches(':disabled')).toBe(true);
      expect(screen.getByRole('combobox', { name: 'Time zone' }).matches(':disabled')).toBe(true);

      // Neither a click nor the keyboard opens a half hour.
      const saturday = screen.getByRole('gridcell', { name: 'Saturday 10:00 to 10:30' });
      await user.pointer([{ keys: '[MouseLeft>]', target: saturday }, { keys: '[/MouseLeft]' }]);
      saturday.focus();
      await user.keyboard(' ');
      expect(saturday.getAttribute('aria-selected')).toBe('false');
      expect((await workspace.listSchedules()).items[0]!.weekly).toEqual([
        { day: 'mon', start: '09:00', end: '18:00' },
      ]);
    },
  );

  it('offers an editor every change', async () => {
    const { user } = await setup({ used: true, role: 'editor' });
    expect(screen.queryByRole('note')).toBeNull();
    expect(editing()).toHaveLength(6);
    const saturday = screen.getByRole('gridcell', { name: 'Saturday 10:00 to 10:30' });
    await user.pointer([{ keys: '[MouseLeft>]', target: saturday }, { keys: '[/MouseLeft]' }]);
    expect(saturday.getAttribute('aria-selected')).toBe('true');
  });
});
