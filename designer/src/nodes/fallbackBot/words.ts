import { defineWords } from '../../i18n/index.ts';

/** The fallbackBot kind's words: its title and description (the palette), and what its node view says. */
export const fallbackBotWords = defineWords({
  en: {
    title: 'Fallback bot',
    description: 'Hands the call to another bot, which carries on.',
    bot: 'Bot',
  },
  'pt-BR': {
    title: 'Bot de contingência',
    description: 'Passa a chamada para outro bot, que continua o atendimento.',
    bot: 'Bot',
  },
  es: {
    title: 'Bot de respaldo',
    description: 'Pasa la llamada a otro bot, que continúa la atención.',
    bot: 'Bot',
  },
});
