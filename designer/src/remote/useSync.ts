import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useRepository } from '../app/RepositoryContext.tsx';
import { syncOf } from '../persistence/remote/sync.ts';
import type { Actor, OutboxState, RemoteSync } from '../persistence/remote/index.ts';

/** The server sync of the flows in use; null in browser-only mode. */
export const useSync = (): RemoteSync | null => syncOf(useRepository());

const noOutbox: OutboxState = {
  waiting: 0,
  offline: false,
  conflicts: [],
  refused: [],
  callsTurnedOff: [],
};
const noSubscribe = () => () => {};

/** The outbox's state (nothing waiting in browser-only mode). */
export function useOutboxState(): OutboxState {
  const sync = useSync();
  return useSyncExternalStore(
    sync ? (listener) => sync.outbox.subscribe(listener) : noSubscribe,
    () => sync?.outbox.state ?? noOutbox,
  );
}

/** Calls `listener` when someone else changes a flow (`null`: all of them, e.g. an import). */
export function useFlowChanges(listener: (flowId: string | null, by: Actor | null) => void) {
  const sync = useSync();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => sync?.onFlowChanged((flowId, by) => latest.current(flowId, by)), [sync]);
}

/** Who else has the flow open (empty in browser-only mode); heartbeats while mounted. */
export function usePresence(flowId: string): Actor[] {
  const sync = useSync();
  const [editors, setEditors] = useState<Actor[]>([]);
  useEffect(() => sync?.watchPresence(flowId, setEditors), [sync, flowId]);
  return editors;
}
