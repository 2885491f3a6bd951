import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { comboAria, comboText, currentPlatform, shortcutById, type Platform } from './shortcuts.ts';
import './shortcuts.css';

// Shallow-compared: the buttons re-render only when the next labels change.
const selectHistory = (state: EditorState) => ({
  undoLabel: state.past.at(-1)?.label,
  redoLabel: state.future[0]?.label,
});

function keysOf(id: string, platform: Platform) {
  const combos = shortcutById(id)?.keys[platform] ?? [];
  return {
    text: combos.map((c) => comboText(c, platform)).join(' or '),
    aria: combos.map((c) => comboAria(c, platform)).join(' '),
  };
}

/** Undo and Redo toolbar buttons, each saying which step it would take back or redo. */
export function UndoRedo({ platform = currentPlatform() }: { platform?: Platform }) {
  const store = useEditorStore();
  const { undoLabel, redoLabel } = useEditor(selectHistory);
  const undoKeys = keysOf('undo', platform);
  const redoKeys = keysOf('redo', platform);
  return (
    <div className="undo-redo" role="group" aria-label="History">
      <button
        type="button"
        disabled={undoLabel === undefined}
        title={undoLabel ? `Undo ${undoLabel} (${undoKeys.text})` : 'Nothing to undo'}
        aria-keyshortcuts={undoKeys.aria}
        onClick={() => store.getState().undo()}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={redoLabel === undefined}
        title={redoLabel ? `Redo ${redoLabel} (${redoKeys.text})` : 'Nothing to redo'}
        aria-keyshortcuts={redoKeys.aria}
        onClick={() => store.getState().redo()}
      >
        Redo
      </button>
    </div>
  );
}
