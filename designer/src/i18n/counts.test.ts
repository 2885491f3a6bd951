import { describe, expect, it } from 'vitest';
import { countWords } from './counts.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { i18n, type Translate } from './index.ts';
import { ptBR } from './pt-BR.ts';

/** Every key that has plural forms, without its suffix: `versionDiff.count.added`. */
function pluralKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value !== 'string') return pluralKeys(value as object, path);
    return key.endsWith('_one') ? [path.slice(0, -'_one'.length)] : [];
  });
}

const say = (t: Translate) => t as unknown as (key: string, options: object) => string;

describe('plurals', () => {
  it.each([
    ['en', en],
    ['pt-BR', ptBR],
    ['es', es],
  ])('in %s, zero takes the plural form in every counted text', (lng, res) => {
    const t = say(i18n.getFixedT(lng));
    const keys = pluralKeys(res);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      const values = { count: 0, records: 'x', rules: 'R1', limit: 5, days: 7 };
      const zero = t(key, values);
      const many = t(key, { ...values, count: 2 });
      expect(zero, key).toBe(many.replace('2', '0'));
    }
  });

  it('says “0 adicionados”, not “0 adicionado”, in Portuguese', () => {
    const t = i18n.getFixedT('pt-BR');
    expect(t('versionDiff.count.added', { count: 0 })).toBe('0 adicionados');
    expect(t('versionDiff.count.added', { count: 1 })).toBe('1 adicionado');
    expect(t('common.errors', { count: 0 })).toBe('0 erros');
  });
});

describe('countWords', () => {
  it('counts each thing in its own plural form, in the UI language', () => {
    const t = i18n.getFixedT('pt-BR');
    const counts = { flows: 1, teams: 0, schedules: 2, lines: 1, customers: 3 };
    expect(t('workspace.file.imported', countWords(t, counts))).toBe(
      'Espaço de trabalho importado: 1 fluxo, 0 equipes, 2 horários, 1 linha, 3 clientes.',
    );
    const english = i18n.getFixedT('en');
    expect(countWords(english, { permissions: 1, attempts: 2 })).toEqual({
      permissions: '1 call permission',
      attempts: '2 call attempts',
    });
  });
});
