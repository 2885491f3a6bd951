import { useState } from 'react';
import { ShortcutsHelp } from './ShortcutsHelp.tsx';
import { useShortcuts } from './useShortcuts.ts';

/**
 * The designer's keyboard: binds every shortcut, and shows the help button
 * and dialog (`?` opens it too). Render exactly one per page, inside the
 * `EditorProvider`.
 */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({ openHelp: () => setHelpOpen(true) });
  return <ShortcutsHelp open={helpOpen} onOpenChange={setHelpOpen} />;
}
