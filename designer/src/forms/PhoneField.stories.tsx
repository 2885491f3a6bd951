import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import { parsePhoneInput } from './phone.ts';
import { PhoneField } from './PhoneField.tsx';

/** A phone field with what it would store beside it. */
function Field({ initial, country }: { initial: string; country?: string }) {
  const [value, setValue] = useState(initial);
  const typed = parsePhoneInput(value, country);
  return (
    <div style={{ padding: 16, display: 'grid', gap: 8, maxWidth: 360 }}>
      <PhoneField label="Number" value={value} onChange={setValue} defaultCountry={country} />
      <output aria-label="Stored as">{typed.ok ? typed.e164 : '—'}</output>
    </div>
  );
}

const meta = {
  title: 'Forms/PhoneField',
  component: Field,
  args: { initial: '', country: 'BR' },
} satisfies Meta<typeof Field>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A Brazilian number typed the national way: shown formatted once left, stored as E.164. */
export const National: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const field = page.getByRole('textbox', { name: 'Number' });
    await userEvent.type(field, '(11) 3000-0000');
    await userEvent.tab();
    await expect(field).toHaveValue('+55 11 3000 0000');
    await expect(page.getByLabelText('Stored as')).toHaveTextContent('+551130000000');
  },
};

/** Something that is not a number: said plainly once the field is left. */
export const NotANumber: Story = {
  args: { country: undefined },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.type(page.getByRole('textbox', { name: 'Number' }), '3000');
    await userEvent.tab();
    await expect(page.getByRole('alert')).toHaveTextContent('is not a phone number');
  },
};
