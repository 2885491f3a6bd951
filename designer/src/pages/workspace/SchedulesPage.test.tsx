import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import type { DesignerDb } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';
import { SchedulesPage } from './SchedulesPage.tsx';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';

const opened: DesignerDb[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
  window.location.hash = '';
});

async function setup({ used }: { used: boolean }) {
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
  render(
    <WorkspaceProvider repository={made.workspace}>
      <SchedulesPage selectedId={schedule.id} />
    </WorkspaceProvider>,
  );
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
    await user.type(screen.getByLabelText('Holiday date'), '2026-12-25');
    await user.click(screen.getByRole('button', { name: 'Add holiday' }));
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
});
