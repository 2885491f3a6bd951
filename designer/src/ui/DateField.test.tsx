import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { DateField } from './DateField.tsx';

describe('DateField', () => {
  it('shows the day as the page writes it, takes a typed one on leaving, and refuses a day that is not', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<DateField label="From" value="2026-12-07" onChange={onChange} />);
    const field = screen.getByRole('textbox', { name: 'From' });
    expect((field as HTMLInputElement).value).toBe('12/07/2026');
    expect(field.getAttribute('placeholder')).toBe('mm/dd/yyyy');

    await user.clear(field);
    await user.type(field, '01/31/2026');
    expect(onChange).not.toHaveBeenCalled();
    await user.tab();
    expect(onChange).toHaveBeenCalledWith('2026-01-31');

    await user.clear(field);
    await user.type(field, '02/31/2026{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Not a day: type it like 12/07/2026.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('takes a day picked on the browser’s calendar', () => {
    const onChange = vi.fn();
    const { container } = render(<DateField label="To" value="" onChange={onChange} />);
    expect(screen.getByRole('button', { name: 'To: pick on a calendar' })).toBeTruthy();
    fireEvent.change(container.querySelector('input[type="date"]')!, {
      target: { value: '2026-12-24' },
    });
    expect(onChange).toHaveBeenCalledWith('2026-12-24');
  });
});
