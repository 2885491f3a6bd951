import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import type { Translate } from '../i18n/index.ts';
import { comboAria, comboText, currentPlatform, shortcutById, type Platform } from './shortcuts.ts';
import './shortcuts.css';

// Shallow-compared: the buttons re-render only when the next commands change.
// Commands are named in the UI language, by command name.
const selectHistory = (state: EditorState) => ({
  undoName: state.past.at(-1)?.name,
  redoName: state.future[0]?.name,
});

function keysOf(id: string, platform: Platform, t: Translate) {
  const combos = shortcutById(id)?.keys[platform] ?? [];
  return {
    text: combos.map((c) => comboText(c, platform)).join(` ${t('shortcuts.or')} `),
    aria: combos.map((c) => comboAria(c, platform)).join(' '),
  };
}

/** Undo and Redo toolbar buttons, each saying which step it would take back or redo. */
export function UndoRedo({ platform = currentPlatform() }: { platform?: Platform }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const { undoName, redoName } = useEditor(selectHistory);
  const undoKeys = keysOf('undo', platform, t);
  const redoKeys = keysOf('redo', platform, t);
  return (
    <div className="undo-redo" role="group" aria-label={t('history.label')}>
      <button
        type="button"
        disabled={undoName === undefined}
        title={
          undoName
            ? t('history.undoStep', { step: t(`commands.${undoName}`), keys: undoKeys.text })
            : t('history.nothingToUndo')
        }
        aria-keyshortcuts={undoKeys.aria}
        onClick={() => store.getState().undo()}
      >
        {t('history.undo')}
      </button>
      <button
        type="button"
        disabled={redoName === undefined}
        title={
          redoName
            ? t('history.redoStep', { step: t(`commands.${redoName}`), keys: redoKeys.text })
            : t('history.nothingToRedo')
        }
        aria-keyshortcuts={redoKeys.aria}
        onClick={() => store.getState().redo()}
      >
        {t('history.redo')}
      </button>
    </div>
  );
}
