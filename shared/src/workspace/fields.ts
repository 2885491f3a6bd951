import { parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';
import { z } from 'zod';
import { isValidTimeZone } from '../schedules/time.ts';
import { addFieldIssue, fieldMessages } from './fieldMessages.ts';

/** Ids of workspace records: made by the caller (the designer uses `crypto.randomUUID()`). */
export const entityIdSchema = z
  .string()
  .min(1, fieldMessages.idEmpty)
  .max(100, fieldMessages.idTooLong);

/** An instant as ms since the Unix epoch. */
export const instantSchema = z.int(fieldMessages.instantWhole).min(0);

/** The most digits E.164 allows after the `+`, country code included. */
const E164_MAX_DIGITS = 15;

/**
 * Why `value` is not a phone number written in E.164 (a code of
 * `fieldMessages` and its params), or `null` when it is one. libphonenumber-js
 * knows each country's calling code and the lengths its numbers have; its
 * compact metadata (`/min`) is enough for that, and keeps the designer's
 * first screen, which reads workspace files, light. The number's range is
 * not checked: numbering plans change faster than stored data, and a number
 * outside every known range can still be real (R19's check of SIP numbers,
 * `checkLineNumber`, looks closer).
 */
function e164Problem(value: string, ctx: z.RefinementCtx): void {
  if (!/^\+\d+$/.test(value)) return addFieldIssue(ctx, undefined, 'phoneFormat');
  const digits = value.length - 1;
  if (digits > E164_MAX_DIGITS) {
    return addFieldIssue(ctx, undefined, 'phoneTooManyDigits', {
      start: value.slice(0, 8),
      digits,
      max: E164_MAX_DIGITS,
    });
  }
  const number = { number: value };
  switch (validatePhoneNumberLength(value)) {
    case undefined:
      break;
    case 'TOO_SHORT':
      return addFieldIssue(ctx, undefined, 'phoneTooShort', number);
    case 'TOO_LONG':
      return addFieldIssue(ctx, undefined, 'phoneTooLong', number);
    case 'INVALID_LENGTH':
      return addFieldIssue(ctx, undefined, 'phoneLength', number);
    default:
      return addFieldIssue(ctx, undefined, 'phoneCountryCode', number);
  }
  const parsed = parsePhoneNumberFromString(value);
  if (parsed === undefined) return addFieldIssue(ctx, undefined, 'phoneCountryCode', number);
  if (parsed.number !== value) {
    addFieldIssue(ctx, undefined, 'phoneNotE164', { number: value, e164: parsed.number });
  }
}

/**
 * A phone number in E.164, as every number is stored and exchanged: `+`, the
 * country calling code, then the national number, digits only (at most 15),
 * of a length its country's numbers have, e.g. `+551130000000`. The one
 * schema for phone numbers, wherever they come from.
 */
export const e164Schema = z.string().superRefine(e164Problem);

/** ISO 3166-1 alpha-2, e.g. `BR`. */
export const countrySchema = z.string().regex(/^[A-Z]{2}$/, fieldMessages.countryCode);

/** An IANA time zone this engine knows, e.g. `America/Sao_Paulo`. */
export const timeZoneSchema = z.string().max(64).refine(isValidTimeZone, fieldMessages.timeZone);

/** The records a person names, as `fieldMessages` codes their names' problems. */
export type NamedRecord =
  'team' | 'bot' | 'schedule' | 'whatsappLine' | 'sipLine' | 'flow' | 'testCase';

/** A name a person types: trimmed, not empty, at most `max` characters. */
export const nameSchema = (record: NamedRecord, max = 80) =>
  z
    .string()
    .trim()
    .superRefine((name, ctx) => {
      if (name.length === 0) addFieldIssue(ctx, undefined, `${record}NameRequired`);
      else if (name.length > max) addFieldIssue(ctx, undefined, `${record}NameTooLong`, { max });
    });
