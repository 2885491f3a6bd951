import { describe, expect, it } from 'vitest';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { examples } from '@callbot/runtime';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore, noCallHighlight } from '../editor/store.ts';
import { FindNode } from './FindNode.tsx';
import { FlowCanvas } from './FlowCanvas.tsx';
import { measureElementsInJsdom } from './jsdomLayout.ts';
import { Palette } from './Palette.tsx';
import { WithNodeUIs } from '../nodes/WithNodeUIs.tsx';

// Dragging and connecting are left to the e2e specs; `canvasActions.test.ts`
// covers what the canvas does with React Flow's events.
measureElementsInJsdom();

function renderDesigner() {
  const editor = createEditorStore(structuredClone(examples.reception));
  render(
    <EditorProvider store={editor}>
      <ReactFlowProvider>
        <Palette />
        <FindNode />
        <div style={{ width: 800, height: 600 }}>
          {/* At 100 %, in full detail: fitted whole, the reception flow is drawn compact. */}
          <FlowCanvas initialView={{ x: 0, y: 0, zoom: 1 }} />
        </div>
      </ReactFlowProvider>
    </EditorProvider>,
    { wrapper: WithNodeUIs },
  );
  return { editor, user: userEvent.setup() };
}

describe('FlowCanvas', () => {
  it('draws every node of the document, named after its kind and label', () => {
    renderDesigner();
    const canvas = screen.getByRole('application', { name: 'Flow canvas' });
    expect(within(canvas).getAllByRole('group', { name: /: / })).toHaveLength(11);
    const menu = within(canvas).getByRole('group', { name: 'Button menu: Menu principal' });
    expect(
      within(menu)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['1 · Vendas', '2 · Suporte', 'no input', 'no match']);
  });

  it('draws the selection from the store, and follows its changes', () => {
    const { editor } = renderDesigner();
    const node = (name: string) => screen.getByRole('group', { name });
    expect(node('Button menu: Menu principal').classList.contains('selected')).toBe(false);
    act(() => editor.getState().select({ nodes: ['menu'] }));
    expect(node('Button menu: Menu principal').classList.contains('selected')).toBe(true);
    act(() => editor.getState().dispatch('deleteNodes', { ids: ['menu'] }));
    expect(screen.queryByRole('group', { name: 'Button menu: Menu principal' })).toBeNull();
  });

  it('puts validation badges on the nodes with problems', () => {
    const { editor } = renderDesigner();
    act(() => editor.getState().dispatch('updateNode', { id: 't-vendas', data: { team: '' } }));
    const transfer = screen.getByRole('group', { name: 'Transfer to team: Equipe de vendas' });
    expect(within(transfer).getByRole('img', { name: '1 error' })).toBeDefined();
  });
});

