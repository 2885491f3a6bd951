import { defineWords } from '../../i18n/index.ts';

/** The schedule kind's words: its title and description (the palette), and what its node view says. */
export const scheduleWords = defineWords({
  en: {
    title: 'Schedule',
    description: 'Branches on opening hours: open, closed or holiday.',
    neverOpen: 'Never open',
    holidays: 'Holidays',
    noHolidays: 'none',
    holidayCount_zero: '{{count}} holidays',
    holidayCount_one: '{{count}} holiday',
    holidayCount_other: '{{count}} holidays',
    timeZone: 'Time zone',
    flowTimeZone: 'the flow’s',
  },
  'pt-BR': {
    title: 'Horários de atendimento',
    description: 'Segue conforme os horários de atendimento: aberto, fechado ou feriado.',
    neverOpen: 'Nunca aberto',
    holidays: 'Feriados',
    noHolidays: 'nenhum',
    holidayCount_zero: '{{count}} feriados',
    holidayCount_one: '{{count}} feriado',
    holidayCount_other: '{{count}} feriados',
    timeZone: 'Fuso horário',
    flowTimeZone: 'o do fluxo',
  },
  es: {
    title: 'Horarios de atención',
    description: 'Sigue según los horarios de atención: abierto, cerrado o festivo.',
    neverOpen: 'Nunca abierto',
    holidays: 'Festivos',
    noHolidays: 'ninguno',
    holidayCount_zero: '{{count}} festivos',
    holidayCount_one: '{{count}} festivo',
    holidayCount_other: '{{count}} festivos',
    timeZone: 'Zona horaria',
    flowTimeZone: 'la del flujo',
  },
});
