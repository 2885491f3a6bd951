import { z } from 'zod';
import { defineNodeKind, nodeDiagnostic } from '../kind.ts';

/** How long a caller waits in a team's queue by default before the no-agents path (R16). */
export const DEFAULT_MAX_WAIT_SECONDS = 120;
/** The bounds of the wait: long enough to ring an agent, short enough not to strand a caller. */
export const MAX_WAIT_BOUNDS = { min: 10, max: 1800 } as const;

export const transferData = z.strictObject({
  /** The team (equipe de atendimento) whose queue takes the call. */
  team: z.string().max(120),
  /**
   * What the caller hears while waiting in the queue, said again until an
   * agent answers; absent or empty: hold music.
   */
  waitMessage: z.string().max(500).optional(),
  /** How long the caller waits at most, in seconds, before the no-agents path; `DEFAULT_MAX_WAIT_SECONDS` when absent. */
  maxWaitSeconds: z
    .int('the maximum wait is a whole number of seconds')
    .min(MAX_WAIT_BOUNDS.min, `the maximum wait is at least ${MAX_WAIT_BOUNDS.min} seconds`)
    .max(
      MAX_WAIT_BOUNDS.max,
      `the maximum wait is at most ${MAX_WAIT_BOUNDS.max} seconds (30 minutes)`,
    )
    .optional(),
});

/**
 * Transfers the caller to a team. The runtime asks its agent directory first:
 * with nobody available the node takes `noAgents` at once, without ringing
 * (R16). Otherwise the caller waits in the team's queue, hearing the wait
 * message (or hold music), for at most `maxWaitSeconds`: when no agent has
 * answered by then (`timer.queue`, on the runtime's clock) the node takes
 * `noAgents` too, and so does a transfer that nobody took (`transfer.result`
 * `no_answer`, e.g. a `<Dial timeout>` that rang out, or `busy`): no agent
 * answering is the flow's "no agents" decision (R16). A transfer that fails
 * (`failed`: the call could not be put through) takes `failed`; an answered
 * one ends the flow (outcome `transferred`).
 */
export const transfer = defineNodeKind({
  kind: 'transfer',
  title: 'Transfer to team',
  description: 'Puts the caller through to a team of agents.',
  dataSchema: transferData,
  defaults: (): z.infer<typeof transferData> => ({ team: '' }),
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
    const { team, waitMessage } = node.data;
    const maxWaitMs = (node.data.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS) * 1000;
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
          entry: [
            {
              type: 'transfer',
              params: { team, maxWaitMs, ...(waitMessage?.trim() && { waitMessage }) },
            },
          ],
          on: {
            'transfer.result': [
              { guard: { type: 'transferAnswered' }, target: ctx.finalTarget('transferred') },
              // Nobody took it (rang out, busy): no agent answered, the "no agents" path (R16).
              { guard: { type: 'transferUnanswered' }, ...ctx.follow(node, 'noAgents') },
              ctx.follow(node, 'failed'),
            ],
            // Waited the longest the node allows in the queue: nobody could take the call.
            'timer.queue': [ctx.follow(node, 'noAgents', [{ type: 'noAgents', params: { team } }])],
          },
        },
      },
    };
  },
});
