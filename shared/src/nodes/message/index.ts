import { z } from 'zod';
import { defineNodeKind, sayAction } from '../kind.ts';
import { checkSpokenText, spokenTextSchema } from '../text.ts';

export const messageData = z.strictObject({
  text: spokenTextSchema,
});

/** Says a text and goes on. The caller cannot interrupt it (R17). */
export const message = defineNodeKind({
  kind: 'message',
  title: 'Message',
  description: 'Says a text, then goes on.',
  dataSchema: messageData,
  defaults: () => ({ text: '' }),
  ports: () => [{ id: 'next', label: 'next' }],
  listens: false,
  validate: (node, ctx) => checkSpokenText(node, ctx, 'data.text', node.data.text, 'message'),
  compile: (node, ctx) => ({
    tags: ['speaking'],
    meta: { node: node.id },
    entry: [ctx.enter(node), sayAction(node.data.text)],
    on: { 'prompt.ended': [ctx.follow(node, 'next')] },
  }),
});
