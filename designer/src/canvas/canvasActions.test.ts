import { describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import type { Edge } from '@xyflow/react';
import { createEditorStore } from '../editor/store.ts';
import { nodeUIs } from '../nodes/index.ts';
import { nodeSizesOf } from './NodeUIContext.tsx';
import { boxesOf, NODE_GAP, overlappingPairs } from './placement.ts';
import {
  addNodeAfterOutput,
  addNodeAt,
  addNodeFromPalette,
  applyEdgeChanges,
  applyNodeChanges,
  connect,
  isNodeKind,
  reconnect,
} from './canvasActions.ts';
import { performAction } from '../editor/actions.ts';

/** No node measured: every size is the kinds' estimate. */
const sizes = nodeSizesOf(nodeUIs);
const reception = () => createEditorStore(structuredClone(examples.reception));
const nodeOf = (editor: ReturnType<typeof reception>, id: string) =>
  editor.getState().doc.nodes.find((n) => n.id === id)!;
/** The pairs of overlapping nodes (by their estimated sizes) that one of `ids` is in. */
const overlapsOf = (editor: ReturnType<typeof reception>, ids: string[]) =>
  overlappingPairs(boxesOf(editor.getState().doc, sizes), NODE_GAP).filter((pair) =>
    pair.some((id) => ids.includes(id)),
  );
const edge = (source: string, port: string, target: string): Edge => ({
  id: `${source}:${port}`,
  source,
  sourceHandle: port,
  target,
});

describe('dragging nodes', () => {
  it('previews every move and records the whole drag as one undo step', () => {
    const editor = reception();
    for (const x of [10, 20, 40]) {
      applyNodeChanges(editor, [
        { type: 'position', id: 'menu', position: { x, y: 540 }, dragging: true },
        { type: 'position', id: 'tchau', position: { x: x + 360, y: 1080 }, dragging: true },
      ]);
      expect(editor.getState().doc.layout.nodes.menu).toEqual({ x, y: 540 });
    }
    expect(editor.getState().past).toHaveLength(0);
    applyNodeChanges(editor, [
      { type: 'position', id: 'menu', position: { x: 40, y: 540 }, dragging: false },
      { type: 'position', id: 'tchau', position: { x: 400, y: 1080 }, dragging: false },
    ]);
    expect(editor.getState().past.map((e) => e.name)).toEqual(['moveNodes']);
    performAction('undo', { store: editor, page: {} });
    expect(editor.getState().doc.layout.nodes.menu).toEqual({ x: 600, y: 540 });
    expect(editor.getState().doc.layout.nodes.tchau).toEqual({ x: 1200, y: 1080 });
  });

  it('records a move by arrow key, which has no drag, as one step', () => {
    const editor = reception();
    applyNodeChanges(editor, [{ type: 'position', id: 'menu', position: { x: 300, y: 540 } }]);
    expect(editor.getState().past).toHaveLength(1);
    expect(editor.getState().doc.layout.nodes.menu).toEqual({ x: 300, y: 540 });
  });

  it('records nothing when a node is released where it was', () => {
    const editor = reception();
    applyNodeChanges(editor, [
      { type: 'position', id: 'menu', position: { x: 600, y: 540 }, dragging: false },
    ]);
    expect(editor.getState().past).toHaveLength(0);
  });
});

describe('selecting', () => {
  it('applies node and edge selection changes to the selection, unrecorded', () => {
    const editor = reception();
    applyNodeChanges(editor, [
      { type: 'select', id: 'menu', selected: true },
      { type: 'select', id: 'tchau', selected: true },
    ]);
    applyEdgeChanges(editor, [{ type: 'select', id: 'menu:noMatch', selected: true }]);
    expect(editor.getState().selection).toEqual({
      nodes: ['menu', 'tchau'],
      edges: ['menu:noMatch'],
    });
    applyNodeChanges(editor, [{ type: 'select', id: 'menu', selected: false }]);
    expect(editor.getState().selection.nodes).toEqual(['tchau']);
    expect(editor.getState().past).toHaveLength(0);
  });

  it('ignores the sizes React Flow measures', () => {
    const editor = reception();
    const before = editor.getState();
    applyNodeChanges(editor, [
      { type: 'dimensions', id: 'menu', dimensions: { width: 280, height: 200 } },
    ]);
    expect(editor.getState()).toBe(before);
  });
});

describe('removing', () => {
  it('deletes nodes and disconnects edges through commands', () => {
    const editor = reception();
    applyNodeChanges(editor, [{ type: 'remove', id: 'tchau' }]);
    applyEdgeChanges(editor, [{ type: 'remove', id: 'menu:option:vendas' }]);
    expect(nodeOf(editor, 'menu').connections).toEqual({
      'option:suporte': 't-suporte',
      noInput: 't-recepcao',
    });
    expect(editor.getState().past.map((e) => e.name)).toEqual(['deleteNodes', 'disconnect']);
  });

  it('does not record a step for edges already gone with their node', () => {
    const editor = reception();
    applyNodeChanges(editor, [{ type: 'remove', id: 'tchau' }]);
    applyEdgeChanges(editor, [{ type: 'remove', id: 'menu:noMatch' }]);
    expect(editor.getState().past).toHaveLength(1);
  });
});

describe('connecting', () => {
  it('connects a port, and replaces the connection of a port already connected', () => {
    const editor = reception();
    connect(editor, {
      source: 'menu',
      sourceHandle: 'noMatch',
      target: 'fechado',
      targetHandle: null,
    });
    expect(nodeOf(editor, 'menu').connections.noMatch).toBe('fechado');
    expect(editor.getState().past.map((e) => e.name)).toEqual(['connect']);
  });

  it('records nothing when the port already leads there, or a node is missing', () => {
    const editor = reception();
    connect(editor, {
      source: 'menu',
      sourceHandle: 'noMatch',
      target: 'tchau',
      targetHandle: null,
    });
    connect(editor, {
      source: 'menu',
      sourceHandle: 'noMatch',
      target: 'nope',
      targetHandle: null,
    });
    connect(editor, { source: 'menu', sourceHandle: null, target: 'tchau', targetHandle: null });
    expect(editor.getState().past).toHaveLength(0);
  });

  it('reconnects the target end of an edge in one step', () => {
    const editor = reception();
    reconnect(editor, edge('menu', 'noMatch', 'tchau'), {
      source: 'menu',
      sourceHandle: 'noMatch',
      target: 'fechado',
      targetHandle: null,
    });
    expect(nodeOf(editor, 'menu').connections.noMatch).toBe('fechado');
    expect(editor.getState().past).toHaveLength(1);
  });

  it('moves an edge to another port: the old port is disconnected', () => {
    const editor = reception();
    reconnect(editor, edge('greeting', 'next', 'horario'), {
      source: 'fechado',
      sourceHandle: 'next',
      target: 'horario',
      targetHandle: null,
    });
    expect(nodeOf(editor, 'greeting').connections).toEqual({});
    expect(nodeOf(editor, 'fechado').connections).toEqual({ next: 'horario' });
    expect(editor.getState().past.map((e) => e.name)).toEqual(['disconnect', 'connect']);
  });
});

describe('addNodeAt', () => {
  it('adds a node centred on the point, on the grid, and selects it', () => {
    const editor = reception();
    // Below the example's nodes: free room.
    const id = addNodeAt(editor, 'message', { x: 1000, y: 1600 }, sizes);
    expect(id).toBe('message');
    const { doc, selection, past } = editor.getState();
    expect(doc.nodes.at(-1)).toMatchObject({ id: 'message', kind: 'message' });
    expect(doc.layout.nodes.message).toEqual({ x: 880, y: 1540 });
    expect(selection).toEqual({ nodes: ['message'], edges: [] });
    expect(past).toHaveLength(1);
  });

  it('moves a new node to the nearest free spot when another one is there', () => {
    const editor = reception();
    addNodeAt(editor, 'message', { x: 1000, y: 1000 }, sizes);
    const id = addNodeAt(editor, 'message', { x: 1000, y: 1000 }, sizes);
    expect(id).toBe('message-2');
    expect(overlapsOf(editor, ['message', 'message-2'])).toEqual([]);
  });

  it('never puts a node on another, wherever it is added on the example', () => {
    const editor = reception();
    const added = ['menu', 'tchau', 't-vendas', 'horario', 'greeting'].map((id) => {
      const at = editor.getState().doc.layout.nodes[id]!;
      return addNodeAt(editor, 'message', { x: at.x + 100, y: at.y + 40 }, sizes);
    });
    expect(overlapsOf(editor, added)).toEqual([]);
  });
  it('knows the node kinds, and nothing else', () => {
    expect(isNodeKind('menu')).toBe(true);
    expect(isNodeKind('toString')).toBe(false);
    expect(isNodeKind('')).toBe(false);
  });
});

describe('adding a node after another', () => {
  it('from the palette with one node selected: beside it, led to from its first free output, one step', () => {
    const editor = reception();
    editor.getState().select({ nodes: ['t-recepcao'], edges: [] });
    editor.getState().dispatch('disconnect', { edges: [{ source: 't-recepcao', port: 'failed' }] });
    const id = addNodeFromPalette(editor, 'message', { x: 0, y: 0 }, sizes);
    const { doc, past, selection } = editor.getState();
    expect(nodeOf(editor, 't-recepcao').connections).toEqual({ noAgents: 'tchau', failed: id });
    expect(selection.nodes).toEqual([id]);
    expect(past.at(-1)?.name).toBe('addNode');
    const from = doc.layout.nodes['t-recepcao']!;
    expect(doc.layout.nodes[id]!.y).toBeGreaterThan(from.y);
    expect(overlapsOf(editor, [id])).toEqual([]);
    performAction('undo', { store: editor, page: {} });
    expect(editor.getState().doc.nodes.some((n) => n.id === id)).toBe(false);
    expect(nodeOf(editor, 't-recepcao').connections).toEqual({ noAgents: 'tchau' });
  });

  it('from the palette with nothing selected: near the centre, connected to nothing', () => {
    const editor = reception();
    const before = structuredClone(editor.getState().doc.nodes);
    const id = addNodeFromPalette(editor, 'hangup', { x: 300, y: 400 }, sizes);
    expect(editor.getState().doc.nodes.slice(0, -1)).toEqual(before);
    expect(nodeOf(editor, id).connections).toEqual({});
  });

  it('from a dragged output: at the drop point, led to from that output', () => {
    const editor = reception();
    const id = addNodeAfterOutput(
      editor,
      'menu',
      {
        source: 'menu',
        port: 'noMatch',
        at: { x: 2000, y: 2000 },
      },
      sizes,
    );
    expect(nodeOf(editor, 'menu').connections.noMatch).toBe(id);
    expect(editor.getState().doc.layout.nodes[id]).toEqual({ x: 1860, y: 2000 });
  });
});
