import type { Holiday } from '@callbot/shared';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { HolidaysEditor } from './HolidaysEditor.tsx';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

/** The editor on its own, keeping the list it is given back; `changes` sees each new list. */
function setup(initial: Holiday[] = []) {
  const changes = vi.fn<(holidays: Holiday[]) => void>();
  function Harness() {
    const [holidays, setHolidays] = useState(initial);
    return (
      <HolidaysEditor
        holidays={holidays}
        onChange={(next) => {
          changes(next);
          setHolidays(next);
        }}
      />
    );
  }
  const user = userEvent.setup();
  render(<Harness />);
  // The one group, named "Holidays" in the page's language.
  const group = within(screen.getByRole('group'));
  const listed = () => group.queryAllByRole('listitem').map((item) => item.textContent);
  return { user, changes, group, listed };
}

describe('HolidaysEditor', () => {
  it('adds a holiday by typed date and name, listing the days in order as the page writes them', async () => {
    const { user, changes, group, listed } = setup([{ date: '2026-12-25', name: 'Natal' }]);
    expect(screen.getByRole('group', { name: 'Holidays' })).toBeTruthy();
    expect(listed()).toEqual(['12/25/2026Natal']);

    const date = group.getByRole('textbox', { name: 'Holiday date' });
    await user.type(date, '11/15/2026');
    await user.type(group.getByRole('textbox', { name: 'Holiday name (optional)' }), ' República ');
    await user.click(group.getByRole('button', { name: 'Add holiday' }));

    expect(changes).toHaveBeenLastCalledWith([
      { date: '2026-11-15', name: 'República' },
      { date: '2026-12-25', name: 'Natal' },
    ]);
    expect(listed()).toEqual(['11/15/2026República', '12/25/2026Natal']);
    // Ready for the next one.
    expect(date).toHaveProperty('value', '');
    expect(group.getByRole('textbox', { name: 'Holiday name (optional)' })).toHaveProperty(
      'value',
      '',
    );

    // A holiday without a name; Enter in the name field adds it too.
    await user.type(date, '2027-01-01');
    await user.type(group.getByRole('textbox', { name: 'Holiday name (optional)' }), '{Enter}');
    expect(changes.mock.lastCall?.[0].at(-1)).toEqual({ date: '2027-01-01' });
    expect(listed()).toHaveLength(3);
  });

  it('writes the days as a Portuguese page does, and names each remove button after its holiday', async () => {
    await i18n.changeLanguage('pt-BR');
    const { user, changes, group, listed } = setup([
      { date: '2026-11-15' },
      { date: '2026-12-25', name: 'Natal' },
    ]);
    const feriados = within(screen.getByRole('group', { name: 'Feriados' }));
    expect(listed()).toEqual(['15/11/2026', '25/12/2026Natal']);
    expect(feriados.getByText('25/12/2026').getAttribute('datetime')).toBe('2026-12-25');

    await user.click(feriados.getByRole('button', { name: 'Remover feriado 25/12/2026 Natal' }));
    expect(changes).toHaveBeenLastCalledWith([{ date: '2026-11-15' }]);
    await user.click(group.getByRole('button', { name: 'Remover feriado 15/11/2026' }));
    expect(changes).toHaveBeenLastCalledWith([]);
    expect(feriados.getByText('Nenhum feriado.')).toBeTruthy();
  });

  it('refuses a day that is not one, saying how to write it, and never adds the day typed before', async () => {
    const { user, changes, group } = setup();
    const date = group.getByRole('textbox', { name: 'Holiday date' });
    const add = group.getByRole('button', { name: 'Add holiday' });

    // A good day, taken on leaving the field, then written over with one that is not.
    await user.type(date, '12/25/2026');
    await user.tab();
    await user.clear(date);
    await user.type(date, '02/31/2026');
    await user.click(add);

    expect(group.getByRole('alert').textContent).toBe('Not a day: type it like 12/07/2026.');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(changes).not.toHaveBeenCalled();
    expect(group.queryByRole('listitem')).toBeNull();

    // Corrected, it is added.
    await user.clear(date);
    await user.type(date, '02/28/2026');
    await user.click(add);
    expect(changes).toHaveBeenLastCalledWith([{ date: '2026-02-28' }]);
    expect(group.queryByRole('alert')).toBeNull();
  });

  it('asks for the day when none is given, and refuses a day that is already a holiday', async () => {
    const { user, changes, group } = setup([{ date: '2026-12-25', name: 'Natal' }]);
    const date = group.getByRole('textbox', { name: 'Holiday date' });
    const add = group.getByRole('button', { name: 'Add holiday' });

    await user.click(add);
    expect(group.getByRole('alert').textContent).toBe('Type or pick the holiday’s date first.');

    await user.type(date, '12/25/2026{Enter}');
    const duplicate = group.getByRole('alert');
    expect(duplicate.textContent).toBe('This date is already a holiday.');
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(date.getAttribute('aria-describedby')).toBe(duplicate.id);
    await user.click(add);
    expect(changes).not.toHaveBeenCalled();
  });
});
