/* eslint-disable no-restricted-syntax --
   This is the one place that reads the wall clock and starts real timers:
   every other piece of the runtime goes through the Clock it is given. */
import type { Clock } from './clock.ts';

declare function setTimeout(fn: () => void, ms: number): unknown;
declare function clearTimeout(id: unknown): void;

/**
 * Wall-clock time and real timers, for live calls (the sessions' default).
 *
 * @example
 * const session = createCallSession(flow, { clock: realClock });
 */
export const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
};
