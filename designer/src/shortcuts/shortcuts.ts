import {
  actionById,
  actionIds,
  type Action,
  type ActionId,
  type KeyCombo,
  type Platform,
} from '../editor/actions.ts';

export type { KeyCombo, Platform };

/** A command of the registry (`editor/actions.ts`) that has keys. */
export interface Shortcut {
  id: ActionId;
  /** What it does, as the help dialog says it. */
  label: string;
  keys: Record<Platform, KeyCombo[]>;
  action: Action;
}

/**
 * Every keyboard shortcut of the designer, in the order the help lists them:
 * the registry's commands that declare keys. There is no other list.
 */
export const shortcuts: readonly Shortcut[] = actionIds.flatMap((id) => {
  const action = actionById(id);
  return action.keys ? [{ id, label: action.label, keys: action.keys, action }] : [];
});

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

/** The shortcut with this id (for toolbars and menus that show their keys). */
export function shortcutById(id: string): Shortcut | undefined {
  return shortcuts.find((s) => s.id === id);
}
