/**
 * The calls in progress, pushed to the open live streams of a workspace.
 * A call moves at each webhook, served by any instance, and its state is in
 * the database: so each instance reads the calls in progress of the
 * workspaces it has live viewers for, one indexed query per workspace per
 * tick (`everyMs`, default 1 s), whoever watches, and sends a snapshot when
 * it changed. Instances need no message between them, and the webhooks pay
 * nothing for it (no NOTIFY per request).
 */
import type { LiveCall, LiveCalls } from '@callbot/shared';

export interface LiveTimer {
  now(): number;
  /** Calls `fn` every `ms`; returns what stops it. */
  every(ms: number, fn: () => void): () => void;
}

export const realLiveTimer: LiveTimer = {
  now: () => Date.now(),
  every(ms, fn) {
    const timer = setInterval(fn, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

export interface LiveCallsHub {
  /** Hears workspace `ws`'s snapshots (the first as soon as it is read); returns the unsubscribe. */
  subscribe(ws: string, listener: (snapshot: LiveCalls) => void): () => void;
  /** Reads every watched workspace now (what each tick does). */
  refresh(): Promise<void>;
}

export function snapshotOf(calls: LiveCall[], at: number): LiveCalls {
  const counts = { speaking: 0, listening: 0, queued: 0 };
  for (const call of calls) counts[call.state]++;
  return { type: 'live', at: new Date(at).toISOString(), calls, counts };
}

/**
 * @example
 * const hub = createLiveCallsHub((ws) => calls.live(ws), realLiveTimer);
 */
export function createLiveCallsHub(
  read: (ws: string) => Promise<LiveCall[]>,
  timer: LiveTimer,
  { everyMs = 1000, log = () => {} }: { everyMs?: number; log?: (line: string) => void } = {},
): LiveCallsHub {
  const watched = new Map<
    string,
    { listeners: Set<(s: LiveCalls) => void>; last: string | null; snapshot: LiveCalls | null }
  >();
  let stop: (() => void) | null = null;
  let reading = false;

  async function readOne(ws: string) {
    const entry = watched.get(ws);
    if (!entry) return;
    const calls = await read(ws);
    const key = JSON.stringify(calls);
    if (key === entry.last) return;
    entry.last = key;
    entry.snapshot = snapshotOf(calls, timer.now());
    for (const listener of [...entry.listeners]) listener(entry.snapshot);
  }

  async function refresh() {
    if (reading) return;
    reading = true;
    try {
      for (const ws of [...watched.keys()]) {
        await readOne(ws).catch((error: unknown) =>
          log(`live calls: cannot read workspace ${ws}: ${(error as Error)?.message}`),
        );
      }
    } finally {
      reading = false;
    }
  }

  return {
    subscribe(ws, listener) {
      let entry = watched.get(ws);
      if (!entry) {
        entry = { listeners: new Set(), last: null, snapshot: null };
        watched.set(ws, entry);
      }
      entry.listeners.add(listener);
      if (entry.snapshot) listener(entry.snapshot);
      else void readOne(ws).catch(() => {});
      stop ??= timer.every(everyMs, () => void refresh());
      return () => {
        const current = watched.get(ws);
        current?.listeners.delete(listener);
        if (current?.listeners.size === 0) watched.delete(ws);
        if (watched.size === 0 && stop) {
          stop();
          stop = null;
        }
      };
    },
    refresh,
  };
}
