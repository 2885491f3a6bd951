import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { PhoneField } from './PhoneField.tsx';

function Form({ country, onSubmit }: { country?: string; onSubmit?: () => void }) {
  const [value, setValue] = useState('');
  return (
    <form
      aria-label="Form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit?.();
      }}
    >
      <PhoneField
        label="Number"
        name="number"
        value={value}
        onChange={setValue}
        defaultCountry={country}
      />
      <button type="button">Elsewhere</button>
      <button type="submit">Send</button>
    </form>
  );
}

const stored = () =>
  new FormData(screen.getByRole<HTMLFormElement>('form', { name: 'Form' })).get('number');

describe('PhoneField', () => {
  it('takes a national number, shows it formatted once left, and carries its E.164', async () => {
    const user = userEvent.setup();
    render(<Form country="BR" />);
    const field = screen.getByRole('textbox', { name: 'Number' });
    await user.type(field, '(11) 3000-0000');
    expect(stored()).toBe('+551130000000');
    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect((field as HTMLInputElement).value).toBe('+55 11 3000 0000');
    expect(field.getAttribute('aria-invalid')).toBeNull();
    expect(stored()).toBe('+551130000000');
  });

  it('says plainly when what was typed is not a number, once the field is left', async () => {
    const user = userEvent.setup();
    render(<Form />);
    const field = screen.getByRole('textbox', { name: 'Number' });
    await user.type(field, '3000');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.tab();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe(
      '“3000” is not a phone number: type it with + and the country code, e.g. +55 11 3000 0000.',
    );
    expect(field.getAttribute('aria-describedby')).toBe(screen.getByRole('alert').id);
    await user.clear(field);
    await user.type(field, '+1 212 555 0100');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(stored()).toBe('+12125550100');
  });

  it('holds its form back while it is not a number, and says it once, as the field’s error', async () => {
    const user = userEvent.setup();
    let sent = 0;
    render(<Form onSubmit={() => sent++} />);
    const field = screen.getByRole('textbox', { name: 'Number' });
    await user.type(field, 'abc');
    // Sent without leaving the field first (Enter): the form stays, the field says why.
    await user.keyboard('{Enter}');
    expect(sent).toBe(0);
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((a) => a.textContent)).toEqual([
      '“abc” is not a phone number: type it with + and the country code, e.g. +55 11 3000 0000.',
    ]);
    expect(alerts[0]!.className).toBe('ui-field__error');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(alerts[0]!.id);
    expect(document.activeElement).toBe(field);
    await user.clear(field);
    await user.type(field, '+1 212 555 0100');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sent).toBe(1);
  });
});
