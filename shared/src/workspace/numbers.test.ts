import { describe, expect, it } from 'vitest';
import { checkLineNumber, checkWhatsAppNumber } from './numbers.ts';

const isPersonalMobile = (number: string, country?: string) =>
  checkLineNumber(number, country === undefined ? {} : { country });

describe('checkWhatsAppNumber', () => {
  const number = '+5511912345678';

  it('R1: a WhatsApp Business number with calling is accepted', () => {
    expect(checkWhatsAppNumber({ number, business: true, calling: true })).toEqual({ ok: true });
  });

  it('R1: a personal WhatsApp account is refused', () => {
    expect(checkWhatsAppNumber({ number, business: false, calling: true })).toMatchObject({
      ok: false,
      code: 'R1.notBusiness',
      params: { number },
    });
  });

  it('R1: a Business number without the calling feature is refused, saying to turn calling on', () => {
    const result = checkWhatsAppNumber({ number, business: true, calling: false });
    expect(result).toMatchObject({ ok: false, code: 'R1.callingOff' });
    expect(result.ok === false && result.message).toContain('turn calling on');
  });
});

describe('checkLineNumber', () => {
  it('R19: a personal mobile number is refused for a SIP line, with an explanation', () => {
    for (const mobile of ['+5511912345678', '+34600000000', '+4915112345678']) {
      const result = isPersonalMobile(mobile);
      expect(result).toMatchObject({
        ok: false,
        code: 'R19.personalMobile',
        params: { type: 'MOBILE' },
      });
      expect(result.ok === false && result.message).toContain('PBX');
    }
  });

  it('R19: a mobile number typed nationally is recognised with its country', () => {
    expect(isPersonalMobile('(11) 91234-5678', 'BR')).toMatchObject({
      ok: false,
      code: 'R19.personalMobile',
      params: { number: '+5511912345678' },
    });
  });

  it('R19: fixed-line and toll-free numbers are accepted, in E.164', () => {
    expect(isPersonalMobile('+55 11 3000-0000')).toEqual({
      ok: true,
      number: '+551130000000',
      type: 'FIXED_LINE',
    });
    expect(isPersonalMobile('0800 123 4567', 'BR')).toEqual({
      ok: true,
      number: '+558001234567',
      type: 'TOLL_FREE',
    });
  });

  it('R19: a US, Mexican or Chilean number that may be a mobile (FIXED_LINE_OR_MOBILE) is neither refused nor let through: the business declares it', () => {
    for (const uncertain of ['+1 212 555 0100', '+52 55 5555 1234', '+56 2 2123 4567']) {
      expect(checkLineNumber(uncertain)).toMatchObject({
        ok: false,
        code: 'R19.declarationNeeded',
        params: { type: 'FIXED_LINE_OR_MOBILE' },
      });
      expect(checkLineNumber(uncertain, { declared: 'business' })).toMatchObject({
        ok: true,
        type: 'FIXED_LINE_OR_MOBILE',
        declared: true,
      });
      expect(checkLineNumber(uncertain, { declared: 'personal' })).toMatchObject({
        ok: false,
        code: 'R19.personalMobile',
      });
    }
  });

  it('R6: a Brazilian mobile that is a verified WhatsApp Business number can be the voice line once declared', () => {
    const mobile = '+55 11 91234-5678';
    // Without the WhatsApp Business verification, a certain mobile is refused even if declared.
    expect(checkLineNumber(mobile, { declared: 'business' })).toMatchObject({
      ok: false,
      code: 'R19.personalMobile',
    });
    expect(checkLineNumber(mobile, { whatsappBusiness: true })).toMatchObject({
      ok: false,
      code: 'R19.declarationNeeded',
    });
    expect(checkLineNumber(mobile, { whatsappBusiness: true, declared: 'business' })).toEqual({
      ok: true,
      number: '+5511912345678',
      type: 'MOBILE',
      declared: true,
    });
  });

  it('R12: international numbers are read in their own country, whatever the workspace', () => {
    // A Brazilian workspace's SIP line may carry a Mexican or Spanish fixed number.
    expect(
      checkLineNumber('+52 55 5555 1234', { country: 'BR', declared: 'business' }),
    ).toMatchObject({
      ok: true,
      number: '+525555551234',
    });
    expect(isPersonalMobile('+34 912 345 678', 'BR')).toMatchObject({
      ok: true,
      number: '+34912345678',
      type: 'FIXED_LINE',
    });
    expect(isPersonalMobile('+34 612 345 678', 'BR')).toMatchObject({
      ok: false,
      code: 'R19.personalMobile',
    });
  });

  it('refuses what is not a phone number, saying how to type one', () => {
    expect(isPersonalMobile('abc')).toMatchObject({ ok: false, code: 'number.invalid' });
    expect(isPersonalMobile('+99912')).toMatchObject({ ok: false, code: 'number.invalid' });
    expect(isPersonalMobile('123', 'BR')).toMatchObject({
      ok: false,
      code: 'number.invalid',
      params: { country: 'BR' },
    });
  });
});
