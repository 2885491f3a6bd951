import { defineWords } from '../../i18n/index.ts';

/** The menu kind's words: its title and description (the palette), what its node view says, and its checks (`diagnostics.<code>`). */
export const words = defineWords({
  en: {
    title: 'Button menu',
    description: 'Asks the caller to press a key or say a word, and branches on the answer.',
    noPrompt: 'No prompt yet',
    noOptions: 'No options yet',
    noName: 'no name',
    checks: {
      noOptions: {
        message: 'This menu has no options: the caller could not choose anything.',
        hint: 'Add at least one option with a key.',
      },
      duplicateOptionId: {
        message: 'Two options share the id "{{id}}", so their outputs would be confused.',
        hint: 'Give each option its own id.',
      },
      invalidKey: {
        message: 'Option {{option}} uses "{{key}}", which is not a phone key.',
        message_missing: 'Option {{option}} has no key.',
        hint: 'Use one key of the keypad: 0-9, * or #.',
      },
      duplicateKey: {
        message:
          'Key {{key}} is used by options {{first}} and {{second}}; only the first would ever be chosen.',
        hint: 'Give each option a different key.',
      },
      emptyKeyword: {
        message:
          'Option {{option}} has a keyword with no words ("{{keyword}}"); nobody can say it.',
        hint: 'Write a word the caller would say, or remove it.',
      },
      duplicateKeyword: {
        message:
          'The keyword "{{keyword}}" is also used by option {{owner}}; saying it chooses option {{owner}}.',
        hint: 'Use different words for different options.',
      },
      shadowedKeyword: {
        message:
          'Saying "{{keyword}}" also says "{{other}}", which chooses option {{owner}} first.',
        hint: 'Make the keywords of different options not contain one another.',
      },
      noInputLoop: {
        message:
          'A caller who says nothing hears "{{node}}" again and again: its "no input" output leads back to it.',
        hint: 'Lead "no input" to a transfer or a goodbye.',
      },
    },
  },
  'pt-BR': {
    title: 'Menu de botões',
    description:
      'Pede que quem liga digite uma tecla ou diga uma palavra, e segue conforme a resposta.',
    noPrompt: 'Sem mensagem do menu ainda',
    noOptions: 'Sem opções ainda',
    noName: 'sem nome',
    checks: {
      noOptions: {
        message: 'Este menu não tem opções: quem liga não poderia escolher nada.',
        hint: 'Adicione pelo menos uma opção com uma tecla.',
      },
      duplicateOptionId: {
        message: 'Duas opções têm o mesmo id "{{id}}", então as saídas delas se confundiriam.',
        hint: 'Dê a cada opção um id próprio.',
      },
      invalidKey: {
        message: 'A opção {{option}} usa "{{key}}", que não é uma tecla do telefone.',
        message_missing: 'A opção {{option}} não tem tecla.',
        hint: 'Use uma tecla do teclado: 0-9, * ou #.',
      },
      duplicateKey: {
        message:
          'A tecla {{key}} é usada pelas opções {{first}} e {{second}}; só a primeira seria escolhida.',
        hint: 'Dê a cada opção uma tecla diferente.',
      },
      emptyKeyword: {
        message:
          'A opção {{option}} tem uma palavra-chave sem palavras ("{{keyword}}"); ninguém consegue dizê-la.',
        hint: 'Escreva uma palavra que quem liga diria, ou remova-a.',
      },
      duplicateKeyword: {
        message:
          'A palavra-chave "{{keyword}}" também é usada pela opção {{owner}}; dizê-la escolhe a opção {{owner}}.',
        hint: 'Use palavras diferentes para opções diferentes.',
      },
      shadowedKeyword: {
        message: 'Dizer "{{keyword}}" também diz "{{other}}", que escolhe antes a opção {{owner}}.',
        hint: 'Faça com que as palavras-chave de opções diferentes não contenham umas às outras.',
      },
      noInputLoop: {
        message:
          'Quem liga e não diz nada ouve "{{node}}" de novo e de novo: a saída “sem resposta” volta para ele.',
        hint: 'Leve “sem resposta” a uma transferência ou a uma despedida.',
      },
    },
  },
  es: {
    title: 'Menú de botones',
    description:
      'Pide a quien llama que presione una tecla o diga una palabra, y sigue según la respuesta.',
    noPrompt: 'Todavía sin mensaje del menú',
    noOptions: 'Todavía sin opciones',
    noName: 'sin nombre',
    checks: {
      noOptions: {
        message: 'Este menú no tiene opciones: quien llama no podría elegir nada.',
        hint: 'Agregue al menos una opción con una tecla.',
      },
      duplicateOptionId: {
        message: 'Dos opciones comparten el id «{{id}}», así que sus salidas se confundirían.',
        hint: 'Dé a cada opción su propio id.',
      },
      invalidKey: {
        message: 'La opción {{option}} usa «{{key}}», que no es una tecla del teléfono.',
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
          'La opción {{option}} tiene una palabra clave sin palabras («{{keyword}}»); nadie puede decirla.',
        hint: 'Escriba una palabra que diría quien llama, o quítela.',
      },
      duplicateKeyword: {
        message:
          'La palabra clave «{{keyword}}» también la usa la opción {{owner}}; decirla elige la opción {{owner}}.',
        hint: 'Use palabras distintas para opciones distintas.',
      },
      shadowedKeyword: {
        message:
          'Decir «{{keyword}}» también dice «{{other}}», que elige antes la opción {{owner}}.',
        hint: 'Haga que las palabras clave de opciones distintas no se contengan unas a otras.',
      },
      noInputLoop: {
        message:
          'Quien llama y no dice nada oye «{{node}}» una y otra vez: su salida «sin respuesta» vuelve a él.',
        hint: 'Lleve «sin respuesta» a una transferencia o a una despedida.',
      },
    },
  },
});
