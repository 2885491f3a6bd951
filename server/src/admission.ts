/**
 * Load shedding: which webhooks are served now and which are held (a pause
 * and the same request again, without the database), decided when a request
 * arrives, from two signals that cost nothing to read:
 *
 * - the webhooks being served (`inFlight`), bounded by `maxInFlight`;
 * - how late the event loop runs (`lagMs`): past capacity, requests wait
 *   in the socket buffers and the accept queue before the process even sees
 *   them, where no count of requests in flight reaches them; a late loop is
 *   the sign that they do.
 *
 * New calls go first. They are let in at a rate found as TCP finds its
 * window (additive increase, multiplicative decrease). A `windowMs` is late
 * when the loop ran late at every request that came in it, and requests
 * kept coming over at least half of it (as CoDel judges a queue by its least
 * delay: a loop that falls behind its own work is late all along, one on a
 * busy host only now and then, or at one burst), and at least
 * `busyRequests` came (a loop late with little traffic is late for another
 * reason, that holding calls would not help). A late window halves the rate;
 * each other window raises it by a 32nd (and one): slowly, as a call let in
 * brings its next requests only after its caller has listened, a second or
 * more later (a faster rise, tried in a model of such calls, overshoots and
 * leaves calls in progress waiting). So past capacity the server starts
 * about as many calls as it can carry, never none, and the rest wait to
 * start. A new call is also held at half of `maxInFlight`, a request
 * of a call in progress only at all of it, and a status callback never
 * (TwiML cannot retry it, and it is the call's record). So calls in
 * progress keep their latency.
 */
import { performance } from 'node:perf_hooks';

/** Whose request it is: a new call, one in progress, or one never held. */
export type Priority = 'new' | 'in-progress' | 'always';

export interface AdmissionOptions {
  /** Webhooks served at once: new calls are held at half of it, every request at all of it. */
  maxInFlight: number;
  /** The event loop's lateness, in ms, past which fewer new calls are let in. */
  maxLagMs: number;
  /** How late the event loop runs now, in ms. */
  lagMs: () => number;
  /** A monotonic clock, in ms. */
  now: () => number;
  /** The rate's window (default 100 ms). */
  windowMs?: number;
  /** New calls a second let in at most and at least (defaults 1,000 and 1). */
  maxRate?: number;
  minRate?: number;
  /** Webhooks in a window for a late loop to count (default 5). */
  busyRequests?: number;
}

export interface Admission {
  /** Whether to serve a request now; when it says yes, call `leave` once it is answered. */
  enter(priority: Priority): boolean;
  leave(): void;
  readonly inFlight: number;
  /** New calls let in a second now. */
  readonly newCallRate: number;
  /** Whether new calls are being held now: one was in the last second. */
  readonly sheddingNewCalls: boolean;
  /** Requests held so far. */
  readonly shed: number;
}

export function createAdmission(options: AdmissionOptions): Admission {
  const { maxInFlight, maxLagMs } = options;
  const windowMs = options.windowMs ?? 100;
  const maxRate = options.maxRate ?? 1000;
  const minRate = options.minRate ?? 1;
  const busyRequests = options.busyRequests ?? 5;
  let inFlight = 0;
  let shed = 0;
  let rate = maxRate;
  /** A token bucket's most: one window's worth of new calls, and at least one. */
  const capacity = () => Math.max(1, (rate * windowMs) / 1000);
  /** New calls that may start now. */
  let tokens = capacity();
  let refilledAt = options.now();
  let windowStart = refilledAt;
  /** The least lateness seen in this window, the webhooks that came in it, and when the first and last came. */
  let leastLag = Number.POSITIVE_INFINITY;
  let requests = 0;
  let firstAt = 0;
  let lastAt = 0;
  let newCallShedAt = Number.NEGATIVE_INFINITY;

  /** Reads the signals for a request that came, ends the window when it is over, and refills the bucket. */
  function observe(): void {
    const now = options.now();
    const ended = Math.floor((now - windowStart) / windowMs);
    if (ended > 0) {
      // The window that ended, then the quiet ones since (nothing came in them).
      const overloaded =
        leastLag >= maxLagMs && requests >= busyRequests && lastAt - firstAt >= windowMs / 2;
      for (let i = 0; i < Math.min(ended, 100); i++) {
        rate =
          i === 0 && overloaded
            ? Math.max(minRate, rate / 2)
            : Math.min(maxRate, rate + rate / 32 + 1);
      }
      windowStart += ended * windowMs;
      leastLag = Number.POSITIVE_INFINITY;
      requests = 0;
    }
    if (requests === 0) firstAt = now;
    requests++;
    lastAt = now;
    leastLag = Math.min(leastLag, options.lagMs());
    tokens = Math.min(capacity(), tokens + ((now - refilledAt) * rate) / 1000);
    refilledAt = now;
  }

  function admitsNewCall(): boolean {
    if (inFlight >= maxInFlight / 2 || tokens < 1) {
      newCallShedAt = options.now();
      return false;
    }
    tokens -= 1;
    return true;
  }

  return {
    enter(priority) {
      observe();
      const admitted =
        priority === 'always' || (priority === 'new' ? admitsNewCall() : inFlight < maxInFlight);
      if (!admitted) {
        shed++;
        return false;
      }
      inFlight++;
      return true;
    },
    leave() {
      inFlight--;
    },
    get inFlight() {
      return inFlight;
    },
    get newCallRate() {
      return rate;
    },
    get sheddingNewCalls() {
      return options.now() - newCallShedAt < 1000 || inFlight >= maxInFlight / 2;
    },
    get shed() {
      return shed;
    },
  };
}

/**
 * How late the event loop runs, sampled by a timer every `intervalMs`: the
 * lateness of its last tick, or, while a tick is overdue (the loop is busy
 * with a burst of requests now), how overdue it is. Stop it to let the
 * process exit.
 */
export function startLagMonitor(intervalMs = 10): { lagMs(): number; stop(): void } {
  let last = 0;
  let expected = performance.now() + intervalMs;
  const timer = setInterval(() => {
    const now = performance.now();
    last = Math.max(0, now - expected);
    expected = now + intervalMs;
  }, intervalMs);
  timer.unref();
  return {
    lagMs: () => Math.max(last, performance.now() - expected),
    stop: () => clearInterval(timer),
  };
}
