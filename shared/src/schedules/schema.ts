import { z } from 'zod';
import { fieldMessages } from '../workspace/fieldMessages.ts';

/** Days of the week, Monday first (ISO 8601 order). */
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const weekdaySchema = z.enum(weekdays);
export type Weekday = z.infer<typeof weekdaySchema>;

/** A wall-clock time `HH:MM` in the schedule's time zone; `24:00` closes a range at midnight. */
export const clockTimeSchema = z
  .string()
  .regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, fieldMessages.clockTime);

/** One opening range on one weekday, `start` included, `end` excluded. */
export const weeklyRangeSchema = z.strictObject({
  day: weekdaySchema,
  start: clockTimeSchema,
  end: clockTimeSchema,
});
export type WeeklyRange = z.infer<typeof weeklyRangeSchema>;

/** A calendar date `YYYY-MM-DD` in the schedule's time zone when the place is closed all day. */
export const holidaySchema = z.strictObject({
  date: z.iso.date({ message: fieldMessages.holidayDate }),
  name: z.string().max(120).optional(),
});
export type Holiday = z.infer<typeof holidaySchema>;

/** Opening hours: weekly ranges and holidays, read in an IANA time zone. */
export const scheduleSchema = z.strictObject({
  /** IANA time zone; when absent, the flow's time zone applies. */
  timeZone: z.string().max(64).optional(),
  weekly: z.array(weeklyRangeSchema).max(7 * 48),
  holidays: z.array(holidaySchema).max(1000),
});
export type Schedule = z.infer<typeof scheduleSchema>;

/** What a schedule says about one instant. Holiday wins over opening ranges. */
export type ScheduleStatus = 'open' | 'closed' | 'holiday';
