import { speechMatches } from '../nodes/menu/match.ts';
import { scheduleStatusAt } from '../schedules/evaluate.ts';
import type { ScheduleStatus, WeeklyRange } from '../schedules/schema.ts';
import type { CallEvent, MachineEvent } from './events.ts';
import type { MachineContext } from './machineConfig.ts';

/** What guards may ask of the world; the runtime supplies it (virtual time in tests and the simulator). */
export interface GuardEnv {
  /** The call's current moment, in epoch ms. */
  now(): number;
  /** How many agents of a team can take a call right now (R16). */
  agentsAvailable(team: string): number;
}

export interface GuardArgs {
  context: MachineContext;
  event: MachineEvent;
  params: Record<string, unknown>;
  env: GuardEnv;
}

/** How an AI agent's reply ends its turn. */
export const replyEnding = (event: Extract<CallEvent, { type: 'agent.reply' }>) =>
  event.transfer ? 'transfer' : event.done ? 'done' : 'none';

/**
 * The guards the compiler refers to by name, as pure functions. The runtime
 * binds them into xstate with `setup({ guards })`; tests do the same.
 */
export const guardImplementations = {
  /** The caller pressed this key. */
  dtmfIs: ({ event, params }: GuardArgs) => event.type === 'dtmf' && event.digit === params.digit,
  /** The caller said one of these keywords (case and accents ignored). */
  speechMatches: ({ event, params }: GuardArgs) =>
    event.type === 'speech' && speechMatches(event.text, params.keywords as string[]),
  /** A menu counter has not reached its maximum yet. */
  below: ({ context, params }: GuardArgs) =>
    context[params.counter as 'noInput' | 'noMatch'] < (params.max as number),
  /** The schedule says this about the call's current moment. */
  scheduleIs: ({ params, env }: GuardArgs) => {
    const timeZone = params.timeZone as string;
    const schedule = {
      timeZone,
      weekly: params.weekly as WeeklyRange[],
      holidays: (params.holidays as string[]).map((date) => ({ date })),
    };
    return scheduleStatusAt(schedule, env.now(), timeZone) === (params.status as ScheduleStatus);
  },
  /** The team has at least one agent available. */
  agentsAvailable: ({ params, env }: GuardArgs) => env.agentsAvailable(params.team as string) > 0,
  /** The transfer was answered. */
  transferAnswered: ({ event }: GuardArgs) =>
    event.type === 'transfer.result' && event.outcome === 'answered',
  /** Nobody took the transfer: it rang out (`no_answer`) or every agent was busy (R16). */
  transferUnanswered: ({ event }: GuardArgs) =>
    event.type === 'transfer.result' && (event.outcome === 'no_answer' || event.outcome === 'busy'),
  /** An AI agent's reply ends this way, with or without something to say. */
  agentReplyIs: ({ event, params }: GuardArgs) =>
    event.type === 'agent.reply' &&
    replyEnding(event) === params.ending &&
    (event.text.trim() !== '') === params.spoken,
} satisfies Record<string, (args: GuardArgs) => boolean>;

export type GuardName = keyof typeof guardImplementations;

/** The guards' params as xstate's `setup` takes them (see `ActionCatalogue`). */
export type GuardCatalogue = { [K in GuardName]: Record<string, unknown> };

/** A guard as xstate's `setup({ guards })` calls it. */
export type BoundGuard<TContext extends MachineContext> = (
  args: { context: TContext; event: MachineEvent },
  params: Record<string, unknown> | undefined,
) => boolean;

/**
 * Every guard, bound for xstate: each reads the world from `envOf(context)`,
 * so one machine serves many calls, each with its own clock and directory.
 *
 * @example
 * setup({ guards: bindGuards(() => ({ now: () => clock.now(), agentsAvailable: () => 1 })) });
 */
export function bindGuards<TContext extends MachineContext>(
  envOf: (context: TContext) => GuardEnv,
): { [K in GuardName]: BoundGuard<TContext> } {
  const bind =
    (name: GuardName): BoundGuard<TContext> =>
    ({ context, event }, params) =>
      guardImplementations[name]({ context, event, params: params ?? {}, env: envOf(context) });
  return {
    dtmfIs: bind('dtmfIs'),
    speechMatches: bind('speechMatches'),
    below: bind('below'),
    scheduleIs: bind('scheduleIs'),
    agentsAvailable: bind('agentsAvailable'),
    transferAnswered: bind('transferAnswered'),
    transferUnanswered: bind('transferUnanswered'),
    agentReplyIs: bind('agentReplyIs'),
  };
}
