import { defineWords } from '../../i18n/index.ts';

/** The fallbackBot kind's words: its title and description (the palette), what its node view says, and its checks (`diagnostics.<code>`). */
export const words = defineWords({
  en: {
    title: 'Fallback bot',
    description: 'Hands the call to another bot, which carries on.',
    bot: 'Bot',
    checks: {
      noBot: {
        message: 'This fallback bot node names no bot: the call would be dropped.',
        hint: 'Choose the bot that carries on with the call.',
      },
    },
  },
  'pt-BR': {
    title: 'Bot de contingência',
    description: 'Passa a chamada para outro bot, que continua o atendimento.',
    bot: 'Bot',
    checks: {
      noBot: {
        message: 'Este nó de bot de contingência não indica nenhum bot: a chamada cairia.',
        hint: 'Escolha o bot que continua a chamada.',
      },
    },
  },
  es: {
    title: 'Bot de respaldo',
    description: 'Pasa la llamada a otro bot, que continúa la atención.',
    bot: 'Bot',
    checks: {
      noBot: {
        message: 'Este nodo de bot de respaldo no indica ningún bot: la llamada se perdería.',
        hint: 'Elija el bot que sigue con la llamada.',
      },
    },
  },
});
