import { describe, expect, it } from 'vitest';
import { createFlow } from '@callbot/shared';
import { historyFromStore, historyToStore } from './savedHistory.ts';
import { createEditorStore } from './store.ts';
import { performAction } from './actions.ts';

describe('saved history', () => {
  it('round-trips the editor’s undo and redo steps, named by today’s commands', () => {
    const editor = createEditorStore(createFlow('A'));
    editor.getState().dispatch('addNode', { kind: 'message', position: { x: 0, y: 300 } });
    editor.getState().dispatch('updateSettings', { name: 'B' });
    performAction('undo', { store: editor, page: {} });
    const stored = historyToStore(editor.getState());
    expect(stored.past.map((s) => s.name)).toEqual(['addNode']);
    expect(stored.future.map((s) => s.name)).toEqual(['updateSettings']);

    const reloaded = createEditorStore(editor.getState().doc, historyFromStore(stored));
    expect(reloaded.getState().past.map((e) => e.label)).toEqual(['Add node']);
    performAction('redo', { store: reloaded, page: {} });
    expect(reloaded.getState().doc.settings.name).toBe('B');
    performAction('undo', { store: reloaded, page: {} });
    performAction('undo', { store: reloaded, page: {} });
    expect(reloaded.getState().doc).toEqual(createFlow('A'));
  });

  it('cuts the history at a command this designer does not have', () => {
    const doc = createFlow('A');
    const step = (name: string) => ({ name, doc });
    const read = historyFromStore({
      past: [step('addNode'), step('teleport'), step('moveNodes')],
      future: [step('connect'), step('toString'), step('connect')],
    });
    expect(read.past.map((e) => e.name)).toEqual(['moveNodes']);
    expect(read.future.map((e) => e.name)).toEqual(['connect']);
    expect(historyFromStore(undefined)).toEqual({ past: [], future: [] });
  });
});
