import { z } from 'zod';
import type { ActionRef } from '../../compiler/actions.ts';
import type { GuardRef, StateConfig, TransitionConfig } from '../../compiler/machineConfig.ts';
import {
  defineNodeKind,
  listenAction,
  nodeDiagnostic,
  type BaseNode,
  type CompileContext,
} from '../kind.ts';

export const aiAgentData = z.strictObject({
  /** What the model is told about its job (the system prompt). */
  instructions: z.string().max(8000),
  /** Which configured chat-completions endpoint answers; the embedding code resolves the name. */
  endpoint: z.string().max(120),
});
export type AiAgentData = z.infer<typeof aiAgentData>;

/**
 * An AI agent (agente de IA): turns come from a model as `agent.reply`
 * events. Unlike a drawn flow it listens while it speaks, so caller speech
 * cancels its prompt and goes to the agent (R17). A reply marked `done` or
 * `transfer` is said, then the matching port is taken. A reply that arrives
 * while an earlier one is being said cancels it and takes its place.
 */
export function compileAiAgent(
  node: BaseNode<'aiAgent', AiAgentData>,
  ctx: CompileContext,
): StateConfig {
  const cancelAndHear: ActionRef[] = [{ type: 'cancelSay' }, { type: 'agentHear' }];
  const replyIs = (ending: 'none' | 'done' | 'transfer', spoken: boolean): GuardRef => ({
    type: 'agentReplyIs',
    params: { ending, spoken },
  });
  const onReply: TransitionConfig[] = [
    {
      guard: replyIs('transfer', true),
      target: 'closingTransfer',
      actions: [{ type: 'sayReply' }],
    },
    { guard: replyIs('transfer', false), ...ctx.follow(node, 'transfer') },
    { guard: replyIs('done', true), target: 'closingDone', actions: [{ type: 'sayReply' }] },
    { guard: replyIs('done', false), ...ctx.follow(node, 'done') },
    { guard: replyIs('none', true), target: 'speaking', actions: [{ type: 'sayReply' }] },
  ];
  const closing = (port: 'done' | 'transfer'): StateConfig => ({
    tags: ['speaking', 'listening'],
    on: {
      'prompt.ended': [ctx.follow(node, port)],
      speech: [ctx.follow(node, port, [{ type: 'cancelSay' }])],
    },
  });
  return {
    meta: { node: node.id },
    // The agent listens from the moment it takes the call until it leaves (R17).
    entry: [
      ctx.enter(node),
      listenAction({ on: true, modes: ['speech'] }),
      {
        type: 'startAgent',
        params: {
          node: node.id,
          instructions: node.data.instructions,
          endpoint: node.data.endpoint,
        },
      },
    ],
    exit: [{ type: 'stopAgent', params: { node: node.id } }, listenAction({ on: false })],
    initial: 'waiting',
    states: {
      waiting: {
        tags: ['listening'],
        on: { speech: [{ actions: [{ type: 'agentHear' }] }], 'agent.reply': onReply },
      },
      speaking: {
        tags: ['speaking', 'listening'],
        on: {
          'prompt.ended': [{ target: 'waiting' }],
          speech: [{ target: 'waiting', actions: cancelAndHear }],
          // A newer turn of the agent supersedes the one being said.
          'agent.reply': onReply.map((t) => ({
            ...t,
            actions: [{ type: 'cancelSay' }, ...(t.actions ?? [])],
          })),
        },
      },
      closingDone: closing('done'),
      closingTransfer: closing('transfer'),
    },
  };
}

export const aiAgent = defineNodeKind({
  kind: 'aiAgent',
  title: 'AI agent',
  description: 'A language model talks with the caller; it can be interrupted.',
  dataSchema: aiAgentData,
  defaults: () => ({ instructions: '', endpoint: 'default' }),
  ports: () => [
    { id: 'done', label: 'done' },
    { id: 'transfer', label: 'transfer' },
  ],
  listens: true,
  validate: (node, ctx) => [
    ...(node.data.instructions.trim() === ''
      ? [
          nodeDiagnostic(node, ctx, {
            severity: 'error',
            code: 'aiAgent.noInstructions',
            field: 'data.instructions',
            message: 'The AI agent has no instructions, so it would not know its job.',
            hint: 'Describe who the agent is, what it may do, and when to transfer.',
          }),
        ]
      : []),
    ...(node.data.endpoint.trim() === ''
      ? [
          nodeDiagnostic(node, ctx, {
            severity: 'error',
            code: 'aiAgent.noEndpoint',
            field: 'data.endpoint',
            message: 'The AI agent names no endpoint to answer it.',
            hint: 'Choose an endpoint (for example "default").',
          }),
        ]
      : []),
  ],
  compile: compileAiAgent,
});
