import { defineWords } from '../../i18n/index.ts';

/** The aiAgent kind's words: its title and description (the palette), what its node view says, and its checks (`diagnostics.<code>`). */
export const words = defineWords({
  en: {
    title: 'AI agent',
    description: 'A language model talks with the caller; it can be interrupted.',
    noInstructions: 'No instructions yet',
    endpoint: 'Endpoint',
    checks: {
      noInstructions: {
        message: 'The AI agent has no instructions, so it would not know its job.',
        hint: 'Describe who the agent is, what it may do, and when to transfer.',
      },
      noEndpoint: {
        message: 'The AI agent names no endpoint to answer it.',
        hint: 'Choose an endpoint (for example "default").',
      },
    },
  },
  'pt-BR': {
    title: 'Agente de IA',
    description: 'Um modelo de linguagem conversa com quem liga; ele pode ser interrompido.',
    noInstructions: 'Sem instruções ainda',
    endpoint: 'Endpoint',
    checks: {
      noInstructions: {
        message: 'O agente de IA não tem instruções, então não saberia o seu trabalho.',
        hint: 'Descreva quem é o agente, o que ele pode fazer e quando transferir.',
      },
      noEndpoint: {
        message: 'O agente de IA não indica nenhum endpoint para responder.',
        hint: 'Escolha um endpoint (por exemplo "default").',
      },
    },
  },
  es: {
    title: 'Agente de IA',
    description: 'Un modelo de lenguaje conversa con quien llama; se lo puede interrumpir.',
    noInstructions: 'Todavía sin instrucciones',
    endpoint: 'Endpoint',
    checks: {
      noInstructions: {
        message: 'El agente de IA no tiene instrucciones, así que no sabría cuál es su trabajo.',
        hint: 'Describa quién es el agente, qué puede hacer y cuándo transferir.',
      },
      noEndpoint: {
        message: 'El agente de IA no indica ningún endpoint que le responda.',
        hint: 'Elija un endpoint (por ejemplo «default»).',
      },
    },
  },
});
