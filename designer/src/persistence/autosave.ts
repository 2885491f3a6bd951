import type { FlowDocument } from '@callbot/shared';
import { RevisionConflictError } from './errors.ts';

/**
 * - `saved`: everything scheduled is written.
 * - `saving`: changes wait for the timer or are being written.
 * - `error`: the last write failed; the document is kept in memory and the
 *   next `schedule` or `flush` tries again.
 * - `conflict`: another tab saved the flow meanwhile; the document is kept in
 *   memory, and only `flush()` tries again (once the UI has settled the
 *   conflict, e.g. by adopting the other tab's revision).
 */
export type AutosaveStatus = 'saved' | 'saving' | 'error' | 'conflict';

export interface AutosaveState {
  status: AutosaveStatus;
  /** The failure behind `error` or `conflict` (a `StorageError` or `RevisionConflictError`); otherwise null. */
  error: Error | null;
  /** A document is waiting to be written (unsaved changes exist). */
  pending: boolean;
}

export interface AutosaverOptions<D> {
  /** Writes one document; rejects on failure (e.g. `repo.save` with the current revision). */
  save: (doc: D) => Promise<void>;
  /** A change is written at most this long after it is scheduled. */
  delayMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface Autosaver<D> {
  /** Keeps `doc` as the latest document and writes it within `delayMs`. */
  schedule(doc: D): void;
  /**
   * Writes the latest document now (after the write in flight, if any), e.g.
   * on `pagehide` or before "Save version". Never rejects: the outcome is
   * the returned state.
   */
  flush(): Promise<AutosaveState>;
  readonly state: AutosaveState;
  /** Called with every new state; returns the unsubscribe. */
  subscribe(listener: (state: AutosaveState) => void): () => void;
  /** Stops the timer and forgets the listeners; a pending document is dropped (flush first). */
  dispose(): void;
}

const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error(String(error));

/**
 * Debounced saving of the document being edited. A change is written at most
 * `delayMs` after it is scheduled, however fast more changes come (typing
 * never postpones the write, so closing the tab loses at most `delayMs`);
 * the write always takes the latest document; writes never overlap.
 *
 * @example
 * let revision = opened.revision;
 * const autosaver = createAutosaver<FlowDocument>({
 *   save: async (doc) => { revision = await repo.save(id, doc, revision); },
 * });
 * store.subscribe((s) => autosaver.schedule(s.doc));
 * window.addEventListener('pagehide', () => void autosaver.flush());
 */
export function createAutosaver<D = FlowDocument>(options: AutosaverOptions<D>): Autosaver<D> {
  const {
    save,
    delayMs = 400,
    setTimer = (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimer = (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  } = options;

  let state: AutosaveState = { status: 'saved', error: null, pending: false };
  const listeners = new Set<(state: AutosaveState) => void>();
  /** The latest document not yet written, tagged so a write knows whether it is still the latest. */
  let pending: { doc: D; seq: number } | null = null;
  let seq = 0;
  let timer: { handle: unknown } | null = null;
  /** The write loop runs (`busy`, cleared the moment it decides to stop): never two. */
  let busy = false;
  let running: Promise<void> = Promise.resolve();
  /** A write was asked for while another was in flight. */
  let again = false;
  let disposed = false;

  function set(next: Partial<AutosaveState>) {
    state = { ...state, ...next, pending: pending !== null };
    for (const listener of [...listeners]) listener(state);
  }

  function stopTimer() {
    if (timer) clearTimer(timer.handle);
    timer = null;
  }

  async function loop(): Promise<void> {
    try {
      do {
        again = false;
        if (!pending || disposed) return;
        const { doc, seq: writing } = pending;
        set({ status: 'saving', error: null });
        try {
          await save(doc);
        } catch (error) {
          // Keep the document; say why; the next schedule or flush retries.
          const failure = asError(error);
          const status = failure instanceof RevisionConflictError ? 'conflict' : 'error';
          set({ status, error: failure });
          return;
        }
        if (pending?.seq === writing) pending = null;
        // Newer changes have their timer running, or asked for a write (`again`).
        set({ status: pending ? 'saving' : 'saved', error: null });
      } while (again);
    } finally {
      busy = false;
    }
  }

  function write(): Promise<void> {
    if (busy) {
      again = true;
      return running;
    }
    busy = true;
    running = loop();
    return running;
  }

  return {
    schedule(doc) {
      if (disposed) return;
      pending = { doc, seq: ++seq };
      if (state.status === 'conflict') {
        set({});
        return;
      }
      set(state.status === 'saved' ? { status: 'saving' } : {});
      // Not restarted by later changes: a change waits at most `delayMs`.
      timer ??= {
        handle: setTimer(() => {
          timer = null;
          if (state.status !== 'conflict') void write();
        }, delayMs),
      };
    },

    async flush() {
      stopTimer();
      await write();
      return state;
    },

    get state() {
      return state;
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    dispose() {
      disposed = true;
      stopTimer();
      listeners.clear();
    },
  };
}
