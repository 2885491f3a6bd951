import { describe, expect, it } from 'vitest';
import { asCountry, countryOfLocale, formatPhone, parsePhoneInput } from './phone.ts';

describe('formatPhone', () => {
  it('shows a stored number as its country writes it, with the country code', () => {
    expect(formatPhone('+551130000000')).toBe('+55 11 3000 0000');
    expect(formatPhone('+12125550100')).toBe('+1 212 555 0100');
    expect(formatPhone('+5491123456789')).toBe('+54 9 11 2345 6789');
  });

  it('shows anything else as it is', () => {
    expect(formatPhone('+999')).toBe('+999');
    expect(formatPhone('pbx-central')).toBe('pbx-central');
    expect(formatPhone('')).toBe('');
  });
});

describe('parsePhoneInput', () => {
  it.each([
    ['+551130000000', undefined],
    ['+55 (11) 3000-0000', undefined],
    ['0055 11 3000 0000', undefined],
    ['+55.11.3000.0000', undefined],
    ['(11) 3000-0000', 'BR'],
    ['11 3000 0000', 'BR'],
    ['  +55 11 3000-0000  ', 'US'],
  ])('reads “%s” (default country %s) as +551130000000', (text, country) => {
    expect(parsePhoneInput(text, country)).toEqual({
      ok: true,
      e164: '+551130000000',
      country: 'BR',
    });
  });

  it('needs the country code when no default country says whose a national number is', () => {
    expect(parsePhoneInput('(11) 3000-0000')).toEqual({ ok: false, problem: 'invalid' });
    expect(parsePhoneInput('(212) 555-0100', 'US')).toMatchObject({ e164: '+12125550100' });
  });

  it('refuses what is not a phone number, and says when nothing was typed', () => {
    expect(parsePhoneInput('   ')).toEqual({ ok: false, problem: 'empty' });
    expect(parsePhoneInput('+55 11 30')).toEqual({ ok: false, problem: 'invalid' });
    expect(parsePhoneInput('call me')).toEqual({ ok: false, problem: 'invalid' });
    expect(parsePhoneInput('12345', 'XX')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('round-trips: what formatPhone shows reads back as the stored number', () => {
    for (const e164 of ['+551130000000', '+12125550100', '+525512345678', '+5491123456789']) {
      expect(parsePhoneInput(formatPhone(e164))).toMatchObject({ ok: true, e164 });
    }
  });
});

describe('countries', () => {
  it('takes the region of a language tag, when it names one the library knows', () => {
    expect(countryOfLocale('pt-BR')).toBe('BR');
    expect(countryOfLocale('en-US')).toBe('US');
    expect(countryOfLocale('es')).toBeUndefined();
    expect(countryOfLocale('es-419')).toBeUndefined();
    expect(asCountry('br')).toBe('BR');
    expect(asCountry('constructor')).toBeUndefined();
  });
});
