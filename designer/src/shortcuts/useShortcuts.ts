import { useEffect, useEffectEvent } from 'react';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { currentPlatform, shortcutFor, type Platform } from './shortcuts.ts';

/** What the page provides for shortcuts that are not store actions. */
export interface ShortcutHandlers {
  /** Opens the keyboard shortcuts help (`?`). */
  openHelp?: () => void;
}

// Keys typed here are text, not commands: Backspace in the inspector must
// never delete a node. `.nokey` is React Flow's opt-out class. Dialogs are
// modal: the canvas behind them does not listen.
const NOT_FOR_SHORTCUTS = [
  `input${['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']
    .map((type) => `:not([type="${type}"])`)
    .join('')}`,
  'textarea',
  'select',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '[role="combobox"]',
  '[role="spinbutton"]',
  '.nokey',
  'dialog',
  '[role="dialog"]',
].join(', ');

/** Was this key pressed where it means something other than a shortcut? */
export function isTypingTarget(event: Event): boolean {
  const target = event.composedPath()[0] ?? event.target;
  return target instanceof Element && target.closest(NOT_FOR_SHORTCUTS) !== null;
}

const hasTextSelection = () => {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString() !== '';
};

/**
 * Binds the designer's keyboard shortcuts (see `shortcuts.ts`) on `window`
 * for the editor of the nearest `EditorProvider`. Render it once per page.
 * Keys pressed in text fields and dialogs are left alone; handled keys have
 * their default prevented, others go on to the browser.
 */
export function useShortcuts(
  handlers: ShortcutHandlers = {},
  platform: Platform = currentPlatform(),
): void {
  const store = useEditorStore();

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || isTypingTarget(event)) return;
    const shortcut = shortcutFor(event, platform);
    if (!shortcut) return;
    const state = store.getState();
    if (shortcut.enabled && !shortcut.enabled(state)) return;
    if (shortcut.yieldsToTextSelection && hasTextSelection()) return;
    if (shortcut.action === 'openHelp') {
      if (!handlers.openHelp) return;
      handlers.openHelp();
    } else {
      state[shortcut.action]();
    }
    event.preventDefault();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
