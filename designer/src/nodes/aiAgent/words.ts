import { defineWords } from '../../i18n/index.ts';

/** The aiAgent kind's words: its title and description (the palette), and what its node view says. */
export const aiAgentWords = defineWords({
  en: {
    title: 'AI agent',
    description: 'A language model talks with the caller; it can be interrupted.',
    noInstructions: 'No instructions yet',
    endpoint: 'Endpoint',
  },
  'pt-BR': {
    title: 'Agente de IA',
    description: 'Um modelo de linguagem conversa com quem liga; ele pode ser interrompido.',
    noInstructions: 'Sem instruções ainda',
    endpoint: 'Endpoint',
  },
  es: {
    title: 'Agente de IA',
    description: 'Un modelo de lenguaje conversa con quien llama; se lo puede interrumpir.',
    noInstructions: 'Todavía sin instrucciones',
    endpoint: 'Endpoint',
  },
});
