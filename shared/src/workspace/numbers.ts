import {
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

/** Number types that are refused on a SIP line: a person's phone, not a PBX (R19). */
const PERSONAL_TYPES: ReadonlySet<NumberType> = new Set<NumberType>(['MOBILE', 'PERSONAL_NUMBER']);

export type PhoneNumberCheck =
  | {
      ok: true;
      /** The number in E.164. */
      number: string;
      /** What libphonenumber says the number is (`FIXED_LINE`, `VOIP`, `TOLL_FREE`…), when it knows. */
      type?: NumberType;
    }
  | Refusal<'number.invalid' | 'R19.personalMobile'>;

/**
 * R19: the number of a SIP line, as typed in its form (international, or
 * national with `country`). Mobile and personal numbers are refused with an
 * explanation: SIP is for a PBX or call centre. Fixed lines, VoIP, toll-free
 * and numbers that may be either fixed or mobile (as in the US and Canada,
 * where the number does not tell) are accepted.
 */
export function isPersonalMobile(number: string, country?: string): PhoneNumberCheck {
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
  const type = parsed.getType();
  if (type !== undefined && PERSONAL_TYPES.has(type)) {
    return refuse(
      'R19.personalMobile',
      `${parsed.number} is a mobile number. Personal mobile lines are not supported: a SIP line connects a PBX or call centre, on a fixed, VoIP or toll-free number.`,
      { number: parsed.number, type },
    );
  }
  return type === undefined
    ? { ok: true, number: parsed.number }
    : { ok: true, number: parsed.number, type };
}
