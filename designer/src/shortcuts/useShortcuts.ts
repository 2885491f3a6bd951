import { useEffect, useEffectEvent } from 'react';
import { canPerform, performAction, type PageCapabilities } from '../editor/actions.ts';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { currentPlatform, shortcutFor, type Platform } from './shortcuts.ts';

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
 * Binds the designer's keyboard shortcuts (the registry's keys, `editor/actions.ts`) on `window`
 * for the editor of the nearest `EditorProvider`. Render it once per page.
 * Keys pressed in text fields and dialogs are left alone; handled keys have
 * their default prevented, others go on to the browser.
 */
export function useShortcuts(
  page: PageCapabilities = {},
  platform: Platform = currentPlatform(),
): void {
  const store = useEditorStore();

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || isTypingTarget(event)) return;
    const shortcut = shortcutFor(event, platform);
    if (!shortcut) return;
    if (!canPerform(shortcut.id, store.getState(), page)) return;
    if (shortcut.action.yieldsToTextSelection && hasTextSelection()) return;
    performAction(shortcut.id, { store, page });
    event.preventDefault();
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