describe('Palette', () => {
  it('has one button per kind, named after the kind, described by a tooltip', () => {
    renderDesigner();
    const palette = screen.getByRole('navigation', { name: 'Palette' });
    expect(
      within(palette)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual([
      'Greeting',
      'Message',
      'Button menu',
      'Schedule',
      'Transfer to team',
      'Fallback bot',
      'AI agent',
      'Hang up',
    ]);
    const tip = screen.getByRole('button', { name: 'Schedule' }).getAttribute('aria-describedby');
    expect(document.getElementById(tip!)?.textContent).toBe(
      'Branches on opening hours: open, closed or holiday.',
    );
  });

  it('adds a node at the centre of the view on click, and selects it', async () => {
    const { editor, user } = renderDesigner();
    await user.click(screen.getByRole('button', { name: 'Transfer to team' }));
    const { doc, selection, past } = editor.getState();
    expect(doc.nodes.at(-1)).toMatchObject({
      id: 'transfer',
      kind: 'transfer',
      label: 'Transfer to team',
    });
    expect(doc.layout.nodes.transfer).toBeDefined();
    expect(selection.nodes).toEqual(['transfer']);
    expect(past.map((e) => e.name)).toEqual(['addNode']);
    // Named in the UI language; the id stays an id.
    const added = screen.getByRole('group', { name: 'Transfer to team: Transfer to team' });
    expect(added.classList.contains('selected')).toBe(true);
  });

  it('adds a node with the keyboard', async () => {
    const { editor, user } = renderDesigner();
    screen.getByRole('button', { name: 'Hang up' }).focus();
    await user.keyboard('{Enter}');
    expect(editor.getState().doc.nodes.at(-1)).toMatchObject({ id: 'hangup', kind: 'hangup' });
  });

  it('offers the kind to drag onto the canvas', () => {
    renderDesigner();
    const button = screen.getByRole('button', { name: 'Button menu' });
    expect(button.getAttribute('draggable')).toBe('true');
    const data = new Map<string, string>();
    const dataTransfer = {
      setData: (type: string, value: string) => data.set(type, value),
      effectAllowed: 'none',
    };
    button.dispatchEvent(
      Object.assign(new Event('dragstart', { bubbles: true }), { dataTransfer }),
    );
    expect(data.get('application/x-callbot-node')).toBe('menu');
  });
});

describe('FindNode', () => {
  it('finds a node by what it says, accents aside, and selects the one chosen', async () => {
    const { editor, user } = renderDesigner();
    const box = screen.getByRole('combobox', { name: 'Find a node' });
    await user.type(box, 'nao ouvi');
    expect(screen.queryAllByRole('option')).toHaveLength(0);
    expect(screen.getByRole('listbox', { name: 'Matching nodes' }).textContent).toBe(
      'No node matches “nao ouvi”',
    );
    await user.clear(box);
    await user.type(box, 'horario');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Schedule: Horário de atendimento',
      'Fallback bot: Bot fora do horário',
    ]);
    await user.click(options[0]!);
    expect(editor.getState().selection).toEqual({ nodes: ['horario'], edges: [] });
    expect(screen.queryByRole('listbox')).toBeNull();
  });

  it('is used with the keyboard: arrows to pick, Enter to choose', async () => {
    const { editor, user } = renderDesigner();
    const box = screen.getByRole('combobox', { name: 'Find a node' });
    await user.type(box, 'suporte');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{ArrowDown}{Enter}');
    // t-suporte and bot-suporte are names, the menu's keyword is a text: the second is bot-suporte.
    expect(editor.getState().selection.nodes).toEqual(['bot-suporte']);
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('marks the node a simulated call is at, and the path it took', () => {
    const { editor } = renderDesigner();
    const node = (name: string) => screen.getByRole('group', { name });
    act(() =>
      editor.getState().highlightCall({
        active: 'menu',
        path: { nodes: ['greeting', 'horario', 'menu'], edges: ['greeting:next', 'horario:open'] },
      }),
    );
    expect(node('Button menu: Menu principal').classList.contains('is-active')).toBe(true);
    expect(node('Greeting: Boas-vindas').classList.contains('is-visited')).toBe(true);
    expect(node('Hang up: Despedida').className).not.toMatch(/is-/);
    const taken = document.querySelectorAll('.react-flow__edge.is-taken');
    expect([...taken].map((e) => e.getAttribute('data-id'))).toEqual([
      'greeting:next',
      'horario:open',
    ]);
    act(() => editor.getState().highlightCall(noCallHighlight));
    expect(node('Button menu: Menu principal').classList.contains('is-active')).toBe(false);
  });

  it("shows the test coverage of its own editor's flow, and not another editor's", () => {
    const { editor } = renderDesigner();
    const other = createEditorStore(structuredClone(examples.reception));
    const node = (name: string) => screen.getByRole('group', { name });
    act(() => other.getState().showCoverage({ nodes: new Set(['greeting']), ports: new Set() }));
    expect(node('Greeting: Boas-vindas').className).not.toMatch(/is-covered/);
    act(() =>
      editor.getState().showCoverage({
        nodes: new Set(['greeting']),
        ports: new Set(['greeting:next']),
      }),
    );
    expect(node('Greeting: Boas-vindas').classList.contains('is-covered')).toBe(true);
    expect(node('Hang up: Despedida').classList.contains('is-uncovered')).toBe(true);
    act(() => editor.getState().showCoverage(null));
    expect(node('Hang up: Despedida').classList.contains('is-uncovered')).toBe(false);
  });
});
