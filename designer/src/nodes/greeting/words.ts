import { defineWords } from '../../i18n/index.ts';

/** The greeting kind's words: its title and description (the palette), what its node view says. */
export const words = defineWords({
  en: {
    title: 'Greeting',
    description: 'Where every call starts: the initial message.',
    empty: 'No greeting yet',
  },
  'pt-BR': {
    title: 'Mensagem inicial',
    description: 'Onde toda chamada começa: a mensagem inicial.',
    empty: 'Sem mensagem inicial ainda',
  },
  es: {
    title: 'Mensaje inicial',
    description: 'Donde empieza cada llamada: el mensaje inicial.',
    empty: 'Todavía sin mensaje inicial',
  },
});
