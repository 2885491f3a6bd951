import { defineWords } from '../../i18n/index.ts';

/** The transfer kind's words: its title and description (the palette), what its node view says, and its checks (`diagnostics.<code>`). */
export const words = defineWords({
  en: {
    title: 'Transfer to team',
    description: 'Puts the caller through to a team of agents.',
    team: 'Team',
    checks: {
      noTeam: {
        message: 'This transfer has no team: the call would have nowhere to go.',
        hint: 'Choose the team that takes these calls.',
      },
    },
  },
  'pt-BR': {
    title: 'Transferir para equipe',
    description: 'Transfere quem liga para uma equipe de atendimento.',
    team: 'Equipe',
    checks: {
      noTeam: {
        message: 'Esta transferência não tem equipe: a chamada não teria para onde ir.',
        hint: 'Escolha a equipe que atende estas chamadas.',
      },
    },
  },
  es: {
    title: 'Transferir al equipo',
    description: 'Transfiere a quien llama a un equipo de atención.',
    team: 'Equipo',
    checks: {
      noTeam: {
        message: 'Esta transferencia no tiene equipo: la llamada no tendría adónde ir.',
        hint: 'Elija el equipo que atiende estas llamadas.',
      },
    },
  },
});
