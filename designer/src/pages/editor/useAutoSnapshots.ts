import { useEffect, useEffectEvent } from 'react';
import type { FlowDocument } from '@callbot/shared';
import { useRepository } from '../../app/RepositoryContext.tsx';
import type { EditorStore } from '../../editor/store.ts';
import type { FlowEditing } from './useFlowEditing.ts';
import { AUTO_NOTES } from '../../versions/versionNames.ts';

/** How long editing goes on before an automatic snapshot is taken. */
export const AUTO_SNAPSHOT_INTERVAL_MS = 5 * 60_000;

/** Notes of the automatic snapshots (stored as is; the versions list names them in the UI language). */
export const EDITING_NOTE = AUTO_NOTES.editing;
export const LEFT_NOTE = AUTO_NOTES.left;

export interface AutoSnapshotsOptions {
  store: EditorStore;
  /** Stores the current document as an automatic version with this note; rejects when it cannot. */
  snapshot: (note: string) => Promise<void>;
  intervalMs?: number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export interface AutoSnapshots {
  /** Snapshots now if the flow changed since the last snapshot (the editor is being left). */
  leave(): Promise<void>;
  /** Stops watching the store; a timer running is dropped. */
  dispose(): void;
}

/**
 * Automatic snapshots while a flow is edited, outside React: the first change
 * after a snapshot starts a timer of `intervalMs`, and when it runs out the
 * flow is snapshotted (`EDITING_NOTE`), once, however many changes came
 * meanwhile. `leave()` snapshots what changed since (`LEFT_NOTE`). A document
 * that is the one last snapshotted (nothing changed, or changes undone) is
 * never snapshotted again. The repository keeps the newest automatic
 * versions only, so they never pile up.
 *
 * @example
 * const snapshots = createAutoSnapshots({ store, snapshot: (note) => saveAutoVersion(note) });
 * window.addEventListener('pagehide', () => void snapshots.leave());
 */
export function createAutoSnapshots(options: AutoSnapshotsOptions): AutoSnapshots {
  const {
    store,
    snapshot,
    intervalMs = AUTO_SNAPSHOT_INTERVAL_MS,
    setTimer = (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimer = (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  } = options;
  /** The document of the last snapshot (the one opened counts: it was snapshotted on opening). */
  let last: FlowDocument = store.getState().doc;
  let timer: { handle: unknown } | null = null;
  /** Snapshots run one after another. */
  let queue: Promise<void> = Promise.resolve();

  const stopTimer = () => {
    if (timer) clearTimer(timer.handle);
    timer = null;
  };

  const take = (note: string): Promise<void> => {
    queue = queue.then(async () => {
      const doc = store.getState().doc;
      if (doc === last) return;
      try {
        await snapshot(note);
        last = doc;
      } catch {
        // Storage failed: the save status says so already. `last` is kept, so the next snapshot retries.
      }
    });
    return queue;
  };

  const unsubscribe = store.subscribe((next, previous) => {
    if (next.doc === previous.doc || timer) return;
    timer = {
      handle: setTimer(() => {
        timer = null;
        void take(EDITING_NOTE);
      }, intervalMs),
    };
  });

  return {
    leave() {
      stopTimer();
      return take(LEFT_NOTE);
    },
    dispose() {
      stopTimer();
      unsubscribe();
    },
  };
}

/**
 * Takes automatic snapshots of the flow open in the editor: every
 * `AUTO_SNAPSHOT_INTERVAL_MS` of editing, and when the editor is left (or the
 * tab closed). Pending edits are written first; a snapshot is skipped when
 * they could not be (the save status says why).
 */
export function useAutoSnapshots(flowId: string, editing: FlowEditing): void {
  const repository = useRepository();
  const { store } = editing;
  const flush = useEffectEvent(() => editing.flush());

  useEffect(() => {
    // A read-only flow never changes: nothing to take a version of.
    if (store.getState().readOnly) return;
    const snapshots = createAutoSnapshots({
      store,
      snapshot: async (note) => {
        const saved = await flush();
        if (saved.status !== 'saved') throw saved.error ?? new Error(saved.status);
        await repository.saveVersion(flowId, note, { auto: true });
      },
    });
    const leave = () => void snapshots.leave();
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
      snapshots.dispose();
    };
  }, [repository, flowId, store]);
}
