import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { formattingLocale } from '../i18n/index.ts';

/**
 * Phone numbers as people read and type them, stored as E.164. The same
 * library (and metadata) `@callbot/shared` checks numbers with, so what the
 * designer accepts is what the shared rules accept.
 */

const countries: ReadonlySet<string> = new Set(getCountries());

/** A two-letter region the library knows, e.g. `BR`, or undefined. */
export function asCountry(code: string | undefined): CountryCode | undefined {
  const upper = code?.toUpperCase();
  return upper !== undefined && countries.has(upper) ? (upper as CountryCode) : undefined;
}

/** The region of a language tag (`pt-BR` → `BR`, `es-419` or `es` → undefined). */
export const countryOfLocale = (tag: string): CountryCode | undefined =>
  asCountry(tag.split('-').find((part, i) => i > 0 && /^[A-Za-z]{2}$/.test(part)));

/** The country a national number is read in: the one given (the workspace's), else the UI locale's region. */
export const phoneCountry = (given?: string): string | undefined =>
  given ?? countryOfLocale(formattingLocale());

/**
 * A stored number (E.164) as its country writes it, with the country code:
 * `+551130000000` → `+55 11 3000 0000`. Anything that is not a number it
 * knows is shown as it is, never hidden.
 *
 * @example formatPhone('+12125550100') // '+1 212 555 0100'
 */
export function formatPhone(number: string): string {
  const parsed = parsePhoneNumberFromString(number);
  return parsed?.isValid() ? parsed.formatInternational() : number;
}

export type PhoneInput =
  { ok: true; e164: string; country?: CountryCode } | { ok: false; problem: 'empty' | 'invalid' };

/**
 * A number as typed, in any common form, as E.164: `+55 (11) 3000-0000`,
 * `0055 11 3000 0000`, or national (`(11) 3000-0000`) when `defaultCountry`
 * says whose; spaces, dots, dashes and brackets are ignored.
 *
 * @example parsePhoneInput('(11) 3000-0000', 'BR') // { ok: true, e164: '+551130000000', country: 'BR' }
 */
export function parsePhoneInput(text: string, defaultCountry?: string): PhoneInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  // "00" is the international prefix of most countries: read it as "+".
  const international = trimmed.replace(/^00(?=[1-9])/, '+');
  const parsed = parsePhoneNumberFromString(international, asCountry(defaultCountry));
  if (!parsed?.isValid()) return { ok: false, problem: 'invalid' };
  return { ok: true, e164: parsed.number, ...(parsed.country && { country: parsed.country }) };
}
