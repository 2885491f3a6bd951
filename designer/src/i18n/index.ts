import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, type Resources } from './en.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources & { kinds: KindWords } };
  }
}

/**
 * The node kinds' words, by kind (`kinds.<kind>`): each kind keeps its own in
 * its folder (`nodes/<kind>/words.ts`), and `nodes/words.ts` (which finds them there)
 * adds them here by declaration merging and `addWords`, so
 * `t('kinds.menu.title')` is typed like every other text.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface KindWords {}

/** The languages the designer speaks, English first (the fallback). */
export const languages = ['en', 'pt-BR', 'es'] as const;
export type Language = (typeof languages)[number];

/**
 * Each language's texts. English is bundled (it is the fallback); the others
 * load when first used, so the first screen carries one language, not three.
 */
const loaders: Record<Language, () => Promise<Resources>> = {
  en: () => Promise.resolve(en),
  'pt-BR': () => import('./pt-BR.ts').then((m) => m.ptBR),
  es: () => import('./es.ts').then((m) => m.es),
};

/** Where the language picked in the UI is remembered. */
export const LANGUAGE_STORAGE_KEY = 'callbot.designer.language';

/** Any Portuguese reads the Brazilian texts, any Spanish the Spanish ones. */
const byBaseLanguage: Record<string, Language> = { en: 'en', pt: 'pt-BR', es: 'es' };

/**
 * The designer's language for a browser's preferred languages
 * (`navigator.languages`, most preferred first): the first one it speaks,
 * English when the browser asks for English first, and English for a browser
 * that asks only for languages it does not speak.
 */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const match = byBaseLanguage[tag.toLowerCase().split('-')[0] ?? ''];
    if (match) return match;
  }
  return 'en';
}

const isLanguage = (value: unknown): value is Language =>
  (languages as readonly unknown[]).includes(value);

/** The language last picked in the UI, if any (storage may be unavailable). */
function storedLanguage(): Language | null {
  try {
    const value = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/**
 * The designer's i18next instance, ready at import with English; call
 * `loadLanguage` for the language in use before the first render (main.tsx
 * does), and `setLanguage` loads a language before switching to it.
 */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  // A copy: the words added later (`addWords`) are merged into it, not into `en`.
  resources: { en: { translation: structuredClone(en) } },
  lng: storedLanguage() ?? detectLanguage(browserLanguages()),
  fallbackLng: 'en',
  supportedLngs: languages,
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
});

/** Keeps `<html lang>` in step, so screen readers pronounce the page right. */
const markDocument = (language: string) => {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
};
markDocument(i18n.language);
i18n.on('languageChanged', markDocument);

/** The current language, as one of `languages`. */
export const currentLanguage = (): Language => (isLanguage(i18n.language) ? i18n.language : 'en');

/**
 * What every node kind says, in every language: its name and what it does
 * (the palette), the words of its view, and the words of its own checks, by
 * the code after `<kind>.` (`diagnostics.<kind>.<code>`).
 */
export type KindWordsIn = Readonly<
  Record<Language, { title: string; description: string; checks?: Record<string, object> }>
>;

/** Words added from outside this folder (the node kinds'), in every language. */
const addedWords: Readonly<Record<Language, object>>[] = [];

/**
 * Words in every language, typed by the English ones: a word that another
 * language lacks, or has too many, is a type error.
 *
 * @example
 * export const hangupWords = defineWords({ en: { title: 'Hang up' }, 'pt-BR': { title: 'Desligar' }, es: { title: 'Colgar' } });
 */
export const defineWords = <W extends object>(
  words: { en: W } & { readonly [L in Exclude<Language, 'en'>]: NoInfer<W> },
): Readonly<Record<Language, W>> => words;

/** Adds words to every language: now to those loaded, and to the others when they load. */
export function addWords(words: Readonly<Record<Language, object>>): void {
  addedWords.push(words);
  for (const language of languages) {
    if (i18n.hasResourceBundle(language, 'translation'))
      i18n.addResourceBundle(language, 'translation', words[language], true, true);
  }
}

/** Makes `language`'s texts available (once): until then its keys read the English ones. */
export async function loadLanguage(language: string): Promise<void> {
  if (!isLanguage(language) || i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await loaders[language]());
  for (const words of addedWords) {
    i18n.addResourceBundle(language, 'translation', words[language], true, true);
  }
}

/** Switches the UI to `language` (loading its texts) and remembers the choice in this browser. */
export async function setLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // No storage (a private window may forbid it): the choice lasts this visit.
  }
  await i18n.changeLanguage(language);
}

/**
 * The locale dates and numbers are formatted in: the browser's own variant
 * of the UI language when it asks for one (en-GB dates for a British English
 * browser), otherwise the UI language itself.
 */
export function formattingLocale(
  language: string = i18n.language,
  preferred: readonly string[] = browserLanguages(),
): string {
  const base = language.split('-')[0];
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === base) ?? language;
}

/** A translate function: the hook's `t`, or `i18n.t` outside components. */
export type Translate = TFunction;
