import { examples } from '@callbot/runtime';
import { createFlow, validateFlow } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { createEditorStore, HISTORY_LIMIT } from './store.ts';

const reception = () => createEditorStore(structuredClone(examples.reception));

describe('editor commands', () => {
  it('adds a node of a kind with its defaults, a fresh id and a position', () => {
    const editor = createEditorStore(createFlow('Nova'));
    editor.getState().dispatch('addNode', { kind: 'menu', position: { x: 10, y: 20 } });
    editor.getState().dispatch('addNode', { kind: 'menu', position: { x: 10, y: 200 } });
    const { doc } = editor.getState();
    expect(doc.nodes.map((n) => n.id)).toEqual(['greeting', 'tchau', 'menu', 'menu-2']);
    expect(doc.layout.nodes['menu-2']).toEqual({ x: 10, y: 200 });
    expect(doc.nodes[2]).toMatchObject({ kind: 'menu', connections: {} });
  });

  it('writes a new node’s texts in the flow’s language', () => {
    const menuTexts = (doc: ReturnType<typeof createFlow>) => {
      const editor = createEditorStore(doc);
      editor.getState().dispatch('addNode', { kind: 'menu', position: { x: 0, y: 300 } });
      const menu = editor.getState().doc.nodes.find((n) => n.kind === 'menu');
      return menu?.kind === 'menu' ? [menu.data.prompt, menu.data.noMatch.message] : [];
    };
    expect(menuTexts(createFlow('Recepción', 'es'))).toEqual([
      'Para ventas, marque 1. Para soporte, marque 2.',
      'Opción no válida.',
    ]);
    expect(menuTexts(createFlow('Reception', 'en'))).toEqual([
      'For sales, press 1. For support, press 2.',
      'Invalid option.',
    ]);
    // An imported flow in another Portuguese still gets the Brazilian texts.
    const portugal = createFlow('Receção', 'pt-BR');
    expect(menuTexts({ ...portugal, settings: { ...portugal.settings, locale: 'pt-PT' } })).toEqual(
      ['Para vendas, digite 1. Para suporte, digite 2.', 'Opção inválida.'],
    );
  });

  it('deletes nodes with their positions and the connections that led to them', () => {
    const editor = reception();
    editor.getState().dispatch('deleteNodes', { ids: ['t-vendas', 'tchau'] });
    const { doc } = editor.getState();
    expect(doc.nodes.find((n) => n.id === 't-vendas')).toBeUndefined();
    expect(doc.layout.nodes['t-vendas']).toBeUndefined();
    const menu = doc.nodes.find((n) => n.id === 'menu')!;
    expect(menu.connections).toEqual({ 'option:suporte': 't-suporte', noInput: 't-recepcao' });
  });

  it('connects and disconnects ports', () => {
    const editor = reception();
    editor.getState().dispatch('connect', { source: 'menu', port: 'noMatch', target: 'fechado' });
    expect(editor.getState().doc.nodes.find((n) => n.id === 'menu')!.connections.noMatch).toBe(
      'fechado',
    );
    editor.getState().dispatch('disconnect', { edges: [{ source: 'menu', port: 'noMatch' }] });
    expect(
      editor.getState().doc.nodes.find((n) => n.id === 'menu')!.connections.noMatch,
    ).toBeUndefined();
  });

  it('drops the connection of a menu option removed in the inspector', () => {
    const editor = reception();
    const menu = editor.getState().doc.nodes.find((n) => n.id === 'menu')!;
    if (menu.kind !== 'menu') throw new Error('menu');
    editor.getState().dispatch('updateNode', {
      id: 'menu',
      data: { ...menu.data, options: menu.data.options.slice(1) },
    });
    expect(editor.getState().doc.nodes.find((n) => n.id === 'menu')!.connections).toEqual({
      'option:suporte': 't-suporte',
      noInput: 't-recepcao',
      noMatch: 'tchau',
    });
  });

  it('pastes copies under fresh ids, keeping connections inside the copy', () => {
    const editor = reception();
    editor.getState().select({ nodes: ['t-vendas', 'bot-vendas', 'greeting'] });
    editor.getState().duplicate();
    const { doc, selection } = editor.getState();
    expect(selection.nodes).toEqual(['greeting-2', 't-vendas-2', 'bot-vendas-2']);
    const copy = doc.nodes.find((n) => n.id === 't-vendas-2')!;
    expect(copy.connections).toEqual({ noAgents: 'bot-vendas-2', failed: 'bot-vendas-2' });
    // A flow has one greeting: the copied one becomes a message.
    expect(doc.nodes.find((n) => n.id === 'greeting-2')!.kind).toBe('message');
    expect(doc.layout.nodes['t-vendas-2']).toEqual({ x: 40, y: 900 });
    expect(validateFlow(doc).filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('history', () => {
  it('undoes twenty steps and redoes them to the identical document', () => {
    const editor = createEditorStore(createFlow('Nova'));
    const states = [editor.getState().doc];
    for (let i = 0; i < 20; i++) {
      editor.getState().dispatch('addNode', { kind: 'message', position: { x: 0, y: i * 100 } });
      states.push(editor.getState().doc);
    }
    for (let i = 19; i >= 0; i--) {
      editor.getState().undo();
      expect(editor.getState().doc).toBe(states[i]);
    }
    for (let i = 1; i <= 20; i++) {
      editor.getState().redo();
      expect(editor.getState().doc).toEqual(states[i]);
    }
    expect(JSON.stringify(editor.getState().doc)).toBe(JSON.stringify(states[20]));
  });

  it('records a drag as one step, however many moves it made', () => {
    const editor = reception();
    for (let x = 1; x <= 30; x++) {
      editor.getState().preview('moveNodes', { positions: { menu: { x, y: 0 } } });
    }
    editor.getState().commitGesture('moveNodes');
    expect(editor.getState().past.map((e) => e.name)).toEqual(['moveNodes']);
    editor.getState().undo();
    expect(editor.getState().doc.layout.nodes.menu).toEqual({ x: 600, y: 540 });
  });

  it('records an automatic layout as one step', () => {
    const editor = reception();
    const before = editor.getState().doc;
    editor.getState().dispatch('autoLayout', {
      positions: { greeting: { x: 0, y: 0 }, menu: { x: 400, y: 400 } },
    });
    expect(editor.getState().past.map((e) => e.label)).toEqual(['Auto layout']);
    editor.getState().undo();
    expect(editor.getState().doc).toBe(before);
  });

  it('does not record selection, and a new edit clears what could be redone', () => {
    const editor = reception();
    editor.getState().select({ nodes: ['menu'] });
    editor.getState().selectAll();
    expect(editor.getState().past).toEqual([]);
    editor.getState().dispatch('updateSettings', { name: 'Outra' });
    editor.getState().undo();
    expect(editor.getState().future).toHaveLength(1);
    editor.getState().dispatch('updateSettings', { name: 'Terceira' });
    expect(editor.getState().future).toEqual([]);
  });

  it('keeps what the simulator and the test cases show per editor, out of the history', () => {
    const editor = reception();
    const other = reception();
    editor.getState().dispatch('moveNodes', { positions: { menu: { x: 1, y: 2 } } });
    editor.getState().highlightCall({
      active: 'menu',
      path: { nodes: ['greeting', 'menu'], edges: ['greeting:next'] },
    });
    editor.getState().showCoverage({ nodes: new Set(['menu']), ports: new Set() });
    expect(editor.getState().past).toHaveLength(1);
    expect(editor.getState().callHighlight.active).toBe('menu');
    expect(other.getState().callHighlight.active).toBeNull();
    expect(other.getState().coverage).toBeNull();
    editor.getState().undo();
    expect(editor.getState().callHighlight.active).toBe('menu');
    expect([...editor.getState().coverage!.nodes]).toEqual(['menu']);
    editor.getState().showCoverage(null);
    expect(editor.getState().coverage).toBeNull();
  });

  it('keeps at most HISTORY_LIMIT steps', () => {
    const editor = createEditorStore(createFlow('Nova'));
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) {
      editor.getState().dispatch('updateSettings', { name: `v${i}` });
    }
    expect(editor.getState().past).toHaveLength(HISTORY_LIMIT);
  });

  it('forgets selected nodes that an undo removes', () => {
    const editor = createEditorStore(createFlow('Nova'));
    editor.getState().dispatch('addNode', { kind: 'menu', position: { x: 0, y: 0 } });
    editor.getState().select({ nodes: ['menu'] });
    editor.getState().undo();
    expect(editor.getState().selection.nodes).toEqual([]);
  });

  it('deletes the selection (nodes and edges) as steps that undo restores', () => {
    const editor = reception();
    const before = editor.getState().doc;
    editor.getState().select({ nodes: ['tchau'], edges: ['horario:holiday'] });
    editor.getState().deleteSelection();
    const after = editor.getState().doc;
    expect(after.nodes.some((n) => n.id === 'tchau')).toBe(false);
    expect(after.nodes.find((n) => n.id === 'horario')!.connections.holiday).toBeUndefined();
    editor.getState().undo();
    editor.getState().undo();
    expect(editor.getState().doc).toBe(before);
  });
});

describe('a read-only editor (a trainer or viewer)', () => {
  it('refuses every change to the document but still selects and copies', () => {
    const doc = structuredClone(examples.reception);
    const past = [{ name: 'addNode' as const, label: 'Add node', doc: createFlow('Before') }];
    const editor = createEditorStore(doc, { past, future: [] }, { readOnly: true });
    const state = () => editor.getState();
    state().dispatch('addNode', { kind: 'menu', position: { x: 0, y: 0 } });
    state().preview('moveNodes', { positions: { menu: { x: 1, y: 1 } } });
    state().commitGesture('moveNodes');
    state().select({ nodes: ['menu'] });
    state().deleteSelection();
    state().undo();
    state().selectAll();
    state().copy();
    state().paste();
    expect(state().doc).toBe(doc);
    expect(state().past).toHaveLength(1);
    expect(state().clipboard?.nodes.length).toBe(doc.nodes.length);
    expect(state().readOnly).toBe(true);
  });
});
