import { z } from 'zod';
import { isValidTimeZone } from '../schedules/time.ts';

/** Ids of workspace records: made by the caller (the designer uses `crypto.randomUUID()`). */
export const entityIdSchema = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(100, 'an id has at most 100 characters');

/** An instant as ms since the Unix epoch. */
export const instantSchema = z.int('expected a time as whole milliseconds since 1970').min(0);

/** A phone number in E.164: `+`, the country code, then the number, 15 digits at most. */
export const e164Schema = z
  .string()
  .regex(
    /^\+[1-9]\d{1,14}$/,
    'expected a phone number in international format: + then up to 15 digits, e.g. +5511912345678',
  );

/** ISO 3166-1 alpha-2, e.g. `BR`. */
export const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'expected a two-letter country code such as BR');

/** An IANA time zone this engine knows, e.g. `America/Sao_Paulo`. */
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine(isValidTimeZone, 'expected a time zone such as America/Sao_Paulo');

/** A name a person types: trimmed, not empty, at most `max` characters. */
export const nameSchema = (what: string, max = 80) =>
  z
    .string()
    .trim()
    .min(1, `${what} needs a name`)
    .max(max, `${what} name has at most ${max} characters`);
