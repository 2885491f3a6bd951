import type { EditorActions, EditorState } from '../editor/store.ts';

/** Mac keyboards use ⌘ where others use Ctrl. */
export type Platform = 'mac' | 'other';

/** One key press, as `KeyboardEvent.key` names it, with its modifiers. */
export interface KeyCombo {
  key: string;
  /** ⌘ on a Mac, Ctrl elsewhere. */
  mod?: boolean;
  /** Must Shift be held? `'any'` for keys typed with Shift on some layouts (`?`). */
  shift?: boolean | 'any';
}

/** The store actions a shortcut can run: the same the toolbar and menus use. */
export type StoreAction = keyof Pick<
  EditorActions,
  | 'undo'
  | 'redo'
  | 'deleteSelection'
  | 'copy'
  | 'paste'
  | 'duplicate'
  | 'selectAll'
  | 'clearSelection'
>;

/** What a shortcut does: a store action, or `openHelp`, which the page provides. */
export type ShortcutAction = StoreAction | 'openHelp';

export interface Shortcut {
  id: string;
  /** What it does, as the help dialog says it. */
  label: string;
  action: ShortcutAction;
  keys: Record<Platform, KeyCombo[]>;
  /** When false, the key is left to the browser (and to other handlers). */
  enabled?: (state: EditorState) => boolean;
  /** Left to the browser while the user has text selected on the page. */
  yieldsToTextSelection?: boolean;
}

const both = (...combos: KeyCombo[]): Record<Platform, KeyCombo[]> => ({
  mac: combos,
  other: combos,
});

const hasSelection = (s: EditorState) =>
  s.selection.nodes.length > 0 || s.selection.edges.length > 0;

/** Every keyboard shortcut of the designer, in the order the help lists them. */
export const shortcuts: readonly Shortcut[] = [
  { id: 'undo', label: 'Undo', action: 'undo', keys: both({ key: 'z', mod: true }) },
  {
    id: 'redo',
    label: 'Redo',
    action: 'redo',
    keys: {
      mac: [{ key: 'z', mod: true, shift: true }],
      other: [
        { key: 'z', mod: true, shift: true },
        { key: 'y', mod: true },
      ],
    },
  },
  {
    id: 'delete',
    label: 'Delete the selection',
    action: 'deleteSelection',
    keys: both({ key: 'Delete' }, { key: 'Backspace' }),
    enabled: hasSelection,
  },
  {
    id: 'copy',
    label: 'Copy the selected nodes',
    action: 'copy',
    keys: both({ key: 'c', mod: true }),
    enabled: (s) => s.selection.nodes.length > 0,
    yieldsToTextSelection: true,
  },
  {
    id: 'paste',
    label: 'Paste',
    action: 'paste',
    keys: both({ key: 'v', mod: true }),
    enabled: (s) => s.clipboard !== null,
  },
  {
    id: 'duplicate',
    label: 'Duplicate the selected nodes',
    action: 'duplicate',
    keys: both({ key: 'd', mod: true }),
    enabled: (s) => s.selection.nodes.length > 0,
  },
  {
    id: 'selectAll',
    label: 'Select all',
    action: 'selectAll',
    keys: both({ key: 'a', mod: true }),
  },
  {
    id: 'clearSelection',
    label: 'Clear the selection',
    action: 'clearSelection',
    keys: both({ key: 'Escape' }),
    enabled: hasSelection,
  },
  {
    id: 'help',
    label: 'Show keyboard shortcuts',
    action: 'openHelp',
    keys: both({ key: '?', shift: 'any' }),
  },
];

/** The platform this browser runs on, for which modifier to expect and show. */
export function currentPlatform(): Platform {
  if (typeof navigator === 'undefined') return 'other';
  const ua = navigator as Navigator & { userAgentData?: { platform?: string } };
  const name = ua.userAgentData?.platform ?? navigator.platform;
  return /mac|iphone|ipad|ipod/i.test(name) ? 'mac' : 'other';
}

type KeyEventLike = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>;

/** Does this key press match the combo? */
export function matchesCombo(combo: KeyCombo, event: KeyEventLike, platform: Platform): boolean {
  const mod = platform === 'mac' ? event.metaKey : event.ctrlKey;
  const otherMod = platform === 'mac' ? event.ctrlKey : event.metaKey;
  // Alt is never part of a shortcut: Ctrl+Alt is AltGr, which types characters.
  if (mod !== Boolean(combo.mod) || otherMod || event.altKey) return false;
  if (combo.shift !== 'any' && event.shiftKey !== Boolean(combo.shift)) return false;
  if (event.key.toLowerCase() === combo.key.toLowerCase()) return true;
  // A letter on a non-Latin layout (Cyrillic, Greek...): go by the physical key.
  return (
    /^[a-z]$/i.test(combo.key) &&
    !/^[a-z]$/i.test(event.key) &&
    event.code === `Key${combo.key.toUpperCase()}`
  );
}

/** The shortcut a key press calls for, if any. */
export function shortcutFor(event: KeyEventLike, platform: Platform): Shortcut | undefined {
  return shortcuts.find((s) => s.keys[platform].some((c) => matchesCombo(c, event, platform)));
}

const keyNames: Record<string, string> = { Escape: 'Esc', ' ': 'Space' };

/** The keys of a combo as the user reads them: `['Ctrl', 'Shift', 'Z']`, `['⌘', 'Z']`. */
export function comboKeys(combo: KeyCombo, platform: Platform): string[] {
  const keys: string[] = [];
  if (combo.mod) keys.push(platform === 'mac' ? '⌘' : 'Ctrl');
  if (combo.shift === true) keys.push(platform === 'mac' ? '⇧' : 'Shift');
  keys.push(keyNames[combo.key] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key));
  return keys;
}

/** A combo as text: `Ctrl+Shift+Z`, `⌘⇧Z`. */
export function comboText(combo: KeyCombo, platform: Platform): string {
  return comboKeys(combo, platform).join(platform === 'mac' ? '' : '+');
}

/** A combo in `aria-keyshortcuts` syntax: `Control+Shift+Z`, `Meta+Z`. */
export function comboAria(combo: KeyCombo, platform: Platform): string {
  const keys: string[] = [];
  if (combo.mod) keys.push(platform === 'mac' ? 'Meta' : 'Control');
  if (combo.shift === true) keys.push('Shift');
  keys.push(combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  return keys.join('+');
}

/** The shortcut with this id (for toolbars that show their keys). */
export function shortcutById(id: string): Shortcut | undefined {
  return shortcuts.find((s) => s.id === id);
}
