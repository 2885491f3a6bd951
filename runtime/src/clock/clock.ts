/**
 * Time, injected. Sessions never read the wall clock or start raw timers:
 * they ask a Clock, so tests and the simulator run calls in virtual time.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: unknown): void;
}
