import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { WeeklyRange } from '@callbot/shared';
import { WeekGridEditor } from './WeekGridEditor.tsx';

function renderGrid(weekly: WeeklyRange[] = []) {
  const onChange = vi.fn<(weekly: WeeklyRange[]) => void>();
  render(<WeekGridEditor weekly={weekly} onChange={onChange} />);
  // With nothing open, the focus starts on Monday 09:00.
  const start = screen.getByRole('gridcell', { name: 'Monday 09:00 to 09:30' });
  start.focus();
  return { onChange, user: userEvent.setup() };
}

/** Whether a half hour shows as open (the grid marks open cells as selected). */
const isOpen = (name: string) =>
  screen.getByRole('gridcell', { name }).getAttribute('aria-selected') === 'true';

describe('WeekGridEditor from the keyboard', () => {
  it('Space opens the focused half hour, as one change', async () => {
    const { onChange, user } = renderGrid();
    await user.keyboard(' ');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith([{ day: 'mon', start: '09:00', end: '09:30' }]);
  });

  it('Shift with the arrow keys (down: later, right: the next day) paints a range, as one change when Shift is released', async () => {
    const { onChange, user } = renderGrid();
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{ArrowDown}{ArrowRight}');
    expect(onChange).not.toHaveBeenCalled();
    // The range shows while it is painted.
    expect(isOpen('Tuesday 10:30 to 11:00')).toBe(true);
    await user.keyboard('{/Shift}');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith([
      { day: 'mon', start: '09:00', end: '11:00' },
      { day: 'tue', start: '09:00', end: '11:00' },
    ]);
  });

  it('Shift painting from an open half hour closes the range', async () => {
    const { onChange, user } = renderGrid([{ day: 'mon', start: '09:00', end: '18:00' }]);
    await user.keyboard('{Shift>}{End}{/Shift}');
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('Escape drops the range being painted', async () => {
    const { onChange, user } = renderGrid();
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{Escape}{/Shift}');
    expect(onChange).not.toHaveBeenCalled();
    expect(isOpen('Monday 09:30 to 10:00')).toBe(false);
  });
});
