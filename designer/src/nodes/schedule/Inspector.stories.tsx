import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { InspectorHarness } from '../InspectorHarness.tsx';

/** The schedule's form: the painted week grid, holidays and the time zone. */
const meta = {
  title: 'Inspector/Schedule',
  component: InspectorHarness,
  args: { selected: ['horario'] },
} satisfies Meta<typeof InspectorHarness>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Schedule: Story = {};

/** A drag paints the rectangle between its ends open: Saturday and Sunday, 10:00 to 16:00. */
export const PaintWeekend: Story = {
  play: async ({ canvas, userEvent }) => {
    const cell = (name: string) => canvas.getByRole('gridcell', { name });
    await userEvent.pointer([
      { keys: '[MouseLeft>]', target: cell('Saturday 14:00 to 14:30') },
      { target: cell('Sunday 15:30 to 16:00') },
      { keys: '[/MouseLeft]' },
    ]);
    const summary = canvas.getByRole('list', { name: 'Opening hours by day' });
    await expect(summary).toHaveTextContent('Sat 09:00–13:00, 14:00–16:00');
    await expect(summary).toHaveTextContent('Sun 14:00–16:00');
    await expect(cell('Sunday 15:30 to 16:00')).toHaveAttribute('aria-selected', 'true');
  },
};

/** Arrow keys move over the grid (up and down: half hours, left and right: days); Space opens or closes a half hour. */
export const Keyboard: Story = {
  play: async ({ canvas, userEvent }) => {
    canvas.getByRole('gridcell', { name: 'Monday 09:00 to 09:30' }).focus();
    await userEvent.keyboard('{ArrowUp}{ArrowUp} ');
    await expect(canvas.getByRole('gridcell', { name: 'Monday 08:00 to 08:30' })).toHaveFocus();
    await expect(canvas.getByRole('gridcell', { name: 'Monday 08:00 to 08:30' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await expect(canvas.getByRole('list', { name: 'Opening hours by day' })).toHaveTextContent(
      'Mon 08:00–08:30, 09:00–18:00',
    );
  },
};
