import type { ByLanguage } from '../../document/language.ts';
import { defineNodeKind } from '../kind.ts';
import { compileMenu } from './compile.ts';
import { menuData, optionPort } from './schema.ts';
import { validateMenu } from './validate.ts';

export {
  menuData,
  menuOptionSchema,
  optionPort,
  type MenuData,
  type MenuOption,
} from './schema.ts';
export { DTMF_KEYS, isDtmfKey, normalizeSpeech, speechMatches, type DtmfKey } from './match.ts';

/** A new menu's prompt and its message for a key it does not know, in each flow language. */
const defaultTexts: ByLanguage<{ prompt: string; noMatch: string }> = {
  'pt-BR': { prompt: 'Para vendas, digite 1. Para suporte, digite 2.', noMatch: 'Opção inválida.' },
  es: { prompt: 'Para ventas, marque 1. Para soporte, marque 2.', noMatch: 'Opción no válida.' },
  en: { prompt: 'For sales, press 1. For support, press 2.', noMatch: 'Invalid option.' },
};

/**
 * A button menu (menu de botões): the first place a drawn bot listens (R18).
 * Ports: one per option, then `noInput` and `noMatch`.
 */
export const menu = defineNodeKind({
  kind: 'menu',
  title: 'Button menu',
  description: 'Asks the caller to press a key or say a word, and branches on the answer.',
  dataSchema: menuData,
  defaults: (language) => ({
    prompt: defaultTexts[language].prompt,
    options: [
      { id: 'opt1', key: '1', keywords: [] },
      { id: 'opt2', key: '2', keywords: [] },
    ],
    noInput: { repeats: 2 },
    noMatch: { repeats: 2, message: defaultTexts[language].noMatch },
  }),
  ports: (data) => [
    ...data.options.map((o) => ({
      id: optionPort(o),
      label: [o.key || '?', o.label ?? o.keywords[0]].filter(Boolean).join(' · '),
    })),
    { id: 'noInput', label: 'no input' },
    { id: 'noMatch', label: 'no match' },
  ],
  listens: true,
  validate: validateMenu,
  compile: compileMenu,
});
