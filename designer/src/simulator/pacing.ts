import type { SimulatorStore } from './store.ts';

export interface PacingOptions {
  /** A monotonic wall clock in ms (`performance.now` in the browser). */
  now?: () => number;
  /** How often time moves on, in wall-clock ms. */
  everyMs?: number;
}

/**
 * Moves the simulated call's virtual time with the wall clock, at the
 * setup's speed, until the returned stop is called. This is the only place
 * the simulator uses real timers.
 *
 * @example
 * const stop = startPacing(sim);
 * // ...when the panel closes:
 * stop();
 */
export function startPacing(store: SimulatorStore, options: PacingOptions = {}): () => void {
  const now = options.now ?? (() => performance.now());
  let last = now();
  const timer = setInterval(() => {
    const at = now();
    store.getState().tick(at - last);
    last = at;
  }, options.everyMs ?? 50);
  return () => clearInterval(timer);
}
