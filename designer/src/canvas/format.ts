import { weekdays, type WeeklyRange } from '@callbot/shared';
import { i18n, type Translate } from '../i18n/index.ts';

/** A speaking time for a person: `< 1 s`, `4 s`, `1 min 12 s`. */
export function formatSpeechTime(ms: number): string {
  if (ms <= 0) return '0 s';
  if (ms < 1000) return '< 1 s';
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)} min${rest === 0 ? '' : ` ${rest} s`}`;
}

/** Days in a row with the same opening hours: `{ days: 'Mon–Fri', ranges: ['09:00–18:00'] }`. */
export interface WeekRun {
  days: string;
  ranges: string[];
}

/**
 * Weekly opening hours in one line, consecutive days with the same hours
 * merged: `Mon–Fri 09:00–18:00, Sat 09:00–13:00`. A day with several ranges
 * reads `09:00–12:00 & 14:00–18:00`. Closed days are left out; an empty
 * string means the schedule never opens.
 */
export function summarizeWeek(weekly: readonly WeeklyRange[], t: Translate = i18n.t): string {
  return weekRuns(weekly, t)
    .map((run) => `${run.days} ${run.ranges.join(' & ')}`)
    .join(', ');
}

/** The runs of days `summarizeWeek` is made of, in week order; days are named in the UI language. */
export function weekRuns(weekly: readonly WeeklyRange[], t: Translate = i18n.t): WeekRun[] {
  const dayShort = (day: number) => t(`days.short.${weekdays[day]!}`);
  const rangesByDay = weekdays.map((day) =>
    weekly
      .filter((range) => range.day === day)
      .sort((a, b) => a.start.localeCompare(b.start))
      .map((range) => `${range.start}–${range.end}`),
  );
  const runs: { from: number; to: number; ranges: string[] }[] = [];
  rangesByDay.forEach((ranges, day) => {
    if (ranges.length === 0) return;
    const last = runs.at(-1);
    if (last && last.to === day - 1 && last.ranges.join() === ranges.join()) last.to = day;
    else runs.push({ from: day, to: day, ranges });
  });
  return runs.map(({ from, to, ranges }) => ({
    days:
      from === 0 && to === 6
        ? t('days.everyDay')
        : from === to
          ? dayShort(from)
          : `${dayShort(from)}–${dayShort(to)}`,
    ranges,
  }));
}
