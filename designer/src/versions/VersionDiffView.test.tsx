import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { examples } from '@callbot/runtime';
import { measureElementsInJsdom } from '../canvas/jsdomLayout.ts';
import { createEditorStore } from '../editor/store.ts';
import { VersionDiffView } from './VersionDiffView.tsx';
import { WithNodeUIs } from '../nodes/WithNodeUIs.tsx';

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

function renderDiff() {
  const before = structuredClone(examples.reception);
  const editor = createEditorStore(before);
  editor
    .getState()
    .dispatch('addNode', { kind: 'message', position: { x: 600, y: 0 }, id: 'aviso' });
  editor.getState().dispatch('updateNode', { id: 'greeting', data: { text: 'Olá! Bem-vindo.' } });
  editor.getState().dispatch('disconnect', { edges: [{ source: 'menu', port: 'noInput' }] });
  const onBack = vi.fn();
  render(
    <div style={{ width: 1000, height: 700 }}>
      <VersionDiffView
        before={before}
        after={editor.getState().doc}
        beforeLabel="Antes"
        afterLabel="The current flow"
        onBack={onBack}
      />
    </div>,
    { wrapper: WithNodeUIs },
  );
  return { onBack, user: userEvent.setup() };
}

describe('VersionDiffView', () => {
  it('marks each changed node on the canvas, in its name and in words on it', () => {
    renderDiff();
    const canvas = screen.getByRole('application', { name: 'Differences between the versions' });
    const added = within(canvas).getByRole('group', { name: 'Message: aviso (added)' });
    expect(added.textContent).toContain('Added');
    expect(added.classList.contains('version-diff__node--added')).toBe(true);
    const changed = within(canvas).getByRole('group', { name: 'Greeting: Boas-vindas (changed)' });
    expect(changed.textContent).toContain('Changed');
    // Nodes can be looked at only, and React Flow says so.
    const description = document.getElementById(added.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(
      'Read only: the list of changes beside the canvas brings each change into view.',
    );
    // Unchanged nodes are drawn as they are.
    expect(within(canvas).getByRole('group', { name: 'Button menu: Menu principal' })).toBeTruthy();
  });

  it('sums up and lists the changes, each a button that picks out its node', async () => {
    const { user } = renderDiff();
    expect(screen.getByRole('status').textContent).toBe('1 added, 1 removed, 1 changed');
    const list = screen.getByRole('list', { name: 'Changes' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual([
      'Added Message “aviso”',
      'Removed connection from “Menu principal” (no input) to “Recepção”',
      'Changed Greeting “Boas-vindas”: text',
    ]);
    await user.click(buttons[2]!);
    expect(buttons[2]!.getAttribute('aria-current')).toBe('true');
    const greeting = screen.getByRole('group', { name: 'Greeting: Boas-vindas (changed)' });
    expect(greeting.classList.contains('selected')).toBe(true);
  });

  it('has a legend of the marks, and a way back', async () => {
    const { user, onBack } = renderDiff();
    const legend = screen.getByRole('list', { name: 'Legend' });
    expect(
      within(legend)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Added', 'Removed', 'Changed', 'Moved']);
    await user.click(screen.getByRole('button', { name: 'Back to the versions' }));
    expect(onBack).toHaveBeenCalledOnce();
  });

  it('says so when the two versions are the same', () => {
    const doc = examples.reception;
    render(
      <VersionDiffView
        before={doc}
        after={structuredClone(doc)}
        beforeLabel="A"
        afterLabel="B"
        onBack={() => {}}
      />,
      { wrapper: WithNodeUIs },
    );
    expect(screen.getByRole('status').textContent).toBe(
      'No differences: both versions are the same flow.',
    );
    expect(
      within(screen.getByRole('list', { name: 'Changes' })).queryAllByRole('listitem'),
    ).toEqual([]);
  });
});
