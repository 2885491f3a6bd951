import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import '../checking/checking.css';

/**
 * A modal `<dialog>` titled `label`, shown while it is mounted: render it
 * when open, and unmount it in `onClose`. Escape and the Close button close
 * it; the browser keeps focus inside and gives it back to the opener.
 */
export function Dialog({
  label,
  onClose,
  children,
}: {
  label: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return; // StrictMode runs this twice
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal: show it as a plain open dialog there.
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
  }, []);

  const close = () => {
    const dialog = ref.current;
    // close() fires `close`, which calls onClose; it also restores focus.
    if (dialog && typeof dialog.close === 'function') dialog.close();
    else {
      onClose();
      opener.current?.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={label}
      onClose={onClose}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onKeyDown={(event) => {
        // Where `cancel` is not fired (jsdom, older browsers).
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.preventDefault();
          close();
        }
      }}
    >
      <header className="dialog__header">
        <h2>{label}</h2>
        <button type="button" onClick={close}>
          {t('common.close')}
        </button>
      </header>
      <div className="dialog__body">{children}</div>
    </dialog>
  );
}
