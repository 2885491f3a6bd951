import type { DiagnosticsResources } from './index.ts';

/** The diagnostics of `@callbot/shared` in Spanish (see `en.ts`). */
export const diagnosticsEs: DiagnosticsResources = {
  texts: {
    greeting: 'mensaje inicial',
    message: 'mensaje',
    goodbye: 'despedida',
    menuPrompt: 'pregunta del menú',
    noInputMessage: 'mensaje de sin respuesta',
    noMatchMessage: 'mensaje de opción no válida',
  },
  settings: {
    invalidTimeZone: {
      message: '"{{timeZone}}" no es una zona horaria, así que no se pueden leer los horarios.',
      hint: 'Elija la zona horaria de la empresa, por ejemplo America/Sao_Paulo.',
    },
    invalidLocale: {
      message: '"{{locale}}" no es un código de idioma.',
      hint: 'Use un código como pt-BR, es o en-US.',
    },
  },
  node: {
    reservedId: {
      message:
        '"{{id}}" no puede ser el id de un nodo: es el nombre de una propiedad integrada de todo objeto JavaScript, que las herramientas que leen el flujo podrían confundir con el nodo.',
      hint: 'Cambia el nombre del nodo.',
    },
    duplicateId: {
      message: 'Dos nodos se llaman "{{id}}"; las conexiones hacia él serían ambiguas.',
      hint: 'Cambie el nombre de uno de ellos.',
    },
    unreachable: {
      message: 'Ninguna llamada llega a "{{node}}": nada lleva a él desde el mensaje inicial.',
      hint: 'Conecte una salida a él, o elimínelo.',
    },
  },
  flow: {
    noGreeting: {
      message:
        'El flujo no tiene mensaje inicial, así que una llamada no tendría por dónde empezar.',
      hint: 'Agregue un nodo de Mensaje inicial: toda llamada empieza ahí.',
    },
    manyGreetings: {
      message: 'Un flujo tiene exactamente un mensaje inicial; "{{id}}" es un segundo.',
      hint: 'Elimínelo, o conviértalo en un nodo de Mensaje.',
    },
    silentLoop: {
      message:
        '"{{id}}" está en un bucle en el que el bot nunca escucha ({{route}}): la llamada hablaría para siempre.',
      hint: 'Ponga un menú en el bucle, o lleve una de sus salidas a otro lugar.',
    },
  },
  edge: {
    unknownPort: {
      message:
        '"{{node}}" tiene una conexión desde una salida que ya no existe ("{{port}}"); se ignora.',
      hint: 'Elimine la conexión.',
    },
    missingTarget: {
      message: 'La salida "{{port}}" de "{{node}}" lleva a "{{target}}", que no existe.',
      hint: 'Conéctela a un nodo existente.',
    },
  },
  port: {
    unconnected: {
      message:
        'La salida "{{port}}" de "{{node}}" no está conectada: si la llamada llega ahí, el bot cuelga.',
      hint: 'Conéctela al nodo que debe venir después.',
    },
  },
  text: {
    empty: {
      message: 'El texto «{{text}}» está vacío: el bot no tendría nada que decir.',
      hint: 'Escriba el texto «{{text}}».',
    },
    long: {
      message:
        'Decir el texto «{{text}}» lleva unos {{seconds}} s, y quien llama no puede interrumpirlo.',
      hint: 'Acórtelo, o divídalo en varios mensajes.',
    },
    invalidCharacter: {
      message:
        'El texto en {{path}} tiene un carácter que una llamada no puede llevar (un NUL, o medio emoji).',
      hint: 'Vuelve a escribir ese texto: pegar desde otro programa puede traer esos caracteres.',
    },
  },
  menu: {
    noOptions: {
      message: 'Este menú no tiene opciones: quien llama no podría elegir nada.',
      hint: 'Agregue al menos una opción con una tecla.',
    },
    duplicateOptionId: {
      message: 'Dos opciones comparten el id "{{id}}", así que sus salidas se confundirían.',
      hint: 'Dé a cada opción su propio id.',
    },
    invalidKey: {
      message: 'La opción {{option}} usa "{{key}}", que no es una tecla del teléfono.',
      message_missing: 'La opción {{option}} no tiene tecla.',
      hint: 'Use una tecla del teclado: 0-9, * o #.',
    },
    duplicateKey: {
      message:
        'La tecla {{key}} la usan las opciones {{first}} y {{second}}; solo se elegiría la primera.',
      hint: 'Dé a cada opción una tecla distinta.',
    },
    emptyKeyword: {
      message:
        'La opción {{option}} tiene una palabra clave sin palabras ("{{keyword}}"); nadie puede decirla.',
      hint: 'Escriba una palabra que diría quien llama, o quítela.',
    },
    duplicateKeyword: {
      message:
        'La palabra clave "{{keyword}}" también la usa la opción {{owner}}; decirla elige la opción {{owner}}.',
      hint: 'Use palabras distintas para opciones distintas.',
    },
    shadowedKeyword: {
      message: 'Decir "{{keyword}}" también dice "{{other}}", que elige antes la opción {{owner}}.',
      hint: 'Haga que las palabras clave de opciones distintas no se contengan unas a otras.',
    },
    noInputLoop: {
      message:
        'Quien llama y no dice nada oye "{{node}}" una y otra vez: su salida «sin respuesta» vuelve a él.',
      hint: 'Lleve «sin respuesta» a una transferencia o a una despedida.',
    },
  },
  schedule: {
    invalidTimeZone: {
      message:
        '"{{timeZone}}" no es una zona horaria, así que no se puede leer el horario de atención.',
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
      message: 'El festivo {{date}} aparece dos veces.',
      hint: 'Quite uno de ellos.',
    },
  },
  transfer: {
    noTeam: {
      message: 'Esta transferencia no tiene equipo: la llamada no tendría adónde ir.',
      hint: 'Elija el equipo que atiende estas llamadas.',
    },
  },
  fallbackBot: {
    noBot: {
      message: 'Este nodo de bot de respaldo no indica ningún bot: la llamada se perdería.',
      hint: 'Elija el bot que sigue con la llamada.',
    },
  },
  aiAgent: {
    noInstructions: {
      message: 'El agente de IA no tiene instrucciones, así que no sabría cuál es su trabajo.',
      hint: 'Describa quién es el agente, qué puede hacer y cuándo transferir.',
    },
    noEndpoint: {
      message: 'El agente de IA no indica ningún endpoint que le responda.',
      hint: 'Elija un endpoint (por ejemplo "default").',
    },
  },
  document: {
    notObject: {
      message:
        'Un flujo debe ser un objeto JSON con "schemaVersion", "settings", "nodes" y "layout".',
    },
    tooDeep: {
      message: 'El documento tiene más de {{max}} niveles de anidación; ningún flujo es así.',
    },
    forbiddenKey: {
      message:
        'El documento contiene la clave "{{key}}", que nunca forma parte de un flujo y se rechaza por seguridad.',
      hint: 'Vuelva a exportar el flujo desde el diseñador.',
    },
    tooLarge: { message: 'El archivo pesa {{size}} MB; un flujo pesa como mucho {{max}} MB.' },
    invalidJson: { message: 'El archivo no es un JSON válido ({{detail}}).' },
    noVersion: {
      message:
        'Este archivo no tiene "schemaVersion", así que no es un flujo de callbot (o está dañado).',
      hint: 'Vuelva a exportar el flujo desde el diseñador.',
    },
    badVersion: { message: '"schemaVersion" debe ser un número entero desde 1, no {{value}}.' },
    futureVersion: {
      message:
        'Este flujo lo hizo una versión más nueva del diseñador (versión del documento {{version}}; esta lee hasta la {{current}}).',
      hint: 'Actualice el diseñador, o vuelva a exportar el flujo desde la versión que lo hizo.',
    },
    noMigration: { message: 'No hay forma de actualizar un documento de la versión {{version}}.' },
    migrationFailed: {
      message: 'La actualización del flujo de la versión {{from}} a la {{to}} falló: {{detail}}.',
    },
  },
};
