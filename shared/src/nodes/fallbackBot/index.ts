import { z } from 'zod';
import { defineNodeKind, nodeDiagnostic } from '../kind.ts';

export const fallbackBotData = z.strictObject({
  /** Id of the bot (bot de contingência) that carries on with the call. */
  bot: z.string().max(120),
});

/** Hands the call to another bot, e.g. when no agent is available (R16). Ends the flow. */
export const fallbackBot = defineNodeKind({
  kind: 'fallbackBot',
  title: 'Fallback bot',
  description: 'Hands the call to another bot, which carries on.',
  dataSchema: fallbackBotData,
  defaults: () => ({ bot: '' }),
  ports: () => [],
  listens: false,
  validate: (node, ctx) =>
    node.data.bot.trim() === ''
      ? [
          nodeDiagnostic(node, ctx, {
            severity: 'error',
            code: 'fallbackBot.noBot',
            field: 'data.bot',
            message: 'This fallback bot node names no bot: the call would be dropped.',
            hint: 'Choose the bot that carries on with the call.',
          }),
        ]
      : [],
  compile: (node, ctx) => ({
    meta: { node: node.id },
    entry: [ctx.enter(node)],
    always: [
      {
        target: ctx.finalTarget('handed_off'),
        actions: [{ type: 'handoff', params: { bot: node.data.bot } }],
      },
    ],
  }),
});
