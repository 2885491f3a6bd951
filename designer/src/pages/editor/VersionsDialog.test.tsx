import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RepositoryProvider } from '../../app/RepositoryContext.tsx';
import { measureElementsInJsdom } from '../../canvas/jsdomLayout.ts';
import { createTestRepository } from '../../persistence/testing.ts';
import { EditorProvider } from '../../editor/EditorContext.tsx';
import { createEditorStore } from '../../editor/store.ts';
import type { FlowEditing } from './useFlowEditing.ts';
import { VersionsDialog } from './VersionsDialog.tsx';
import { WithNodeUIs } from '../../nodes/WithNodeUIs.tsx';

measureElementsInJsdom();
// React Flow measures edge labels; jsdom has no SVG layout.
beforeAll(() => {
  Object.defineProperty(SVGElement.prototype, 'getBBox', {
    configurable: true,
    value: () => ({ x: 0, y: 0, width: 48, height: 14 }),
  });
});
afterAll(() => {
  delete (SVGElement.prototype as { getBBox?: unknown }).getBBox;
});

async function renderDialog() {
  const { repo } = createTestRepository();
  const flow = await repo.create('Versões');
  const opened = await repo.open(flow.id);
  const store = createEditorStore(opened.doc);
  let revision = opened.revision;
  const editing: FlowEditing = {
    store,
    save: { status: 'saved', error: null, pending: false },
    otherTab: null,
    flush: async () => {
      if (store.getState().doc !== opened.doc) {
        revision = await repo.save(flow.id, store.getState().doc, revision);
      }
      return { status: 'saved', error: null, pending: false };
    },
    revision: () => revision,
    setRevision: (r) => (revision = r),
  };
  render(
    <RepositoryProvider repository={repo}>
      <EditorProvider store={store}>
        <VersionsDialog flowId={flow.id} editing={editing} onClose={() => {}} />
      </EditorProvider>
    </RepositoryProvider>,
    { wrapper: WithNodeUIs },
  );
  return { store, user: userEvent.setup() };
}

describe('VersionsDialog', () => {
  it('compares a saved version with the current flow, and goes back to the list', async () => {
    const { store, user } = await renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Antes');
    await user.click(screen.getByRole('button', { name: 'Save version' }));
    await within(await screen.findByRole('list', { name: 'Saved versions' })).findByText(/^Antes/);

    act(() => {
      store.getState().dispatch('addNode', { kind: 'message', position: { x: 0, y: 300 } });
      store.getState().dispatch('updateNode', { id: 'greeting', label: 'Boas-vindas' });
    });
    const form = screen.getByRole('form', { name: 'Compare versions' });
    expect(within(form).getByRole('combobox', { name: 'Compare' })).not.toHaveProperty(
      'value',
      'current',
    );
    expect(within(form).getByRole('combobox', { name: 'with' })).toHaveProperty('value', 'current');
    await user.click(within(form).getByRole('button', { name: 'Compare' }));

    expect(await screen.findByRole('heading', { name: /^Antes · .* → The current flow$/ })).toBe(
      screen.getByRole('heading', { level: 3 }),
    );
    expect(screen.getByRole('status').textContent).toBe('1 added, 0 removed, 1 changed');
    const changes = within(screen.getByRole('list', { name: 'Changes' })).getAllByRole('button');
    expect(changes.map((b) => b.textContent)).toEqual([
      'Added Message “message”',
      'Changed Greeting “Boas-vindas”: name',
    ]);
    expect(screen.getByRole('group', { name: 'Message: message (added)' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Back to the versions' }));
    expect(screen.getByRole('list', { name: 'Saved versions' })).toBeTruthy();
  });

  it('compares two versions, the older one first whichever way they are picked', async () => {
    const { store, user } = await renderDialog();
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Primeira');
    await user.click(screen.getByRole('button', { name: 'Save version' }));
    const versions = await screen.findByRole('list', { name: 'Saved versions' });
    await within(versions).findByText(/^Primeira/);
    act(() => store.getState().dispatch('addNode', { kind: 'hangup', position: { x: 0, y: 300 } }));
    // The form resets the field; user-event does not see a reset, so clear its idea of the value.
    await user.clear(screen.getByRole('textbox', { name: 'Note' }));
    await user.type(screen.getByRole('textbox', { name: 'Note' }), 'Segunda');
    await user.click(screen.getByRole('button', { name: 'Save version' }));
    await within(versions).findByText(/^Segunda/);

    const form = screen.getByRole('form', { name: 'Compare versions' });
    const pick = async (name: string, note: RegExp) => {
      const select = within(form).getByRole('combobox', { name });
      const option = within(select)
        .getAllByRole('option')
        .find((o) => note.test(o.textContent ?? ''))!;
      await user.selectOptions(select, option);
    };
    await pick('Compare', /^Segunda/);
    await pick('with', /^Primeira/);
    await user.click(within(form).getByRole('button', { name: 'Compare' }));

    expect(
      await screen.findByRole('heading', { name: /^Primeira · .* → Segunda · / }),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('1 added, 0 removed, 0 changed');
  });
});
