import { defineWords } from '../../i18n/index.ts';

/** The transfer kind's words: its title and description (the palette), and what its node view says. */
export const transferWords = defineWords({
  en: {
    title: 'Transfer to team',
    description: 'Puts the caller through to a team of agents.',
    team: 'Team',
  },
  'pt-BR': {
    title: 'Transferir para equipe',
    description: 'Transfere quem liga para uma equipe de atendimento.',
    team: 'Equipe',
  },
  es: {
    title: 'Transferir al equipo',
    description: 'Transfiere a quien llama a un equipo de atención.',
    team: 'Equipo',
  },
});
