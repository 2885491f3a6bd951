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
