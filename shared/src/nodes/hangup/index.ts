import { z } from 'zod';
import type { ByLanguage } from '../../document/language.ts';
import { defineNodeKind, sayAction } from '../kind.ts';
import { checkSpokenText, spokenTextSchema } from '../text.ts';

/** A new hang-up's goodbye, in each flow language. */
const defaultText: ByLanguage<string> = {
  'pt-BR': 'Obrigado pela ligação. Até logo.',
  es: 'Gracias por su llamada. Hasta luego.',
  en: 'Thank you for calling. Goodbye.',
};

export const hangupData = z.strictObject({
  /** Goodbye said before hanging up; nothing is said when empty. */
  text: spokenTextSchema,
});

/** Says an optional goodbye, then hangs up (outcome `hung_up`). */
export const hangup = defineNodeKind({
  kind: 'hangup',
  title: 'Hang up',
  description: 'Says goodbye and ends the call.',
  dataSchema: hangupData,
  defaults: (language) => ({ text: defaultText[language] }),
  ports: () => [],
  listens: false,
  validate: (node, ctx) =>
    checkSpokenText(node, ctx, 'data.text', node.data.text, 'goodbye', false),
  compile: (node, ctx) => {
    const end = {
      target: ctx.finalTarget('hung_up'),
      actions: [{ type: 'hangup' as const, params: { reason: 'flow_ended' } }],
    };
    if (node.data.text.trim() === '') {
      return { meta: { node: node.id }, entry: [ctx.enter(node)], always: [end] };
    }
    return {
      meta: { node: node.id },
      entry: [ctx.enter(node)],
      initial: 'goodbye',
      states: {
        goodbye: {
          tags: ['speaking'],
          entry: [sayAction(node.data.text)],
          on: { 'prompt.ended': [end] },
        },
      },
    };
  },
});
