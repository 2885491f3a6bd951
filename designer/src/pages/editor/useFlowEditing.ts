import { useEffect, useState } from 'react';
import { useRepository } from '../../app/RepositoryContext.tsx';
import { i18n } from '../../i18n/index.ts';
import {
  createAutosaver,
  watchFlow,
  type AutosaveState,
  type Autosaver,
  type FlowRepository,
} from '../../persistence/index.ts';
import { errorMessage } from '../../ui/errorMessage.ts';
import { AUTO_NOTES } from '../../versions/versionNames.ts';
import { createEditorStore, type EditorStore } from '../../editor/store.ts';
import { historyFromStore, historyToStore } from '../../editor/savedHistory.ts';
import type { FlowDocument } from '@callbot/shared';

/** An open flow: its editor store, wired to storage. */
export interface FlowEditing {
  store: EditorStore;
  /** Saved, saving, error or conflict, for the status indicator. */
  save: AutosaveState;
  /** Set when the same flow is open in another tab. */
  otherTab: 'opened' | 'saved' | null;
  /** Writes what is pending now (before a version snapshot, an export, leaving). */
  flush(): Promise<AutosaveState>;
  /** The stored revision this editor's next save expects. */
  revision(): number;
  setRevision(revision: number): void;
}

export type FlowEditingState =
  | { status: 'loading' }
  | { status: 'ready'; editing: FlowEditing }
  | { status: 'error'; message: string };

/** The note of the automatic snapshot taken each time a flow is opened (stored as is). */
export const OPENED_NOTE = AUTO_NOTES.opened;

/**
 * Opens a flow from storage into a fresh editor store and keeps it saved:
 * every document change is written (debounced, latest wins) with a revision
 * check, flushed when the tab is hidden or closed; another tab editing the
 * same flow is reported.
 */
export function useFlowEditing(
  flowId: string,
  /** A trainer or viewer: the document cannot change, and no version is taken on opening. */
  readOnly = false,
): FlowEditingState {
  const repository = useRepository();
  const [state, setState] = useState<FlowEditingState>({ status: 'loading' });

  useEffect(() => {
    let disposed = false;
    const cleanups: (() => void)[] = [];
    open(repository, flowId, readOnly, (update) => {
      if (!disposed) setState(update);
    }).then(
      (cleanup) => (disposed ? cleanup() : cleanups.push(cleanup)),
      (error: unknown) =>
        !disposed &&
        setState({
          status: 'error',
          message: errorMessage(error, i18n.t('editor.notOpenedWhy')),
        }),
    );
    return () => {
      disposed = true;
      cleanups.forEach((c) => c());
    };
  }, [repository, flowId, readOnly]);

  return state;
}

async function open(
  repository: FlowRepository,
  flowId: string,
  readOnly: boolean,
  publish: (state: FlowEditingState) => void,
): Promise<() => void> {
  const opened = await repository.open(flowId);
  let revision = opened.revision;
  // An automatic snapshot on every open: a way back to how the flow was (it cannot change read-only).
  if (!readOnly) await repository.saveVersion(flowId, OPENED_NOTE, { auto: true });

  // The undo history saved with this revision survives the reload.
  const store = createEditorStore(opened.doc, historyFromStore(opened.history), { readOnly });
  /** Each document's history, so a save writes the history that goes with the document it writes. */
  const histories = new WeakMap<FlowDocument, ReturnType<typeof historyToStore>>();
  let otherTab: FlowEditing['otherTab'] = null;
  const watcher = watchFlow(flowId, {
    onOtherTab: (event) => {
      otherTab = event === 'closed' ? (watcher.otherTabs > 0 ? otherTab : null) : event;
      emit();
    },
  });
  const autosaver: Autosaver<typeof opened.doc> = createAutosaver({
    save: async (doc) => {
      revision = await repository.save(flowId, doc, revision, histories.get(doc));
      watcher.announceSaved(revision);
    },
  });
  const editing = (): FlowEditing => ({
    store,
    save: autosaver.state,
    otherTab,
    flush: () => autosaver.flush(),
    revision: () => revision,
    setRevision: (r) => (revision = r),
  });
  const emit = () => publish({ status: 'ready', editing: editing() });

  const unsubscribeStore = store.subscribe((next, previous) => {
    // A gesture's end records its step without changing the document: its history is saved too.
    if (next.doc !== previous.doc || next.past !== previous.past) {
      histories.set(next.doc, historyToStore(next));
      autosaver.schedule(next.doc);
    }
  });
  const unsubscribeSaver = autosaver.subscribe(emit);
  const flushNow = () => void autosaver.flush();
  const onVisibility = () => document.visibilityState === 'hidden' && flushNow();
  window.addEventListener('pagehide', flushNow);
  document.addEventListener('visibilitychange', onVisibility);
  emit();

  return () => {
    window.removeEventListener('pagehide', flushNow);
    document.removeEventListener('visibilitychange', onVisibility);
    unsubscribeStore();
    unsubscribeSaver();
    void autosaver.flush().finally(() => autosaver.dispose());
    watcher.close();
  };
}
