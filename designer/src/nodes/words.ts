import type { NodeKindName } from '@callbot/shared';
import { addWords, languages, type Language } from '../i18n/index.ts';
import { aiAgentWords } from './aiAgent/words.ts';
import { fallbackBotWords } from './fallbackBot/words.ts';
import { greetingWords } from './greeting/words.ts';
import { hangupWords } from './hangup/words.ts';
import { menuWords } from './menu/words.ts';
import { messageWords } from './message/words.ts';
import { scheduleWords } from './schedule/words.ts';
import { transferWords } from './transfer/words.ts';

/**
 * What every kind says, in every language: its name and what it does (the
 * palette), and the words of its own checks, by the code after `<kind>.`.
 */
type KindWordsIn = Readonly<
  Record<Language, { title: string; description: string; checks?: Record<string, object> }>
>;

/**
 * Every node kind's words, by kind name, kept in the kind's own folder
 * (`nodes/<kind>/words.ts`): a kind missing here, or a word missing in one
 * language, is a type error. Apart from the kinds' views, so the first screen
 * (which names new nodes by their kind) carries words and no view.
 */
export const kindWords = {
  greeting: greetingWords,
  message: messageWords,
  menu: menuWords,
  schedule: scheduleWords,
  transfer: transferWords,
  fallbackBot: fallbackBotWords,
  aiAgent: aiAgentWords,
  hangup: hangupWords,
} as const satisfies { readonly [K in NodeKindName]: KindWordsIn };

type KindWordsInEnglish = {
  [K in keyof typeof kindWords]: Omit<(typeof kindWords)[K]['en'], 'checks'>;
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
