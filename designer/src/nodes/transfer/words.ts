import { defineWords } from '../../i18n/index.ts';

/** The transfer kind's words: its title and description (the palette), what its node view says, and its checks (`diagnostics.<code>`). */
export const words = defineWords({
  en: {
    title: 'Transfer to team',
    description: 'Puts the caller through to a team of agents.',
    team: 'Team',
    unknownTeam: '“{{team}}” is not one of the workspace’s teams.',
    createTeam: 'Create the team “{{team}}”',
    checks: {
      unknownTeam: {
        message: 'The team “{{team}}” is not one of the workspace’s teams: publishing is refused.',
        hint: 'Choose one of the teams, or create it from the node.',
      },
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
    unknownTeam: '“{{team}}” não é uma das equipes do espaço de trabalho.',
    createTeam: 'Criar a equipe “{{team}}”',
    checks: {
      unknownTeam: {
        message:
          'A equipe “{{team}}” não é uma das equipes do espaço de trabalho: a publicação é recusada.',
        hint: 'Escolha uma das equipes ou crie-a a partir do nó.',
      },
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
    unknownTeam: '“{{team}}” no es uno de los equipos del espacio de trabajo.',
    createTeam: 'Crear el equipo “{{team}}”',
    checks: {
      unknownTeam: {
        message:
          'El equipo “{{team}}” no es uno de los equipos del espacio de trabajo: se rechaza la publicación.',
        hint: 'Elija uno de los equipos o créelo desde el nodo.',
      },
      noTeam: {
        message: 'Esta transferencia no tiene equipo: la llamada no tendría adónde ir.',
        hint: 'Elija el equipo que atiende estas llamadas.',
      },
    },
  },
});
