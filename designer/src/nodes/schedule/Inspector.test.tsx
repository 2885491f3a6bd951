import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { NodeOfKind } from '@callbot/shared';
import { renderInspector } from '../renderInspector.tsx';
import { sampleFlow } from '../../inspector/sampleFlow.ts';

const setup = () => {
  const view = renderInspector({ selected: ['horario'] });
  const schedule = () => view.node('horario') as NodeOfKind<'schedule'>;
  const cell = (name: string) => screen.getByRole('gridcell', { name });
  return { ...view, schedule, cell };
};

describe('ScheduleInspector', () => {
  it('shows the opening hours on the week grid', () => {
    const { cell } = setup();
    expect(cell('Monday 09:00 to 09:30').getAttribute('aria-selected')).toBe('true');
    expect(cell('Monday 17:30 to 18:00').getAttribute('aria-selected')).toBe('true');
    expect(cell('Monday 18:00 to 18:30').getAttribute('aria-selected')).toBe('false');
    expect(cell('Sunday 10:00 to 10:30').getAttribute('aria-selected')).toBe('false');
    expect(screen.getAllByRole('gridcell')).toHaveLength(7 * 48);
  });

  it('paints a rectangle of open hours with one drag, as one step', async () => {
    const { user, cell, schedule, store } = setup();
    await user.pointer([
      { keys: '[MouseLeft>]', target: cell('Saturday 14:00 to 14:30') },
      { target: cell('Saturday 16:00 to 16:30') },
      { target: cell('Sunday 17:30 to 18:00') },
      { keys: '[/MouseLeft]' },
    ]);
    const weekend = schedule().data.weekly.filter((r) => r.day === 'sat' || r.day === 'sun');
    expect(weekend).toEqual([
      { day: 'sat', start: '09:00', end: '13:00' },
      { day: 'sat', start: '14:00', end: '18:00' },
      { day: 'sun', start: '14:00', end: '18:00' },
    ]);
    expect(store.getState().past.map((e) => e.name)).toEqual(['updateNode']);
    expect(screen.getByRole('list', { name: 'Opening hours by day' }).textContent).toContain(
      'Sun 14:00–18:00',
    );
  });

  it('erases when the drag starts on an open cell, and merges what is left', async () => {
    const { user, cell, schedule } = setup();
    await user.pointer([
      { keys: '[MouseLeft>]', target: cell('Monday 12:00 to 12:30') },
      { target: cell('Friday 12:30 to 13:00') },
      { keys: '[/MouseLeft]' },
    ]);
    const monday = schedule().data.weekly.filter((r) => r.day === 'mon');
    expect(monday).toEqual([
      { day: 'mon', start: '09:00', end: '12:00' },
      { day: 'mon', start: '13:00', end: '18:00' },
    ]);
    expect(schedule().data.weekly).toHaveLength(11);
  });

  it('paints to midnight as 24:00', async () => {
    const { user, cell, schedule } = setup();
    await user.pointer([
      { keys: '[MouseLeft>]', target: cell('Sunday 20:00 to 20:30') },
      { target: cell('Sunday 23:30 to 24:00') },
      { keys: '[/MouseLeft]' },
    ]);
    expect(schedule().data.weekly.at(-1)).toEqual({ day: 'sun', start: '20:00', end: '24:00' });
  });

  it('ends a stroke released outside the grid', () => {
    const { cell, schedule } = setup();
    fireEvent.pointerDown(cell('Sunday 08:00 to 08:30'), { button: 0 });
    fireEvent.pointerOver(cell('Sunday 08:30 to 09:00'));
    fireEvent.pointerUp(document.body);
    expect(schedule().data.weekly.at(-1)).toEqual({ day: 'sun', start: '08:00', end: '09:00' });
  });

  it('moves with the arrow keys and switches a half hour with Space', async () => {
    const { user, cell, schedule, store } = setup();
    const first = cell('Monday 09:00 to 09:30');
    expect(first.tabIndex).toBe(0);
    first.focus();
    // Days are columns, half hours rows.
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    const focused = cell('Sunday 08:00 to 08:30');
    expect(document.activeElement).toBe(focused);
    expect(focused.tabIndex).toBe(0);
    expect(first.tabIndex).toBe(-1);
    await user.keyboard(' ');
    expect(schedule().data.weekly.at(-1)).toEqual({ day: 'sun', start: '08:00', end: '08:30' });
    await user.keyboard(' ');
    expect(schedule().data.weekly.some((r) => r.day === 'sun')).toBe(false);
    expect(store.getState().past).toHaveLength(2);
  });

  it('adds and removes holidays, one step each', async () => {
    const { user, schedule, store } = setup();
    const holidays = within(screen.getByRole('group', { name: 'Holidays' }));
    expect(holidays.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '12/25/2026Natal',
    ]);
    // Typed as the page's language writes a day, not the browser's date input.
    await user.type(holidays.getByRole('textbox', { name: 'Holiday date' }), '11/15/2026');
    await user.type(
      holidays.getByRole('textbox', { name: 'Holiday name (optional)' }),
      'República',
    );
    await user.click(holidays.getByRole('button', { name: 'Add holiday' }));
    expect(schedule().data.holidays).toEqual([
      { date: '2026-11-15', name: 'República' },
      { date: '2026-12-25', name: 'Natal' },
    ]);
    await user.click(holidays.getByRole('button', { name: 'Remove holiday 12/25/2026 Natal' }));
    expect(schedule().data.holidays).toEqual([{ date: '2026-11-15', name: 'República' }]);
    expect(store.getState().past.map((e) => e.name)).toEqual(['updateNode', 'updateNode']);
  });

  it('shows the checks’ note under the holiday it is about', () => {
    const doc = sampleFlow();
    const node = doc.nodes.find((n) => n.id === 'horario') as NodeOfKind<'schedule'>;
    node.data.holidays = [{ date: '2026-12-25', name: 'Natal' }, { date: '2026-12-25' }];
    renderInspector({ doc, selected: ['horario'] });
    const [first, second] = within(screen.getByRole('group', { name: 'Holidays' })).getAllByRole(
      'listitem',
    );
    expect(first!.textContent).toBe('12/25/2026Natal');
    expect(second!.textContent).toMatch(/^12\/25\/2026.*listed twice/);
  });

  it('picks a time zone, refusing unknown ones; empty means the flow’s', async () => {
    const { user, schedule, store } = setup();
    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    expect(zone.getAttribute('placeholder')).toBe('America/Sao_Paulo');
    await user.type(zone, 'America/Atlantis{Enter}');
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/is not a time zone this browser knows/)).toBeDefined();
    expect(store.getState().doc).toEqual(sampleFlow());
    await user.clear(zone);
    await user.type(zone, 'Europe/Lisbon{Enter}');
    expect(schedule().data.timeZone).toBe('Europe/Lisbon');
    await user.clear(zone);
    await user.tab();
    expect('timeZone' in schedule().data).toBe(false);
  });

  it('says when painting would round hours off the half hour', () => {
    const doc = sampleFlow();
    const node = doc.nodes.find((n) => n.id === 'horario') as NodeOfKind<'schedule'>;
    node.data.weekly = [{ day: 'mon', start: '09:15', end: '12:00' }];
    renderInspector({ doc, selected: ['horario'] });
    expect(screen.getByText(/not start or end on the half hour/)).toBeDefined();
  });

  it('warns that a schedule without opening hours is always closed', () => {
    const doc = sampleFlow();
    (doc.nodes.find((n) => n.id === 'horario') as NodeOfKind<'schedule'>).data.weekly = [];
    renderInspector({ doc, selected: ['horario'] });
    const group = within(screen.getByRole('group', { name: 'Opening hours' }));
    expect(group.getByText(/always closed/)).toBeDefined();
  });
});
