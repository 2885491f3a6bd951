import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { NodeOfKind } from '@callbot/shared';
import type { EditorStore } from '../../editor/store.ts';
import { InspectorHarness } from '../InspectorHarness.tsx';
import type { DesignerDb } from '../../persistence/index.ts';
import { createTestWorkspace } from '../../persistence/testing.ts';
import { WorkspaceProvider } from '../../app/WorkspaceContext.tsx';
import { performAction } from '../../editor/actions.ts';

const opened: DesignerDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

async function setup() {
  const { workspace, db } = createTestWorkspace();
  opened.push(db);
  const schedule = await workspace.createSchedule({
    name: 'Loja aos sábados',
    timeZone: 'Europe/Lisbon',
    weekly: [{ day: 'sat', start: '10:00', end: '14:00' }],
    holidays: [{ date: '2026-12-25' }],
  });
  let store: EditorStore | undefined;
  const user = userEvent.setup();
  render(
    <WorkspaceProvider repository={workspace}>
      <InspectorHarness selected={['horario']} onStore={(s) => (store = s)} />
    </WorkspaceProvider>,
  );
  const node = () =>
    store!.getState().doc.nodes.find((n) => n.id === 'horario') as NodeOfKind<'schedule'>;
  return { user, store: store!, node, schedule };
}

// The week grid is 336 cells: slow to render on a busy machine.
describe('ScheduleSource in the schedule inspector', { timeout: 15_000 }, () => {
  it('choosing a named schedule copies its hours into the node as one undoable edit, shown read only with a link', async () => {
    const { user, store, node, schedule } = await setup();
    const own = node().data;
    const hours = screen.getByRole('group', { name: 'Hours' });
    await user.click(await within(hours).findByRole('radio', { name: 'A named schedule' }));

    expect(node().data).toEqual({
      scheduleId: schedule.id,
      timeZone: 'Europe/Lisbon',
      weekly: [{ day: 'sat', start: '10:00', end: '14:00' }],
      holidays: [{ date: '2026-12-25' }],
    });
    expect(store.getState().past.map((e) => e.name)).toEqual(['chooseScheduleHours']);
    // Read only: no week grid, the hours as text, a link to the schedule.
    expect(screen.queryAllByRole('gridcell')).toHaveLength(0);
    expect(screen.getByRole('list', { name: 'Opening hours by day' }).textContent).toContain(
      'Sat 10:00–14:00',
    );
    expect(
      screen.getByRole('link', { name: 'Edit “Loja aos sábados” on the Schedules page' }),
    ).toHaveProperty('hash', `#/schedules/${schedule.id}`);

    performAction('undo', { store, page: {} });
    expect(node().data).toEqual(own);
  });

  it('going back to the node’s own hours keeps the copy, editable on the grid again', async () => {
    const { user, node } = await setup();
    await user.click(await screen.findByRole('radio', { name: 'A named schedule' }));
    await user.click(screen.getByRole('radio', { name: 'This node’s own' }));
    expect(node().data.scheduleId).toBeUndefined();
    expect(node().data.weekly).toEqual([{ day: 'sat', start: '10:00', end: '14:00' }]);
    expect(screen.getAllByRole('gridcell')).toHaveLength(7 * 48);
  });
});
