import { Redo2, Undo2 } from 'lucide-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { performAction } from '../editor/actions.ts';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import type { Translate } from '../i18n/index.ts';
import { IconButton } from '../ui/Button.tsx';
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

/**
 * Undo and Redo toolbar buttons (the registry's `undo` and `redo`), each
 * saying in its tooltip and description which step it would take back or redo.
 */
export function UndoRedo({ platform = currentPlatform() }: { platform?: Platform }) {
  const { t } = useTranslation();
  const store = useEditorStore();
  const { undoName, redoName } = useEditor(selectHistory);
  const id = useId();
  const undoKeys = keysOf('undo', platform, t);
  const redoKeys = keysOf('redo', platform, t);
  const undoText = undoName
    ? t('history.undoStep', { step: t(`commands.${undoName}`), keys: undoKeys.text })
    : t('history.nothingToUndo');
  const redoText = redoName
    ? t('history.redoStep', { step: t(`commands.${redoName}`), keys: redoKeys.text })
    : t('history.nothingToRedo');
  return (
    <div className="undo-redo" role="group" aria-label={t('history.label')}>
      <IconButton
        label={t('history.undo')}
        icon={<Undo2 />}
        tooltip={undoText}
        aria-describedby={`${id}-undo`}
        disabled={undoName === undefined}
        aria-keyshortcuts={undoKeys.aria}
        onClick={() => performAction('undo', { store, page: {} })}
      />
      <IconButton
        label={t('history.redo')}
        icon={<Redo2 />}
        tooltip={redoText}
        aria-describedby={`${id}-redo`}
        disabled={redoName === undefined}
        aria-keyshortcuts={redoKeys.aria}
        onClick={() => performAction('redo', { store, page: {} })}
      />
      <span id={`${id}-undo`} hidden>
        {undoText}
      </span>
      <span id={`${id}-redo`} hidden>
        {redoText}
      </span>
    </div>
  );
}
