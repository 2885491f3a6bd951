import { Trash2 } from 'lucide-react';
import { Button } from './Button.tsx';
import { Dialog } from './Dialog.tsx';

/** A modal question; the dialog's Close button (or Escape) is the "no". */
export function ConfirmDialog({
  title,
  body,
  confirm,
  onClose,
}: {
  title: string;
  body: string;
  confirm: string;
  onClose: (confirmed: boolean) => void;
}) {
  return (
    <Dialog label={title} size="sm" onClose={() => onClose(false)}>
      <p>{body}</p>
      <div className="dialog__actions">
        <Button variant="danger" icon={<Trash2 />} onClick={() => onClose(true)}>
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}
