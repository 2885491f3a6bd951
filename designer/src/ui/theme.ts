import { useSyncExternalStore } from 'react';

/** The themes a user can pick; `system` follows the operating system's setting. */
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];
export type Theme = 'light' | 'dark';

const STORAGE_KEY = 'callbot.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function isChoice(value: unknown): value is ThemeChoice {
  return themeChoices.includes(value as ThemeChoice);
}

/** The theme the user chose in this browser (`system` until they choose). */
export function storedThemeChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

const systemTheme = (): Theme =>
  typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches
    ? 'dark'
    : 'light';

/** The theme a choice stands for now. */
export function resolveTheme(choice: ThemeChoice): Theme {
  return choice === 'system' ? systemTheme() : choice;
}

const listeners = new Set<() => void>();

/** Shows the page in the chosen theme (the tokens in `tokens.css` switch on `data-theme`). */
export function applyTheme(choice: ThemeChoice = storedThemeChoice()): void {
  document.documentElement.dataset.theme = resolveTheme(choice);
}

/** Remembers the user's choice and applies it at once. */
export function setThemeChoice(choice: ThemeChoice): void {
  try {
    localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private mode without storage: the choice holds until the page is closed.
  }
  applyTheme(choice);
  for (const listener of listeners) listener();
}

/** Subscribes to choice changes (for `useSyncExternalStore`). */
export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Applies the stored theme and follows the system's while the choice is
 * `system`. Call once, before the first render, so nothing flashes.
 */
export function startTheming(): void {
  applyTheme();
  if (typeof window.matchMedia !== 'function') return;
  window.matchMedia(DARK_QUERY).addEventListener('change', () => {
    if (storedThemeChoice() === 'system') applyTheme('system');
  });
}

/** The user's theme choice, re-rendering when it changes. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribeTheme, storedThemeChoice, () => 'system');
}
