/**
 * The diagnostics of `@callbot/shared`, by code, in English. Each template
 * names the diagnostic's `params`; a unit test checks that English gives back
 * exactly the message and hint `shared` wrote, so the two never drift.
 * `texts` names the text a spoken-text check is about (`params.text`).
 */
export const diagnosticsEn = {
  texts: {
    greeting: 'greeting',
    message: 'message',
    goodbye: 'goodbye',
    menuPrompt: 'menu prompt',
    noInputMessage: 'no-input message',
    noMatchMessage: 'no-match message',
  },
  settings: {
    invalidTimeZone: {
      message: '"{{timeZone}}" is not a time zone, so schedules cannot be read.',
      hint: 'Pick the time zone of the business, e.g. America/Sao_Paulo.',
    },
    invalidLocale: {
      message: '"{{locale}}" is not a language tag.',
      hint: 'Use a tag such as pt-BR, es or en-US.',
    },
  },
  node: {
    reservedId: {
      message:
        '"{{id}}" cannot be a node id: it is the name of a built-in property of every JavaScript object, which tools reading the flow could mistake for the node.',
      hint: 'Rename the node.',
    },
    duplicateId: {
      message: 'Two nodes are called "{{id}}"; connections to it would be ambiguous.',
      hint: 'Rename one of them.',
    },
    unreachable: {
      message: 'No call can reach "{{node}}": nothing leads to it from the greeting.',
      hint: 'Connect an output to it, or delete it.',
    },
  },
  flow: {
    noGreeting: {
      message: 'The flow has no greeting, so a call would have nowhere to start.',
      hint: 'Add a Greeting node: every call starts there.',
    },
    manyGreetings: {
      message: 'A flow has exactly one greeting; "{{id}}" is a second one.',
      hint: 'Delete it, or turn it into a Message node.',
    },
    silentLoop: {
      message:
        '"{{id}}" is in a loop where the bot never listens ({{route}}): the call would talk forever.',
      hint: 'Put a menu in the loop, or lead one of its outputs elsewhere.',
    },
  },
  edge: {
    unknownPort: {
      message:
        '"{{node}}" has a connection from an output it no longer has ("{{port}}"); it is ignored.',
      hint: 'Delete the connection.',
    },
    missingTarget: {
      message: 'The "{{port}}" output of "{{node}}" leads to "{{target}}", which does not exist.',
      hint: 'Connect it to an existing node.',
    },
  },
  port: {
    unconnected: {
      message:
        'The "{{port}}" output of "{{node}}" is not connected: if the call gets there, the bot hangs up.',
      hint: 'Connect it to the node that should come next.',
    },
  },
  text: {
    empty: {
      message: 'The {{text}} is empty: the bot would have nothing to say.',
      hint: 'Write the {{text}}.',
    },
    long: {
      message: 'The {{text}} takes about {{seconds}} s to say, and callers cannot interrupt it.',
      hint: 'Shorten it, or split it into several messages.',
    },
    invalidCharacter: {
      message:
        'The text at {{path}} holds a character a call cannot carry (a NUL, or half of an emoji).',
      hint: 'Retype that text: pasting from another program can bring such characters.',
    },
  },
  menu: {
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
      message: 'Option {{option}} has a keyword with no words ("{{keyword}}"); nobody can say it.',
      hint: 'Write a word the caller would say, or remove it.',
    },
    duplicateKeyword: {
      message:
        'The keyword "{{keyword}}" is also used by option {{owner}}; saying it chooses option {{owner}}.',
      hint: 'Use different words for different options.',
    },
    shadowedKeyword: {
      message: 'Saying "{{keyword}}" also says "{{other}}", which chooses option {{owner}} first.',
      hint: 'Make the keywords of different options not contain one another.',
    },
    noInputLoop: {
      message:
        'A caller who says nothing hears "{{node}}" again and again: its "no input" output leads back to it.',
      hint: 'Lead "no input" to a transfer or a goodbye.',
    },
  },
  schedule: {
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
  transfer: {
    noTeam: {
      message: 'This transfer has no team: the call would have nowhere to go.',
      hint: 'Choose the team that takes these calls.',
    },
  },
  fallbackBot: {
    noBot: {
      message: 'This fallback bot node names no bot: the call would be dropped.',
      hint: 'Choose the bot that carries on with the call.',
    },
  },
  aiAgent: {
    noInstructions: {
      message: 'The AI agent has no instructions, so it would not know its job.',
      hint: 'Describe who the agent is, what it may do, and when to transfer.',
    },
    noEndpoint: {
      message: 'The AI agent names no endpoint to answer it.',
      hint: 'Choose an endpoint (for example "default").',
    },
  },
  document: {
    notObject: {
      message:
        'A flow must be a JSON object with "schemaVersion", "settings", "nodes" and "layout".',
    },
    tooDeep: {
      message: 'The document is nested deeper than {{max}} levels; no flow looks like that.',
    },
    forbiddenKey: {
      message:
        'The document contains the key "{{key}}", which is never part of a flow and is refused for safety.',
      hint: 'Export the flow again from the designer.',
    },
    tooLarge: { message: 'The file is {{size}} MB; flows are at most {{max}} MB.' },
    invalidJson: { message: 'The file is not valid JSON ({{detail}}).' },
    noVersion: {
      message: 'This file has no "schemaVersion", so it is not a callbot flow (or it is damaged).',
      hint: 'Export the flow again from the designer.',
    },
    badVersion: { message: '"schemaVersion" must be a whole number from 1, not {{value}}.' },
    futureVersion: {
      message:
        'This flow was made by a newer version of the designer (document version {{version}}; this one reads up to {{current}}).',
      hint: 'Update the designer, or export the flow again from the version that made it.',
    },
    noMigration: { message: 'There is no way to upgrade a version {{version}} document.' },
    migrationFailed: {
      message: 'Upgrading the flow from version {{from}} to {{to}} failed: {{detail}}.',
    },
  },
};
