import { defineWords } from '../../i18n/index.ts';

/** The schedule kind's words: its title and description (the palette), what its node view says, and its checks (`diagnostics.<code>`). */
export const words = defineWords({
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
    checks: {
      invalidTimeZone: {
        message: '"{{timeZone}}" is not a time zone, so opening hours cannot be read.',
        hint: 'Pick a time zone such as America/Sao_Paulo, or leave it empty to use the flow’s.',
      },
      noOpeningRange: {
        message: 'This schedule has no opening hours, so it is always closed.',
        hint: 'Paint the opening hours on the week grid.',
      },
      emptyRange: {
        message: '{{day}} {{start}}-{{end}} ends before it starts.',
        hint: 'A range must end after it starts; split ranges that cross midnight in two.',
      },
      overlap: {
        message: '{{day}} {{start}}-{{end}} overlaps {{otherStart}}-{{otherEnd}}.',
        hint: 'Merge the two ranges into one.',
      },
      duplicateHoliday: {
        message: 'The holiday {{date}} is listed twice.',
        hint: 'Remove one of them.',
      },
    },
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
    checks: {
      invalidTimeZone: {
        message:
          '"{{timeZone}}" não é um fuso horário, então o horário de atendimento não pode ser lido.',
        hint: 'Escolha um fuso como America/Sao_Paulo, ou deixe vazio para usar o do fluxo.',
      },
      noOpeningRange: {
        message: 'Este horário não tem períodos de atendimento, então está sempre fechado.',
        hint: 'Pinte o horário de atendimento na grade da semana.',
      },
      emptyRange: {
        message: '{{day}} {{start}}-{{end}} termina antes de começar.',
        hint: 'Um período deve terminar depois de começar; divida em dois os que passam da meia-noite.',
      },
      overlap: {
        message: '{{day}} {{start}}-{{end}} se sobrepõe a {{otherStart}}-{{otherEnd}}.',
        hint: 'Junte os dois períodos em um só.',
      },
      duplicateHoliday: {
        message: 'O feriado {{date}} aparece duas vezes.',
        hint: 'Remova um deles.',
      },
    },
  },
  es: {
    title: 'Horarios de atención',
    description: 'Sigue según los horarios de atención: abierto, cerrado o feriado.',
    neverOpen: 'Nunca abierto',
    holidays: 'Feriados',
    noHolidays: 'ninguno',
    holidayCount_zero: '{{count}} feriados',
    holidayCount_one: '{{count}} feriado',
    holidayCount_other: '{{count}} feriados',
    timeZone: 'Zona horaria',
    flowTimeZone: 'la del flujo',
    checks: {
      invalidTimeZone: {
        message:
          '«{{timeZone}}» no es una zona horaria, así que no se puede leer el horario de atención.',
        hint: 'Elija una zona como America/Sao_Paulo, o déjela vacía para usar la del flujo.',
      },
      noOpeningRange: {
        message: 'Este horario no tiene franjas de atención, así que siempre está cerrado.',
        hint: 'Pinte el horario de atención en la cuadrícula de la semana.',
      },
      emptyRange: {
        message: '{{day}} {{start}}-{{end}} termina antes de empezar.',
        hint: 'Una franja debe terminar después de empezar; divida en dos las que pasan de medianoche.',
      },
      overlap: {
        message: '{{day}} {{start}}-{{end}} se solapa con {{otherStart}}-{{otherEnd}}.',
        hint: 'Una las dos franjas en una.',
      },
      duplicateHoliday: {
        message: 'El feriado {{date}} aparece dos veces.',
        hint: 'Quite uno de ellos.',
      },
    },
  },
});
