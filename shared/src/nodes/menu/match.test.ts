import { describe, expect, it } from 'vitest';
import { DTMF_KEYS, isDtmfKey, normalizeSpeech, speechMatches } from './match.ts';

describe('normalizeSpeech', () => {
  it('lower-cases and removes accents', () => {
    expect(normalizeSpeech('Suporte Técnico')).toBe('suporte tecnico');
    expect(normalizeSpeech('AÇÃO Índio Pão Ônibus Über')).toBe('acao indio pao onibus uber');
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(normalizeSpeech('  Suporte   Técnico!  ')).toBe('suporte tecnico');
    expect(normalizeSpeech('pós-venda, por favor.')).toBe('pos venda por favor');
    expect(normalizeSpeech('¿Ventas?')).toBe('ventas');
  });

  it('keeps digits', () => {
    expect(normalizeSpeech('Opção 2')).toBe('opcao 2');
  });

  it('treats a decomposed accent like a composed one', () => {
    const decomposed = 'te\u0301cnico'; // e + combining acute
    expect(normalizeSpeech(decomposed)).toBe(normalizeSpeech('técnico'));
    expect(normalizeSpeech(decomposed)).toBe('tecnico');
  });

  it('gives an empty string for text with no letters or digits', () => {
    expect(normalizeSpeech('')).toBe('');
    expect(normalizeSpeech(' ?! ... ')).toBe('');
  });
});

describe('speechMatches', () => {
  it('finds a keyword in a sentence, ignoring case and accents', () => {
    expect(speechMatches('Quero falar com o SUPORTE técnico', ['suporte'])).toBe(true);
    expect(speechMatches('quero falar com vendas', ['Vendas'])).toBe(true);
    expect(speechMatches('problema TECNICO', ['técnico'])).toBe(true);
    expect(speechMatches('problema técnico', ['TECNICO'])).toBe(true);
  });

  it('ignores punctuation around the words', () => {
    expect(speechMatches('Vendas!', ['vendas'])).toBe(true);
    expect(speechMatches('é sobre o pós-venda.', ['pós venda'])).toBe(true);
    expect(speechMatches('é sobre o pós venda', ['pós-venda'])).toBe(true);
  });

  it('matches whole words only', () => {
    expect(speechMatches('quero um vendedor', ['vendas'])).toBe(false);
    expect(speechMatches('quero um vendedor', ['vend'])).toBe(false);
    expect(speechMatches('revendas', ['vendas'])).toBe(false);
    expect(speechMatches('suportes', ['suporte'])).toBe(false);
  });

  it('matches a keyword of several words only as the same words in a row', () => {
    expect(speechMatches('preciso de suporte técnico agora', ['suporte tecnico'])).toBe(true);
    expect(speechMatches('suporte não técnico', ['suporte técnico'])).toBe(false);
    expect(speechMatches('técnico suporte', ['suporte técnico'])).toBe(false);
  });

  it('matches a keyword at the very start or end of what was said, or the whole of it', () => {
    expect(speechMatches('vendas por favor', ['vendas'])).toBe(true);
    expect(speechMatches('falar com vendas', ['vendas'])).toBe(true);
    expect(speechMatches('vendas', ['vendas'])).toBe(true);
  });

  it('matches when any one of the keywords is said', () => {
    expect(speechMatches('quero comprar', ['vendas', 'comprar', 'loja'])).toBe(true);
    expect(speechMatches('quero reclamar', ['vendas', 'comprar', 'loja'])).toBe(false);
  });

  it('never matches an empty keyword, nor one made of punctuation', () => {
    expect(speechMatches('qualquer coisa', [''])).toBe(false);
    expect(speechMatches('qualquer coisa', ['   '])).toBe(false);
    expect(speechMatches('qualquer coisa', ['?!'])).toBe(false);
    expect(speechMatches('', [''])).toBe(false);
  });

  it('matches nothing without keywords, and nothing in silence', () => {
    expect(speechMatches('vendas', [])).toBe(false);
    expect(speechMatches('', ['vendas'])).toBe(false);
    expect(speechMatches('   ', ['vendas'])).toBe(false);
  });

  it('matches digits said as digits', () => {
    expect(speechMatches('opção 2', ['2'])).toBe(true);
    expect(speechMatches('opção 12', ['2'])).toBe(false);
  });
});

describe('isDtmfKey', () => {
  it('accepts the twelve keys of a phone keypad', () => {
    for (const key of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']) {
      expect(isDtmfKey(key), key).toBe(true);
    }
    expect(DTMF_KEYS).toHaveLength(12);
  });

  it('refuses anything else', () => {
    for (const key of ['', ' ', 'A', 'a', 'D', '10', '11', '1 ', '+', '**', '٣']) {
      expect(isDtmfKey(key), JSON.stringify(key)).toBe(false);
    }
  });
});
