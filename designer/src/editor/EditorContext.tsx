import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import type { EditorActions, EditorState, EditorStore } from './store.ts';

const EditorContext = createContext<EditorStore | null>(null);

/** Gives the components below one flow's editor store. */
export function EditorProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorContext.Provider value={store}>{children}</EditorContext.Provider>;
}

/** The editor store itself, for event handlers that read the latest state. */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorContext);
  if (!store) throw new Error('useEditorStore must be used inside an EditorProvider');
  return store;
}

/**
 * Selects from the editor state with shallow equality, so a component
 * re-renders only when what it selected changed. Keep selectors at module
 * level (they are compared by reference).
 */
export function useEditor<T>(selector: (state: EditorState & EditorActions) => T): T {
  return useStore(useEditorStore(), useShallow(selector));
}
