import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';
import { z } from 'zod';
import { isValidTimeZone } from '../schedules/time.ts';

/** Ids of workspace records: made by the caller (the designer uses `crypto.randomUUID()`). */
export const entityIdSchema = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(100, 'an id has at most 100 characters');

/** An instant as ms since the Unix epoch. */
export const instantSchema = z.int('expected a time as whole milliseconds since 1970').min(0);

/** The most digits E.164 allows after the `+`, country code included. */
const E164_MAX_DIGITS = 15;

/**
 * Why `value` is not a phone number written in E.164, or `null` when it is
 * one. libphonenumber-js knows each country's calling code and the lengths
 * its numbers have; its compact metadata (`/min`) is enough for that, and
 * keeps the designer's first screen, which reads workspace files, light.
 * The number's range is not checked: numbering plans change faster than
 * stored data, and a number outside every known range can still be real
 * (R19's check of SIP numbers, `checkLineNumber`, looks closer).
 */
function e164Problem(value: string): string | null {
  if (!/^\+\d+$/.test(value)) {
    return 'expected a phone number in international format: + then the country code and the number, digits only, e.g. +551130000000';
  }
  const digits = value.length - 1;
  if (digits > E164_MAX_DIGITS) {
    return `${value.slice(0, 8)}… has ${digits} digits: a phone number has at most ${E164_MAX_DIGITS}`;
  }
  switch (validatePhoneNumberLength(value)) {
    case undefined:
      break;
    case 'TOO_SHORT':
      return `${value} is too short for a phone number of its country`;
    case 'TOO_LONG':
      return `${value} is too long for a phone number of its country`;
    case 'INVALID_LENGTH':
      return `${value} does not have the length of a phone number of its country`;
    default:
      return `${value} does not start with a country calling code`;
  }
  const parsed = parsePhoneNumberFromString(value);
  if (parsed === undefined) return `${value} does not start with a country calling code`;
  if (parsed.number !== value) return `${value} is not in E.164: write it as ${parsed.number}`;
  return null;
}

/**
 * A phone number in E.164, as every number is stored and exchanged: `+`, the
 * country calling code, then the national number, digits only (at most 15),
 * of a length its country's numbers have, e.g. `+551130000000`. The one
 * schema for phone numbers, wherever they come from.
 */
export const e164Schema = z.string().superRefine((value, ctx) => {
  const problem = e164Problem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

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
