import { describe, expect, it } from 'vitest';
import type { WeeklyRange } from '@callbot/shared';
import { formatSpeechTime, summarizeWeek } from './format.ts';

const range = (day: WeeklyRange['day'], start: string, end: string): WeeklyRange => ({
  day,
  start,
  end,
});

describe('summarizeWeek', () => {
  it('merges consecutive days with the same hours', () => {
    const weekdays = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) =>
      range(d, '09:00', '18:00'),
    );
    expect(summarizeWeek([...weekdays, range('sat', '09:00', '13:00')])).toBe(
      'Mon–Fri 09:00–18:00, Sat 09:00–13:00',
    );
  });

  it('lists a day with several ranges in order, and leaves closed days out', () => {
    expect(
      summarizeWeek([
        range('wed', '14:00', '18:00'),
        range('mon', '09:00', '12:00'),
        range('wed', '09:00', '12:00'),
      ]),
    ).toBe('Mon 09:00–12:00, Wed 09:00–12:00 & 14:00–18:00');
  });

  it('says "Every day" for the whole week, and nothing for a schedule that never opens', () => {
    const all = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) =>
      range(d, '00:00', '24:00'),
    );
    expect(summarizeWeek(all)).toBe('Every day 00:00–24:00');
    expect(summarizeWeek([])).toBe('');
  });
});

describe('formatSpeechTime', () => {
  it('reads like a person would say it', () => {
    expect(formatSpeechTime(0)).toBe('0 s');
    expect(formatSpeechTime(400)).toBe('< 1 s');
    expect(formatSpeechTime(2800)).toBe('3 s');
    expect(formatSpeechTime(60_000)).toBe('1 min');
    expect(formatSpeechTime(72_400)).toBe('1 min 12 s');
  });
});
