import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Keyboard } from 'lucide-react';
import { IconButton } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import {
  comboKeys,
  currentPlatform,
  shortcuts,
  type Platform,
  type Shortcut,
} from './shortcuts.ts';
import './shortcuts.css';

/** The "Keyboard shortcuts" button: `?` opens the same dialog. */
export function ShortcutsButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <IconButton
      label={t('shortcuts.title')}
      icon={<Keyboard />}
      keys="?"
      aria-haspopup="dialog"
      aria-keyshortcuts="?"
      onClick={onClick}
    />
  );
}

/**
 * The "Keyboard shortcuts" button and the dialog it opens, listing every
 * shortcut with its keys for this platform. Controlled, so `?` can open it
 * too: `KeyboardShortcuts` wires both.
 */
export function ShortcutsHelp({
  open,
  onOpenChange,
  showButton = true,
  platform = currentPlatform(),
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** False where the page has its own button for it (the editor's header). */
  showButton?: boolean;
  platform?: Platform;
}) {
  const { t } = useTranslation();
  return (
    <>
      {showButton && <ShortcutsButton onClick={() => onOpenChange(true)} />}
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
    t(`shortcuts.actions.${shortcut.id}`, {
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
