import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { examples } from '@callbot/runtime';
import { describe, expect, it } from 'vitest';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore } from '../editor/store.ts';
import { UndoRedo } from './UndoRedo.tsx';

describe('UndoRedo', () => {
  it('reflects the history and says which step it would undo or redo', async () => {
    const store = createEditorStore(structuredClone(examples.reception));
    render(
      <EditorProvider store={store}>
        <UndoRedo platform="other" />
      </EditorProvider>,
    );
    const undo = () => screen.getByRole('button', { name: 'Undo' });
    const redo = () => screen.getByRole('button', { name: 'Redo' });
    expect(undo()).toHaveProperty('disabled', true);
    expect(redo()).toHaveProperty('disabled', true);

    act(() => store.getState().dispatch('moveNodes', { positions: { tchau: { x: 1, y: 2 } } }));
    act(() => store.getState().dispatch('deleteNodes', { ids: ['tchau'] }));
    expect(undo()).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Undo', description: /^Undo Delete/ })).toBe(undo());
    expect(screen.getByRole('button', { name: 'Undo', description: 'Undo Delete (Ctrl+Z)' })).toBe(
      undo(),
    );
    expect(undo().getAttribute('aria-keyshortcuts')).toBe('Control+Z');

    await userEvent.click(undo());
    expect(store.getState().doc.nodes.some((n) => n.id === 'tchau')).toBe(true);
    expect(screen.getByRole('button', { name: 'Undo', description: /^Undo Move/ })).toBe(undo());
    expect(redo()).toHaveProperty('disabled', false);
    expect(screen.getByRole('button', { name: 'Redo', description: /^Redo Delete/ })).toBe(redo());

    await userEvent.click(redo());
    expect(store.getState().doc.nodes.some((n) => n.id === 'tchau')).toBe(false);
    expect(redo()).toHaveProperty('disabled', true);
  });
});
