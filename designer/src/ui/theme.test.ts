import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  applyTheme,
  resolveTheme,
  setThemeChoice,
  startTheming,
  storedThemeChoice,
} from './theme.ts';

/** A system that prefers dark (or not), with a way to flip it as the OS would. */
function systemPrefersDark(dark: boolean) {
  const listeners: (() => void)[] = [];
  const query = {
    matches: dark,
    addEventListener: (_: string, listener: () => void) => listeners.push(listener),
  };
  vi.stubGlobal('matchMedia', () => query);
  return (nowDark: boolean) => {
    query.matches = nowDark;
    for (const listener of listeners) listener();
  };
}

afterEach(() => {
  localStorage.clear();
  vi.unstubAllGlobals();
  delete document.documentElement.dataset.theme;
});

describe('theme', () => {
  it('follows the system until the user picks one', () => {
    const flip = systemPrefersDark(true);
    expect(storedThemeChoice()).toBe('system');
    startTheming();
    expect(document.documentElement.dataset.theme).toBe('dark');
    flip(false);
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('remembers the user’s choice, which wins over the system', () => {
    const flip = systemPrefersDark(false);
    startTheming();
    setThemeChoice('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(storedThemeChoice()).toBe('dark');
    flip(true);
    flip(false);
    expect(document.documentElement.dataset.theme).toBe('dark');
    // A later visit reads it back.
    applyTheme();
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('ignores a stored value it does not know', () => {
    systemPrefersDark(false);
    localStorage.setItem('callbot.theme', 'sepia');
    expect(storedThemeChoice()).toBe('system');
    expect(resolveTheme(storedThemeChoice())).toBe('light');
  });
});
