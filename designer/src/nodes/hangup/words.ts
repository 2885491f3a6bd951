import { defineWords } from '../../i18n/index.ts';

/** The hangup kind's words: its title and description (the palette), what its node view says. */
export const words = defineWords({
  en: {
    title: 'Hang up',
    description: 'Says goodbye and ends the call.',
    empty: 'Hangs up without a goodbye',
  },
  'pt-BR': {
    title: 'Desligar',
    description: 'Despede-se e encerra a chamada.',
    empty: 'Desliga sem se despedir',
  },
  es: {
    title: 'Colgar',
    description: 'Se despide y termina la llamada.',
    empty: 'Cuelga sin despedirse',
  },
});
