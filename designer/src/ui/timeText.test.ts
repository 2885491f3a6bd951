import { describe, expect, it } from 'vitest';
import { isoToTimeText, timeStyle, timeTextToIso } from './timeText.ts';

describe('times as the page writes them', () => {
  const en = timeStyle('en-US');
  const enGB = timeStyle('en-GB');
  const ptBR = timeStyle('pt-BR');
  const es = timeStyle('es');
  const esMX = timeStyle('es-MX');

  it('writes a time on the language’s clock: English as Intl does, Portuguese and Spanish 24-hour', () => {
    expect(isoToTimeText('14:05', en)).toBe('2:05 PM');
    expect(isoToTimeText('00:30', en)).toBe('12:30 AM');
    expect(isoToTimeText('14:05', enGB)).toBe('14:05');
    expect(isoToTimeText('09:05', ptBR)).toBe('09:05');
    expect(isoToTimeText('14:05', es)).toBe('14:05');
    // Intl writes Mexican Spanish on a 12-hour clock; the page does not.
    expect(isoToTimeText('14:05', esMX)).toBe('14:05');
    expect(isoToTimeText('', ptBR)).toBe('');
    expect(isoToTimeText('24:00', ptBR)).toBe('');
  });

  it('reads what people type, with or without AM and PM, and ISO in any language', () => {
    expect(timeTextToIso('2:05 PM', en)).toBe('14:05');
    expect(timeTextToIso('2:05pm', en)).toBe('14:05');
    expect(timeTextToIso('2 p.m.', en)).toBe('14:00');
    expect(timeTextToIso('12:15 AM', en)).toBe('00:15');
    expect(timeTextToIso('12 pm', en)).toBe('12:00');
    // What an e2e page object fills: ISO, a 24-hour clock, in every language.
    expect(timeTextToIso('09:00', en)).toBe('09:00');
    expect(timeTextToIso('21:30', en)).toBe('21:30');
    expect(timeTextToIso('09:00', ptBR)).toBe('09:00');
    expect(timeTextToIso('9h30', ptBR)).toBe('09:30');
    expect(timeTextToIso('1405', es)).toBe('14:05');
    expect(timeTextToIso('2:05 p. m.', es)).toBe('14:05');
    expect(timeTextToIso(isoToTimeText('23:59', en), en)).toBe('23:59');
    expect(timeTextToIso('  ', ptBR)).toBe('');
  });

  it('refuses what is not a time of day', () => {
    expect(timeTextToIso('24:00', ptBR)).toBeNull();
    expect(timeTextToIso('10:60', ptBR)).toBeNull();
    expect(timeTextToIso('13:00 PM', en)).toBeNull();
    expect(timeTextToIso('0:30 am', en)).toBeNull();
    expect(timeTextToIso('10:00 xm', en)).toBeNull();
    expect(timeTextToIso('noon', en)).toBeNull();
    expect(timeTextToIso('9:', en)).toBeNull();
  });
});
