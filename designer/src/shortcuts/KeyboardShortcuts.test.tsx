import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { examples } from '@callbot/runtime';
import { describe, expect, it } from 'vitest';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore, type EditorStore } from '../editor/store.ts';
import { KeyboardShortcuts } from './KeyboardShortcuts.tsx';

const reception = () => createEditorStore(structuredClone(examples.reception));

function renderShortcuts(store: EditorStore) {
  render(
    <EditorProvider store={store}>
      <KeyboardShortcuts />
      <label>
        Name <input />
      </label>
      <textarea aria-label="Prompt" />
      <div contentEditable aria-label="Notes" />
    </EditorProvider>,
  );
  return userEvent.setup();
}

const nodeIds = (store: EditorStore) => store.getState().doc.nodes.map((n) => n.id);

describe('keyboard shortcuts', () => {
  it('Ctrl+Z undoes and Ctrl+Shift+Z / Ctrl+Y redo', async () => {
    const store = reception();
    const user = renderShortcuts(store);
    const before = store.getState().doc;
    act(() => store.getState().dispatch('deleteNodes', { ids: ['tchau'] }));
    const after = store.getState().doc;

    await user.keyboard('{Control>}z{/Control}');
    expect(store.getState().doc).toBe(before);
    await user.keyboard('{Control>}{Shift>}Z{/Shift}{/Control}');
    expect(store.getState().doc).toBe(after);
    await user.keyboard('{Control>}z{/Control}{Control>}y{/Control}');
    expect(store.getState().doc).toBe(after);
  });

  it('Delete and Backspace delete the selection', async () => {
    const store = reception();
    const user = renderShortcuts(store);
    act(() => store.getState().select({ nodes: ['tchau'] }));
    await user.keyboard('{Delete}');
    expect(nodeIds(store)).not.toContain('tchau');
    expect(store.getState().past.at(-1)?.label).toBe('Delete');

    act(() => store.getState().select({ nodes: ['fechado'] }));
    await user.keyboard('{Backspace}');
    expect(nodeIds(store)).not.toContain('fechado');
  });

  it('copies, pastes, duplicates, selects all and clears the selection', async () => {
    const store = reception();
    const user = renderShortcuts(store);
    const count = store.getState().doc.nodes.length;
    act(() => store.getState().select({ nodes: ['tchau'] }));

    await user.keyboard('{Control>}c{/Control}{Control>}v{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(count + 1);
    await user.keyboard('{Control>}d{/Control}');
    expect(store.getState().doc.nodes).toHaveLength(count + 2);

    await user.keyboard('{Control>}a{/Control}');
    expect(store.getState().selection.nodes).toHaveLength(count + 2);
    await user.keyboard('{Escape}');
    expect(store.getState().selection).toEqual({ nodes: [], edges: [] });
  });

  it('prevents the browser default only for handled keys', () => {
    const store = reception();
    renderShortcuts(store);
    const fire = (init: KeyboardEventInit) => {
      const event = new KeyboardEvent('keydown', { ...init, bubbles: true, cancelable: true });
      act(() => {
        document.body.dispatchEvent(event);
      });
      return event.defaultPrevented;
    };
    expect(fire({ key: 'z', ctrlKey: true })).toBe(true);
    // Nothing selected: Backspace and Ctrl+C are left to the browser.
    expect(fire({ key: 'Backspace' })).toBe(false);
    expect(fire({ key: 'c', ctrlKey: true })).toBe(false);
    expect(fire({ key: 'x' })).toBe(false);
  });

  it('leaves keys typed in text fields alone', async () => {
    const store = reception();
    const user = renderShortcuts(store);
    act(() => store.getState().dispatch('deleteNodes', { ids: ['fechado'] }));
    act(() => store.getState().select({ nodes: ['tchau'] }));
    const doc = store.getState().doc;

    const input = screen.getByRole('textbox', { name: 'Name' });
    await user.type(input, 'abc{Backspace}{Delete}');
    await user.keyboard('{Control>}z{/Control}{Control>}a{/Control}{Escape}?');
    // Ctrl+A selected the input's text, which `?` then replaced.
    expect(input).toHaveProperty('value', '?');

    await user.type(screen.getByRole('textbox', { name: 'Prompt' }), 'x{Backspace}');
    // user-event edits contenteditable text in ways React cannot follow: send the keys.
    const notes = screen.getByLabelText('Notes');
    fireEvent.keyDown(notes, { key: 'Backspace' });
    fireEvent.keyDown(notes, { key: 'z', ctrlKey: true });

    expect(store.getState().doc).toBe(doc);
    expect(store.getState().selection.nodes).toEqual(['tchau']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('? opens the help, which lists every shortcut; Escape closes it', async () => {
    const store = reception();
    const user = renderShortcuts(store);
    act(() => store.getState().select({ nodes: ['tchau'] }));
    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(help.textContent).toContain('Undo');
    expect(help.textContent).toContain('Ctrl+Z');
    expect(help.textContent).toContain('Ctrl+Shift+Z');
    expect(help.textContent).toContain('Ctrl+Y');
    expect(help.textContent).toContain('Backspace');

    // Keys pressed in the dialog do not reach the canvas behind it.
    within(help).getByRole('button', { name: 'Close' }).focus();
    await user.keyboard('{Delete}');
    expect(nodeIds(store)).toContain('tchau');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(store.getState().selection.nodes).toEqual(['tchau']);
  });

  it('opens the help from the "Keyboard shortcuts" button', async () => {
    const user = renderShortcuts(reception());
    await user.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    // The focus goes back to the button that opened the help (once the dialog has gone).
    await waitFor(() =>
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Keyboard shortcuts' }),
      ),
    );
  });
});
