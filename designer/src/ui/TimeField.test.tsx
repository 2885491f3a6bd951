import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { TimeField } from './TimeField.tsx';

afterEach(async () => {
  await i18n.changeLanguage('en');
});

describe('TimeField', () => {
  it('shows the time as an English page writes it, takes a typed one on leaving, and refuses what is not a time', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<TimeField label="Time" value="14:05" onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Time' });
    expect((field as HTMLInputElement).value).toBe('2:05 PM');
    expect(field.getAttribute('placeholder')).toBe('h:mm AM');

    await user.clear(field);
    await user.type(field, '9:30 am');
    expect(onChange).not.toHaveBeenCalled();
    await user.tab();
    expect(onChange).toHaveBeenCalledWith('09:30');

    await user.clear(field);
    await user.type(field, '25:00{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Not a time: type it like 2:30 PM.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('takes ISO’s HH:MM, as the e2e page objects fill it', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<TimeField label="Time" value="" onChange={onChange} />);
    await user.type(screen.getByRole('textbox', { name: 'Time' }), '21:15{Enter}');
    expect(onChange).toHaveBeenCalledWith('21:15');
  });

  it('writes a 24-hour clock in a Portuguese page, whatever the browser’s language', async () => {
    await i18n.changeLanguage('pt-BR');
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<TimeField label="Horário" value="14:05" onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'Horário' });
    expect((field as HTMLInputElement).value).toBe('14:05');
    expect(field.getAttribute('placeholder')).toBe('hh:mm');
    await user.clear(field);
    await user.type(field, '7h45{Enter}');
    expect(onChange).toHaveBeenCalledWith('07:45');
    await user.clear(field);
    await user.type(field, 'meio-dia{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Não é um horário: digite como 14:30.');
  });
});
