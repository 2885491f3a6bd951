import { Dialog as RadixDialog } from 'radix-ui';
import { X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconButton } from './Button.tsx';
import './ui.css';

/**
 * A modal dialog titled `label`, shown while it is mounted: render it when
 * open, and unmount it in `onClose`. Escape, a click outside and the Close
 * button close it; focus stays inside and goes back to the opener (Radix
 * Dialog).
 */
export function Dialog({
  label,
  onClose,
  size = 'md',
  children,
}: {
  label: string;
  onClose: () => void;
  /** `sm` for confirmations, `md` (default) for forms, `lg` for side-by-side views. */
  size?: 'sm' | 'md' | 'lg';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  // Shown while mounted, so there is no Radix trigger: the focus goes back to what had it.
  const [opener] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  return (
    <RadixDialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content
          className={`dialog ui-dialog ui-dialog--${size}`}
          aria-describedby={undefined}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (opener?.isConnected) opener.focus();
          }}
        >
          <header className="dialog__header ui-dialog__header">
            <RadixDialog.Title className="ui-dialog__title">{label}</RadixDialog.Title>
            <RadixDialog.Close asChild>
              {/* No tooltip: its Escape would close the tooltip, not the dialog. */}
              <IconButton label={t('common.close')} icon={<X size={18} />} tooltip={false} />
            </RadixDialog.Close>
          </header>
          <div className="dialog__body ui-dialog__body">{children}</div>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
