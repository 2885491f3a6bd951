import type { Clock } from './clock.ts';

interface Timer {
  id: number;
  at: number;
  fn: () => void;
}

/**
 * Virtual time: nothing happens until it is moved on, and then timers fire in
 * order of their due time (ties in the order they were set). A ten-minute call
 * runs in milliseconds, and the same inputs always give the same run.
 *
 * @example
 * const clock = new VirtualClock(Date.parse('2026-11-24T10:00:00-03:00'));
 * clock.setTimeout(() => console.log('5 s later'), 5000);
 * clock.advance(5000); // prints
 */
export class VirtualClock implements Clock {
  #now: number;
  #nextId = 1;
  #timers: Timer[] = [];

  constructor(startMs = 0) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): number {
    const timer = { id: this.#nextId++, at: this.#now + Math.max(0, ms), fn };
    // Keep the list sorted by due time; equal times stay in creation order.
    let i = this.#timers.length;
    while (i > 0 && this.#timers[i - 1]!.at > timer.at) i--;
    this.#timers.splice(i, 0, timer);
    return timer.id;
  }

  clearTimeout(id: unknown): void {
    const i = this.#timers.findIndex((t) => t.id === id);
    if (i >= 0) this.#timers.splice(i, 1);
  }

  /** When the next timer is due, if any. */
  nextDue(): number | undefined {
    return this.#timers[0]?.at;
  }

  /** Moves to the next due timer and runs it; false when none is left. */
  runNext(): boolean {
    const timer = this.#timers.shift();
    if (!timer) return false;
    this.#now = Math.max(this.#now, timer.at);
    timer.fn();
    return true;
  }

  /** Moves time on by `ms`, running every timer that falls due, in order. */
  advance(ms: number): void {
    this.advanceTo(this.#now + ms);
  }

  /** Moves time on to `at` (epoch ms), running every timer due by then. */
  advanceTo(at: number): void {
    while (this.#timers.length > 0 && this.#timers[0]!.at <= at) this.runNext();
    this.#now = Math.max(this.#now, at);
  }
}
