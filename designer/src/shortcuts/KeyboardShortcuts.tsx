import { useState } from 'react';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useShortcuts } from './useShortcuts.ts';

/**
 * The designer's keyboard: binds every shortcut, and shows the help dialog
 * (`?` opens it; so does the header's button, through `open`). Render
 * exactly one per page, inside the `EditorProvider`.
 */
export function KeyboardShortcuts({
  open,
  onOpenChange,
}: {
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
} = {}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const helpOpen = open ?? ownOpen;
  const setHelpOpen = onOpenChange ?? setOwnOpen;
  useShortcuts({ openHelp: () => setHelpOpen(true) });
  return (
    <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} showButton={open === undefined} />
  );
}
