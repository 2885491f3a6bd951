import { Fragment } from 'react';
import { Dialog } from '../ui/Dialog.tsx';
import { comboKeys, currentPlatform, shortcuts, type Platform } from './shortcuts.ts';
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
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => onOpenChange(true)}
      >
        Keyboard shortcuts
      </button>
      {open && (
        <Dialog label="Keyboard shortcuts" onClose={() => onOpenChange(false)}>
          <ShortcutList platform={platform} />
        </Dialog>
      )}
    </>
  );
}

/** Every shortcut and its keys, as a description list. */
export function ShortcutList({ platform = currentPlatform() }: { platform?: Platform }) {
  return (
    <dl className="shortcuts">
      {shortcuts.map((shortcut) => (
        <div key={shortcut.id} className="shortcuts__row">
          <dt>{shortcut.label}</dt>
          <dd>
            {shortcut.keys[platform].map((combo, i) => (
              <Fragment key={i}>
                {i > 0 && <span className="shortcuts__or"> or </span>}
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
