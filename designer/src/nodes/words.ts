import type { NodeKindName } from '@callbot/shared';
import { addWords, languages, type KindWordsIn, type Language } from '../i18n/index.ts';
// Types only: the kinds' views stay out of the modules that import this one.
import type { nodeUIs } from './index.ts';

/** Every kind's words, by kind, typed by the registry's `words` (`nodes/index.ts`). */
type KindWordsByKind = { readonly [K in NodeKindName]: (typeof nodeUIs)[K]['words'] };

/**
 * The kinds' `words.ts` modules, found in their folders (`nodes/<kind>/words.ts`)
 * rather than listed: the registry (`nodes/index.ts`) is the one list of
 * kinds, and its entries carry the same words (`words.test.ts` holds them
 * equal). Eager, and without the kinds' views, so the first screen (which
 * names new nodes by their kind) carries the words and none of the views.
 */
const found = import.meta.glob<KindWordsIn>('./*/words.ts', { eager: true, import: 'words' });

/** Every node kind's words, by kind name, from the kind's own folder. */
export const kindWords = Object.fromEntries(
  Object.entries(found).map(([path, words]) => [path.split('/')[1], words]),
) as unknown as KindWordsByKind;

type KindWordsInEnglish = {
  [K in NodeKindName]: Omit<KindWordsByKind[K]['en'], 'checks'>;
};

declare module '../i18n/index.ts' {
  // Types `t('kinds.<kind>.…')` from the kinds' English words.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface KindWords extends KindWordsInEnglish {}
}

/** The kinds' words in one language: under `kinds.<kind>`, and their checks under `diagnostics.<kind>`. */
function inLanguage(language: Language) {
  const kinds: Record<string, object> = {};
  const diagnostics: Record<string, object> = {};
  for (const [kind, words] of Object.entries(kindWords) as [string, KindWordsIn][]) {
    const { checks, ...rest } = words[language];
    kinds[kind] = rest;
    if (checks) diagnostics[kind] = checks;
  }
  return { kinds, diagnostics };
}

// Importing this module gives i18n the kinds' words (main.tsx, the test setup, Storybook, the bench).
addWords(
  Object.fromEntries(languages.map((language) => [language, inLanguage(language)])) as Record<
    Language,
    object
  >,
);
