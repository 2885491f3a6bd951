import { defineWords } from '../../i18n/index.ts';

/** The menu kind's words: its title and description (the palette), and what its node view says. */
export const menuWords = defineWords({
  en: {
    title: 'Button menu',
    description: 'Asks the caller to press a key or say a word, and branches on the answer.',
    noPrompt: 'No prompt yet',
    noOptions: 'No options yet',
    noName: 'no name',
  },
  'pt-BR': {
    title: 'Menu de botões',
    description:
      'Pede que quem liga digite uma tecla ou diga uma palavra, e segue conforme a resposta.',
    noPrompt: 'Sem mensagem do menu ainda',
    noOptions: 'Sem opções ainda',
    noName: 'sem nome',
  },
  es: {
    title: 'Menú de botones',
    description:
      'Pide a quien llama que presione una tecla o diga una palabra, y sigue según la respuesta.',
    noPrompt: 'Todavía sin mensaje del menú',
    noOptions: 'Todavía sin opciones',
    noName: 'sin nombre',
  },
});
