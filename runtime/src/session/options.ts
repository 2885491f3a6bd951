import type { AgentAdapter } from '../agents/adapter.ts';
import type { Clock } from '../clock/clock.ts';

/**
 * How many agents of a team can take a call right now (R16).
 *
 * @example
 * const directory: AgentDirectory = (team) => acd.availableAgents(team);
 */
export type AgentDirectory = (team: string) => number;

/**
 * Safety caps: every run of a flow is bounded.
 *
 * @example
 * const limits: SessionLimits = { maxSilentSteps: 20, maxNodeEntries: 10 };
 */
export interface SessionLimits {
  /**
   * Times the flow may come back to a node it has already entered since the
   * bot last listened: a flow talking to itself in a loop. A long flow
   * without a loop (a greeting, 500 messages, a goodbye) never reaches it.
   */
  maxSilentSteps: number;
  /** Times one node may be entered in a call. */
  maxNodeEntries: number;
}

/**
 * The caps a session applies unless told otherwise.
 *
 * @example
 * createCallSession(flow, { limits: { ...DEFAULT_LIMITS, maxNodeEntries: 20 } });
 */
export const DEFAULT_LIMITS: Readonly<SessionLimits> = Object.freeze({
  maxSilentSteps: 100,
  maxNodeEntries: 50,
});

/**
 * What a session is given besides its flow.
 *
 * @example
 * const options: CallSessionOptions = { clock: new VirtualClock(), directory: () => 1 };
 */
export interface CallSessionOptions {
  /** Where time comes from: `realClock` (the default) for live calls, a `VirtualClock` for tests and the simulator. */
  clock?: Clock;
  /** Asked before every transfer; without one, no team has agents. */
  directory?: AgentDirectory;
  /** Answers aiAgent nodes; without one, agent turns must come as `agent.reply` events. */
  agent?: AgentAdapter;
  limits?: Partial<SessionLimits>;
}

/** The limits of `options`, sharing the defaults' object when nothing is overridden. */
export const limitsOf = (options: CallSessionOptions): Readonly<SessionLimits> =>
  options.limits ? { ...DEFAULT_LIMITS, ...options.limits } : DEFAULT_LIMITS;
