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
      message: '«{{timeZone}}» no es una zona horaria, así que no se pueden leer los horarios.',
      hint: 'Elija la zona horaria de la empresa, por ejemplo America/Sao_Paulo.',
    },
    invalidLocale: {
      message: '«{{locale}}» no es un código de idioma.',
      hint: 'Use un código como pt-BR, es o en-US.',
    },
  },
  node: {
    reservedId: {
      message:
        '«{{id}}» no puede ser el id de un nodo: es el nombre de una propiedad integrada de todo objeto JavaScript, que las herramientas que leen el flujo podrían confundir con el nodo.',
      hint: 'Cambie el nombre del nodo.',
    },
    duplicateId: {
      message: 'Dos nodos se llaman «{{id}}»; las conexiones hacia él serían ambiguas.',
      hint: 'Cambie el nombre de uno de ellos.',
    },
    unreachable: {
      message: 'Ninguna llamada llega a «{{node}}»: nada lleva a él desde el mensaje inicial.',
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
      message: 'Un flujo tiene exactamente un mensaje inicial; «{{id}}» es un segundo.',
      hint: 'Elimínelo, o conviértalo en un nodo de Mensaje.',
    },
    silentLoop: {
      message:
        '«{{id}}» está en un bucle en el que el bot nunca escucha ({{route}}): la llamada hablaría para siempre.',
      hint: 'Ponga un menú en el bucle, o lleve una de sus salidas a otro lugar.',
    },
  },
  edge: {
    unknownPort: {
      message:
        '«{{node}}» tiene una conexión desde una salida que ya no existe («{{port}}»); se ignora.',
      hint: 'Elimine la conexión.',
    },
    missingTarget: {
      message: 'La salida «{{port}}» de «{{node}}» lleva a «{{target}}», que no existe.',
      hint: 'Conéctela a un nodo existente.',
    },
  },
  port: {
    unconnected: {
      message:
        'La salida «{{port}}» de «{{node}}» no está conectada: si la llamada llega ahí, el bot cuelga.',
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
      hint: 'Vuelva a escribir ese texto: pegar desde otro programa puede traer esos caracteres.',
    },
  },
  document: {
    notObject: {
      message:
        'Un flujo debe ser un objeto JSON con «schemaVersion», «settings», «nodes» y «layout».',
    },
    tooDeep: {
      message: 'El documento tiene más de {{max}} niveles de anidación; ningún flujo es así.',
    },
    forbiddenKey: {
      message:
        'El documento contiene la clave «{{key}}», que nunca forma parte de un flujo y se rechaza por seguridad.',
      hint: 'Vuelva a exportar el flujo desde el diseñador.',
    },
    tooLarge: { message: 'El archivo pesa {{size}} MB; un flujo pesa como mucho {{max}} MB.' },
    invalidJson: { message: 'El archivo no es un JSON válido ({{detail}}).' },
    noVersion: {
      message:
        'Este archivo no tiene «schemaVersion», así que no es un flujo de callbot (o está dañado).',
      hint: 'Vuelva a exportar el flujo desde el diseñador.',
    },
    badVersion: { message: '«schemaVersion» debe ser un número entero desde 1, no {{value}}.' },
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
