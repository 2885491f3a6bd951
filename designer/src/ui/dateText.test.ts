import { describe, expect, it } from 'vitest';
import { dateOrder, isoToText, textToIso } from './dateText.ts';

describe('dates as the page writes them', () => {
  const ptBR = dateOrder('pt-BR');
  const en = dateOrder('en-US');

  it('writes a day in the language’s order', () => {
    expect(ptBR).toEqual({ parts: ['day', 'month', 'year'], separator: '/' });
    expect(en).toEqual({ parts: ['month', 'day', 'year'], separator: '/' });
    expect(isoToText('2026-12-07', ptBR)).toBe('07/12/2026');
    expect(isoToText('2026-12-07', en)).toBe('12/07/2026');
    expect(isoToText('', ptBR)).toBe('');
  });

  it('reads what people type in that order, however they separate it', () => {
    expect(textToIso('07/12/2026', ptBR)).toBe('2026-12-07');
    expect(textToIso('7.12.2026', ptBR)).toBe('2026-12-07');
    expect(textToIso('07122026', ptBR)).toBe('2026-12-07');
    expect(textToIso('12/07/2026', en)).toBe('2026-12-07');
    // ISO, year first, in any language.
    expect(textToIso('2026-12-07', ptBR)).toBe('2026-12-07');
    expect(textToIso('2026-12-07', en)).toBe('2026-12-07');
    expect(textToIso('2026-02-31', en)).toBeNull();
    expect(textToIso('  ', ptBR)).toBe('');
  });

  it('refuses what is not a day of the calendar', () => {
    expect(textToIso('31/02/2026', ptBR)).toBeNull();
    expect(textToIso('13/13/2026', ptBR)).toBeNull();
    expect(textToIso('07/12/26', ptBR)).toBeNull();
    expect(textToIso('amanhã', ptBR)).toBeNull();
  });
});
