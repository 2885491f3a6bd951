import { z } from 'zod';
import type { ByLanguage } from '../../document/language.ts';
import { defineNodeKind, sayAction } from '../kind.ts';
import { checkSpokenText, spokenTextSchema } from '../text.ts';

/** A new flow's initial message, in each flow language. */
const defaultText: ByLanguage<string> = {
  'pt-BR': 'Olá! Obrigado por ligar.',
  es: '¡Hola! Gracias por llamar.',
  en: 'Hello! Thank you for calling.',
};

export const greetingData = z.strictObject({
  /** The initial message, said as soon as the call is answered. */
  text: spokenTextSchema,
});

/**
 * The start of every flow: the initial message (mensagem inicial). The bot
 * does not listen while it speaks, nor before the first menu (R17, R18).
 */
export const greeting = defineNodeKind({
  kind: 'greeting',
  title: 'Greeting',
  description: 'Where every call starts: the initial message.',
  dataSchema: greetingData,
  defaults: (language) => ({ text: defaultText[language] }),
  ports: () => [{ id: 'next', label: 'next' }],
  listens: false,
  validate: (node, ctx) => checkSpokenText(node, ctx, 'data.text', node.data.text, 'greeting'),
  compile: (node, ctx) => ({
    tags: ['speaking'],
    meta: { node: node.id },
    entry: [ctx.enter(node), sayAction(node.data.text)],
    on: { 'prompt.ended': [ctx.follow(node, 'next')] },
  }),
});
