import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog.tsx';
import type { Resources } from '../i18n/en.ts';
import {
  comboKeys,
  currentPlatform,
  shortcuts,
  type Platform,
  type Shortcut,
} from './shortcuts.ts';
import './shortcuts.css';

/**
 * The "Keyboard shortcuts" button and the dialog it opens, listing every
 * shortcut with its keys for this platform. Controlled, so `?` can open it
 * too: `KeyboardShortcuts` wires both.
 */
export function ShortcutsHelp({
  open,
  onOpenChange,
  platform = currentPlatform(),
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  platform?: Platform;
}) {
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        title={t('shortcuts.button')}
        onClick={() => onOpenChange(true)}
      >
        {t('shortcuts.title')}
      </button>
      {open && (
        <Dialog label={t('shortcuts.title')} onClose={() => onOpenChange(false)}>
          <ShortcutList platform={platform} />
        </Dialog>
      )}
    </>
  );
}

/** Every shortcut and its keys, as a description list. */
export function ShortcutList({ platform = currentPlatform() }: { platform?: Platform }) {
  const { t } = useTranslation();
  /** What a shortcut does, in the UI language (its English `label` if it has no translation). */
  const labelOf = (shortcut: Shortcut) =>
    t(`shortcuts.actions.${shortcut.id as keyof Resources['shortcuts']['actions']}`, {
      defaultValue: shortcut.label,
    });
  return (
    <dl className="shortcuts">
      {shortcuts.map((shortcut) => (
        <div key={shortcut.id} className="shortcuts__row">
          <dt>{labelOf(shortcut)}</dt>
          <dd>
            {shortcut.keys[platform].map((combo, i) => (
              <Fragment key={i}>
                {i > 0 && <span className="shortcuts__or"> {t('shortcuts.or')} </span>}
                <kbd className="shortcuts__combo">
                  {comboKeys(combo, platform).map((key, j) => (
                    <Fragment key={j}>
                      {j > 0 && platform !== 'mac' && '+'}
                      <kbd>{key}</kbd>
                    </Fragment>
                  ))}
                </kbd>
              </Fragment>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
