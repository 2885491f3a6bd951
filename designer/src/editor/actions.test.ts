import { examples } from '@callbot/runtime';
import { describe, expect, it, vi } from 'vitest';
import { actionIds, actions, canPerform, performAction } from './actions.ts';
import { createEditorStore } from './store.ts';

/** An editor where every action can run: something selected, copied, and one step to undo and redo. */
function readyEditor() {
  const store = createEditorStore(structuredClone(examples.reception));
  store.getState().dispatch('moveNodes', { positions: { tchau: { x: 1, y: 2 } } });
  store.getState().dispatch('moveNodes', { positions: { tchau: { x: 3, y: 4 } } });
  store.getState().undo();
  store.getState().select({ nodes: ['tchau'], edges: [] });
  store.getState().copy();
  return store;
}

describe('the command registry', () => {
  it.each(actionIds)('%s records undo history exactly when it says it does', (id) => {
    const store = readyEditor();
    // The page's layout: what the canvas does, positions computed at once.
    const layOut = () =>
      store.getState().dispatch('autoLayout', { positions: { tchau: { x: 40, y: 60 } } });
    const page = { openHelp: vi.fn(), layOut };
    const before = store.getState();
    expect(performAction(id, { store, page })).toBe(true);
    const after = store.getState();
    const historyChanged =
      after.past.length !== before.past.length || after.future !== before.future;
    if (actions[id].captureUpdate === 'record') {
      expect(after.past.length).toBe(before.past.length + 1);
      expect(after.future).toEqual([]);
    } else if (id === 'undo' || id === 'redo') {
      // Moving in the history is not itself a step.
      expect(after.past.length + after.future.length).toBe(
        before.past.length + before.future.length,
      );
    } else {
      expect(historyChanged).toBe(false);
      expect(after.doc).toBe(before.doc);
    }
  });

  it('does not run an action that cannot run now, and says so', () => {
    const store = createEditorStore(structuredClone(examples.reception));
    const doc = store.getState().doc;
    expect(canPerform('delete', store.getState())).toBe(false);
    expect(performAction('delete', { store, page: {} })).toBe(false);
    expect(performAction('paste', { store, page: {} })).toBe(false);
    expect(store.getState().doc).toBe(doc);
  });

  it('leaves page actions to the page: help runs only where the page can show it', () => {
    const store = createEditorStore(structuredClone(examples.reception));
    expect(performAction('help', { store, page: {} })).toBe(false);
    const openHelp = vi.fn();
    expect(performAction('help', { store, page: { openHelp } })).toBe(true);
    expect(openHelp).toHaveBeenCalledOnce();
    expect(performAction('autoLayout', { store, page: {} })).toBe(false);
  });
});
