/**
 * The languages a flow's prompts can be started in: a new flow, and each node
 * added to it, get their default texts in one of these (the designer's UI
 * languages). The flow's `settings.locale` says which one a flow speaks.
 */
export const flowLanguages = ['pt-BR', 'es', 'en'] as const;
export type FlowLanguage = (typeof flowLanguages)[number];

/** One value per flow language: how a node kind writes its default texts, as data. */
export type ByLanguage<T> = Readonly<Record<FlowLanguage, T>>;

/**
 * The flow language of a BCP 47 tag (a flow's `settings.locale`): any
 * Portuguese is `pt-BR`, any Spanish `es`, anything else English.
 *
 * @example flowLanguageOf('es-MX') // 'es'
 */
export function flowLanguageOf(locale: string): FlowLanguage {
  const base = locale.trim().toLowerCase().split('-')[0];
  if (base === 'pt') return 'pt-BR';
  if (base === 'es') return 'es';
  return 'en';
}
