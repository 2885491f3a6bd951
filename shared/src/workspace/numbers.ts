import {
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
  type NumberType,
} from 'libphonenumber-js/max';
import { refuse, type Refusal } from './result.ts';

/** What the provider says of a WhatsApp number when it is verified. */
export interface WhatsAppVerification {
  /** The number, E.164. */
  number: string;
  /** A WhatsApp Business account (not a personal one). */
  business: boolean;
  /** The account has the calling feature on. */
  calling: boolean;
}

/**
 * R1: only WhatsApp Business numbers with the calling feature on can take
 * WhatsApp calls; a personal account is refused (R19), and so is a
 * Business number whose calling is off, with what to do about it.
 */
export function checkWhatsAppNumber(
  verification: WhatsAppVerification,
): { ok: true } | Refusal<'R1.notBusiness' | 'R1.callingOff'> {
  const { number } = verification;
  if (!verification.business) {
    return refuse(
      'R1.notBusiness',
      `${number} is not a WhatsApp Business number: personal WhatsApp accounts cannot take calls here.`,
      { number },
    );
  }
  if (!verification.calling) {
    return refuse(
      'R1.callingOff',
      `${number} is a WhatsApp Business number without the calling feature: turn calling on for it, then try again.`,
      { number },
    );
  }
  return { ok: true };
}

/** What the business declares a number to be, where its type is not certain (R19). */
export type NumberDeclaration = 'business' | 'personal';

export type PhoneNumberCheck =
  | {
      ok: true;
      /** The number in E.164. */
      number: string;
      /** What libphonenumber says the number is (`FIXED_LINE`, `VOIP`, `TOLL_FREE`…), when it knows. */
      type?: NumberType;
      /** Whether the business's declaration decided it (an uncertain type, or a WhatsApp Business mobile). */
      declared?: true;
    }
  | Refusal<'number.invalid' | 'R19.personalMobile' | 'R19.declarationNeeded'>;

/** Types that are certainly a person's phone: libphonenumber tells mobiles apart in the number's country. */
const PERSONAL_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['MOBILE', 'PERSONAL_NUMBER']);

/**
 * R19: the number of a SIP line, as typed in its form (international, or
 * national with `country`). A SIP line connects a PBX or call centre, so a
 * personal mobile is refused, but only where the number's type is certain:
 *
 * - fixed, VoIP, toll-free and other business types are accepted;
 * - a mobile (`MOBILE`, in a country whose mobiles libphonenumber tells
 *   apart, like Brazil or Spain) is refused, unless it is a verified
 *   WhatsApp Business number of the workspace (`whatsappBusiness`, R6): then
 *   the business declares what it is;
 * - where the type is uncertain (`FIXED_LINE_OR_MOBILE` in the US, Mexico,
 *   Chile…, or unknown), the business declares what it is.
 *
 * Without a declaration where one is needed: `R19.declarationNeeded`. A
 * number declared personal is refused.
 */
export function checkLineNumber(
  number: string,
  {
    country,
    declared,
    whatsappBusiness = false,
  }: { country?: string; declared?: NumberDeclaration; whatsappBusiness?: boolean } = {},
): PhoneNumberCheck {
  const parsed = parsePhoneNumberFromString(number, country as CountryCode | undefined);
  if (parsed === undefined || !parsed.isValid()) {
    return refuse(
      'number.invalid',
      country === undefined
        ? `"${number}" is not a phone number: type it with + and the country code, e.g. +551130000000.`
        : `"${number}" is not a phone number of ${country}.`,
      { number, country: country ?? '' },
    );
  }
  const e164 = parsed.number;
  const type = parsed.getType();
  const personal = refuse(
    'R19.personalMobile',
    `${e164} is a mobile number. Personal mobile lines are not supported: a SIP line connects a PBX or call centre, on a fixed, VoIP or toll-free number.`,
    { number: e164, type: type ?? 'UNKNOWN' },
  );
  const certain = type !== undefined && type !== 'FIXED_LINE_OR_MOBILE';
  if (certain && PERSONAL_TYPES.has(type) && !whatsappBusiness) return personal;
  if (certain && !PERSONAL_TYPES.has(type)) return { ok: true, number: e164, type };
  // Uncertain, or a mobile that is a verified WhatsApp Business number: the business says.
  if (declared === 'personal') return personal;
  if (declared === undefined) {
    return refuse(
      'R19.declarationNeeded',
      whatsappBusiness
        ? `${e164} is a mobile number and a WhatsApp Business number of this workspace: declare that it is the business's line (not a personal mobile) to connect it.`
        : `${e164} may be a fixed line or a mobile: declare that it is the business's line (not a personal mobile) to connect it.`,
      { number: e164, type: type ?? 'UNKNOWN' },
    );
  }
  return type === undefined
    ? { ok: true, number: e164, declared: true }
    : { ok: true, number: e164, type, declared: true };
}

/**
 * The country a number belongs to (ISO 3166, e.g. `BR`), for pricing a call
 * in its own country; `undefined` when the number does not read.
 */
export function countryOfNumber(number: string): string | undefined {
  const parsed = parsePhoneNumberFromString(number);
  return parsed?.isValid() ? parsed.country : undefined;
}

/** The calling code of a country with + (`BR` → `+55`), or `undefined` for a code libphonenumber does not know. */
export function callingCodeOf(country: string): string | undefined {
  try {
    return `+${getCountryCallingCode(country as CountryCode)}`;
  } catch {
    return undefined;
  }
}
