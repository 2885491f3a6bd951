import { defineWords } from '../../i18n/index.ts';

/** The transfer kind's words: its title and description (the palette), what its node view says, and its checks (`diagnostics.<code>`). */
export const words = defineWords({
  en: {
    title: 'Transfer to team',
    description: 'Puts the caller through to a team of agents.',
    team: 'Team',
    createTeam: 'Create the team “{{team}}”',
    queue: 'Waiting in the queue',
    waitMessage: 'Wait message',
    holdMusic: 'Hold music',
    maxWait: 'Maximum wait (seconds)',
    maxWaitHint: 'Then the call takes “no agents”. {{seconds}} s when empty.',
    waits: 'Waits up to {{seconds}} s',
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
    createTeam: 'Criar a equipe “{{team}}”',
    queue: 'Espera na fila',
    waitMessage: 'Mensagem de espera',
    holdMusic: 'Música de espera',
    maxWait: 'Espera máxima (segundos)',
    maxWaitHint: 'Depois a chamada segue por “sem agentes”. {{seconds}} s quando vazio.',
    waits: 'Espera até {{seconds}} s',
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
    createTeam: 'Crear el equipo «{{team}}»',
    queue: 'Espera en la cola',
    waitMessage: 'Mensaje de espera',
    holdMusic: 'Música de espera',
    maxWait: 'Espera máxima (segundos)',
    maxWaitHint: 'Luego la llamada sigue por «sin agentes». {{seconds}} s si está vacío.',
    waits: 'Espera hasta {{seconds}} s',
    checks: {
      unknownTeam: {
        message:
          'El equipo «{{team}}» no es uno de los equipos del espacio de trabajo: se rechaza la publicación.',
        hint: 'Elija uno de los equipos o créelo desde el nodo.',
      },
      noTeam: {
        message: 'Esta transferencia no tiene equipo: la llamada no tendría adónde ir.',
        hint: 'Elija el equipo que atiende estas llamadas.',
      },
    },
  },
});
