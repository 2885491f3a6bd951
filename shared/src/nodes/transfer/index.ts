import { z } from 'zod';
import { defineNodeKind, nodeDiagnostic } from '../kind.ts';

export const transferData = z.strictObject({
  /** The team (equipe de atendimento) whose queue takes the call. */
  team: z.string().max(120),
});

/**
 * Transfers the caller to a team. The runtime asks its agent directory first:
 * with nobody available the node takes `noAgents` at once, without ringing
 * (R16). A transfer that rings and is not answered takes `failed`; an
 * answered one ends the flow (outcome `transferred`).
 */
export const transfer = defineNodeKind({
  kind: 'transfer',
  title: 'Transfer to team',
  description: 'Puts the caller through to a team of agents.',
  dataSchema: transferData,
  defaults: () => ({ team: '' }),
  ports: () => [
    { id: 'noAgents', label: 'no agents' },
    { id: 'failed', label: 'failed' },
  ],
  listens: false,
  validate: (node, ctx) =>
    node.data.team.trim() === ''
      ? [
          nodeDiagnostic(node, ctx, {
            severity: 'error',
            code: 'transfer.noTeam',
            field: 'data.team',
            message: 'This transfer has no team: the call would have nowhere to go.',
            hint: 'Choose the team that takes these calls.',
          }),
        ]
      : [],
  compile: (node, ctx) => {
    const team = node.data.team;
    return {
      meta: { node: node.id },
      entry: [ctx.enter(node)],
      initial: 'checking',
      states: {
        checking: {
          always: [
            { guard: { type: 'agentsAvailable', params: { team } }, target: 'ringing' },
            ctx.follow(node, 'noAgents', [{ type: 'noAgents', params: { team } }]),
          ],
        },
        ringing: {
          entry: [{ type: 'transfer', params: { team } }],
          on: {
            'transfer.result': [
              { guard: { type: 'transferAnswered' }, target: ctx.finalTarget('transferred') },
              ctx.follow(node, 'failed'),
            ],
          },
        },
      },
    };
  },
});
