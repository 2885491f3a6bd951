import { describe, expect, it } from 'vitest';
import { comboAria, comboText, shortcutFor, shortcuts, type Platform } from './shortcuts.ts';

const press = (key: string, mods: Partial<KeyboardEvent> = {}, code = '') => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

const idFor = (event: ReturnType<typeof press>, platform: Platform = 'other') =>
  shortcutFor(event, platform)?.id;

describe('shortcuts', () => {
  it('has a unique id and keys on every platform for each shortcut', () => {
    expect(new Set(shortcuts.map((s) => s.id)).size).toBe(shortcuts.length);
    for (const s of shortcuts) {
      expect(s.keys.mac.length).toBeGreaterThan(0);
      expect(s.keys.other.length).toBeGreaterThan(0);
    }
  });

  it('uses Ctrl outside macOS and ⌘ on macOS', () => {
    expect(idFor(press('z', { ctrlKey: true }))).toBe('undo');
    expect(idFor(press('z', { metaKey: true }))).toBeUndefined();
    expect(idFor(press('z', { metaKey: true }), 'mac')).toBe('undo');
    expect(idFor(press('z', { ctrlKey: true }), 'mac')).toBeUndefined();
  });

  it('redoes with Shift+Z everywhere, and with Ctrl+Y outside macOS', () => {
    expect(idFor(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(idFor(press('z', { metaKey: true, shiftKey: true }), 'mac')).toBe('redo');
    expect(idFor(press('y', { ctrlKey: true }))).toBe('redo');
    expect(idFor(press('y', { metaKey: true }), 'mac')).toBeUndefined();
  });

  it('maps the other keys', () => {
    expect(idFor(press('Delete'))).toBe('delete');
    expect(idFor(press('Backspace'))).toBe('delete');
    expect(idFor(press('c', { ctrlKey: true }))).toBe('copy');
    expect(idFor(press('v', { ctrlKey: true }))).toBe('paste');
    expect(idFor(press('d', { ctrlKey: true }))).toBe('duplicate');
    expect(idFor(press('a', { ctrlKey: true }))).toBe('selectAll');
    expect(idFor(press('Escape'))).toBe('clearSelection');
    expect(idFor(press('?', { shiftKey: true }))).toBe('help');
    expect(idFor(press('?'))).toBe('help');
  });

  it('ignores plain letters, Alt and AltGr', () => {
    expect(idFor(press('z'))).toBeUndefined();
    expect(idFor(press('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
  });

  it('finds letters by their physical key on non-Latin layouts', () => {
    expect(idFor(press('я', { ctrlKey: true }, 'KeyZ'))).toBe('undo');
  });

  it('writes keys for people and for aria-keyshortcuts', () => {
    const redo = shortcuts.find((s) => s.id === 'redo')!;
    expect(redo.keys.other.map((c) => comboText(c, 'other'))).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(redo.keys.mac.map((c) => comboText(c, 'mac'))).toEqual(['⌘⇧Z']);
    expect(redo.keys.other.map((c) => comboAria(c, 'other'))).toEqual([
      'Control+Shift+Z',
      'Control+Y',
    ]);
  });
});
