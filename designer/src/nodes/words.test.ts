import { examples } from '@callbot/runtime';
import { createNode, nodeKindNames, validateFlow } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { defineWords, i18n, languages } from '../i18n/index.ts';
import { diagnosticText } from '../i18n/diagnostics/index.ts';
import { words as fallbackBotWords } from './fallbackBot/words.ts';
import { nodeUIs } from './index.ts';
import { kindWords } from './words.ts';

describe("the node kinds' words", () => {
  it('are in every language, under kinds.<kind>, for every kind', () => {
    for (const language of languages) {
      const t = i18n.getFixedT(language);
      for (const kind of nodeKindNames) {
        expect(t(`kinds.${kind}.title`), `${language} ${kind}`).toBe(
          kindWords[kind][language].title,
        );
        expect(kindWords[kind][language].description).not.toBe('');
      }
    }
    expect(i18n.getFixedT('pt-BR')('kinds.menu.title')).toBe('Menu de botões');
  });

  it('are found in the folder of every kind of the registry, and only those: one line adds a kind', () => {
    expect(Object.keys(kindWords).sort()).toEqual([...nodeKindNames].sort());
    expect(Object.keys(nodeUIs).sort()).toEqual([...nodeKindNames].sort());
    for (const kind of nodeKindNames) expect(kindWords[kind], kind).toBe(nodeUIs[kind].words);
  });

  it("say a kind's own checks in the UI language, from its folder", () => {
    const noBot = { ...createNode('fallbackBot', 'contingencia', 'pt-BR'), label: 'Contingência' };
    const diagnostic = validateFlow({
      ...examples.reception,
      nodes: [...examples.reception.nodes, noBot],
    }).find((d) => d.code === 'fallbackBot.noBot')!;
    expect(diagnosticText(diagnostic, i18n.getFixedT('pt-BR')).message).toBe(
      fallbackBotWords['pt-BR'].checks.noBot.message,
    );
    expect(diagnosticText(diagnostic, i18n.getFixedT('en')).message).toBe(diagnostic.message);
  });

  it('refuse, as types, a word missing in one language or one too many', () => {
    const words = defineWords({
      en: { title: 'Wait' },
      'pt-BR': { title: 'Esperar' },
      es: { title: 'Esperar' },
    });
    expect(words.es.title).toBe('Esperar');
    // @ts-expect-error -- es lacks the title
    defineWords({ en: { title: 'Wait' }, 'pt-BR': { title: 'Esperar' }, es: {} });
    // @ts-expect-error -- pt-BR has a word English does not
    defineWords({ en: { title: 'W' }, 'pt-BR': { title: 'E', extra: 'x' }, es: { title: 'E' } });
  });
});
