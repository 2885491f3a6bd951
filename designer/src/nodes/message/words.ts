import { defineWords } from '../../i18n/index.ts';

/** The message kind's words: its title and description (the palette), what its node view says. */
export const words = defineWords({
  en: {
    title: 'Message',
    description: 'Says a text, then goes on.',
    empty: 'Nothing to say yet',
  },
  'pt-BR': {
    title: 'Mensagem',
    description: 'Fala um texto e segue adiante.',
    empty: 'Nada a dizer ainda',
  },
  es: {
    title: 'Mensaje',
    description: 'Dice un texto y continúa.',
    empty: 'Todavía nada que decir',
  },
});
