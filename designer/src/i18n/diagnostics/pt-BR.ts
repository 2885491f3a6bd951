import type { DiagnosticsResources } from './index.ts';

/** The diagnostics of `@callbot/shared` in Brazilian Portuguese (see `en.ts`). */
export const diagnosticsPtBR: DiagnosticsResources = {
  texts: {
    greeting: 'mensagem inicial',
    message: 'mensagem',
    goodbye: 'despedida',
    menuPrompt: 'pergunta do menu',
    noInputMessage: 'mensagem de “sem resposta”',
    noMatchMessage: 'mensagem de “opção inválida”',
  },
  settings: {
    invalidTimeZone: {
      message: '"{{timeZone}}" não é um fuso horário, então os horários não podem ser lidos.',
      hint: 'Escolha o fuso horário da empresa, por exemplo America/Sao_Paulo.',
    },
    invalidLocale: {
      message: '"{{locale}}" não é um código de idioma.',
      hint: 'Use um código como pt-BR, es ou en-US.',
    },
  },
  node: {
    reservedId: {
      message:
        '"{{id}}" não pode ser o id de um nó: é o nome de uma propriedade embutida de todo objeto JavaScript, que ferramentas que leem o fluxo poderiam confundir com o nó.',
      hint: 'Renomeie o nó.',
    },
    duplicateId: {
      message: 'Dois nós se chamam "{{id}}"; as conexões para ele ficariam ambíguas.',
      hint: 'Renomeie um deles.',
    },
    unreachable: {
      message: 'Nenhuma chamada chega a "{{node}}": nada leva a ele a partir da mensagem inicial.',
      hint: 'Conecte uma saída a ele, ou exclua-o.',
    },
  },
  flow: {
    noGreeting: {
      message: 'O fluxo não tem mensagem inicial, então uma chamada não teria por onde começar.',
      hint: 'Adicione um nó de Mensagem inicial: toda chamada começa nele.',
    },
    manyGreetings: {
      message: 'Um fluxo tem exatamente uma mensagem inicial; "{{id}}" é uma segunda.',
      hint: 'Exclua-a, ou transforme-a em um nó de Mensagem.',
    },
    silentLoop: {
      message:
        '"{{id}}" está em um ciclo em que o bot nunca escuta ({{route}}): a chamada falaria para sempre.',
      hint: 'Coloque um menu no ciclo, ou leve uma das saídas para outro lugar.',
    },
  },
  edge: {
    unknownPort: {
      message:
        '"{{node}}" tem uma conexão de uma saída que não existe mais ("{{port}}"); ela é ignorada.',
      hint: 'Exclua a conexão.',
    },
    missingTarget: {
      message: 'A saída "{{port}}" de "{{node}}" leva a "{{target}}", que não existe.',
      hint: 'Conecte-a a um nó existente.',
    },
  },
  port: {
    unconnected: {
      message:
        'A saída "{{port}}" de "{{node}}" não está conectada: se a chamada chegar lá, o bot desliga.',
      hint: 'Conecte-a ao nó que deve vir em seguida.',
    },
  },
  text: {
    empty: {
      message: 'O texto da {{text}} está vazio: o bot não teria nada a dizer.',
      hint: 'Escreva o texto da {{text}}.',
    },
    long: {
      message:
        'O texto da {{text}} leva cerca de {{seconds}} s para ser dito, e quem liga não pode interrompê-lo.',
      hint: 'Encurte-o, ou divida-o em várias mensagens.',
    },
    invalidCharacter: {
      message:
        'O texto em {{path}} tem um caractere que uma chamada não consegue levar (um NUL, ou metade de um emoji).',
      hint: 'Digite esse texto de novo: colar de outro programa pode trazer esses caracteres.',
    },
  },
  document: {
    notObject: {
      message:
        'Um fluxo deve ser um objeto JSON com "schemaVersion", "settings", "nodes" e "layout".',
    },
    tooDeep: {
      message: 'O documento tem mais de {{max}} níveis de aninhamento; nenhum fluxo é assim.',
    },
    forbiddenKey: {
      message:
        'O documento contém a chave "{{key}}", que nunca faz parte de um fluxo e é recusada por segurança.',
      hint: 'Exporte o fluxo de novo pelo designer.',
    },
    tooLarge: { message: 'O arquivo tem {{size}} MB; um fluxo tem no máximo {{max}} MB.' },
    invalidJson: { message: 'O arquivo não é um JSON válido ({{detail}}).' },
    noVersion: {
      message:
        'Este arquivo não tem "schemaVersion", então não é um fluxo de callbot (ou está danificado).',
      hint: 'Exporte o fluxo de novo pelo designer.',
    },
    badVersion: {
      message: '"schemaVersion" deve ser um número inteiro a partir de 1, não {{value}}.',
    },
    futureVersion: {
      message:
        'Este fluxo foi feito por uma versão mais nova do designer (versão do documento {{version}}; esta lê até a {{current}}).',
      hint: 'Atualize o designer, ou exporte o fluxo de novo pela versão que o criou.',
    },
    noMigration: { message: 'Não há como atualizar um documento da versão {{version}}.' },
    migrationFailed: {
      message: 'A atualização do fluxo da versão {{from}} para a {{to}} falhou: {{detail}}.',
    },
  },
};
