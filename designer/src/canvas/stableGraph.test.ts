import { describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import { createEditorStore } from '../editor/store.ts';
import { i18n } from '../i18n/index.ts';
import { createGraphCache } from './stableGraph.ts';
import { toReactFlow } from './toReactFlow.ts';

describe('createGraphCache', () => {
  it('keeps the objects of nodes and edges that did not change', () => {
    const editor = createEditorStore(structuredClone(examples.reception));
    const cache = createGraphCache();
    const first = toReactFlow(editor.getState().doc);
    const nodes1 = cache.nodes(first.nodes);
    const edges1 = cache.edges(first.edges);

    // The same document drawn again: the very same arrays.
    const again = toReactFlow(editor.getState().doc);
    expect(cache.nodes(again.nodes)).toBe(nodes1);
    expect(cache.edges(again.edges)).toBe(edges1);

    editor.getState().dispatch('moveNodes', { positions: { menu: { x: 0, y: 0 } } });
    const moved = cache.nodes(toReactFlow(editor.getState().doc).nodes);
    expect(moved).not.toBe(nodes1);
    const changed = moved.filter((node, i) => node !== nodes1[i]).map((n) => n.id);
    expect(changed).toEqual(['menu']);
  });

  it('draws a node again when its selection or badge changes', () => {
    const doc = examples.reception;
    const cache = createGraphCache();
    const base = cache.nodes(toReactFlow(doc).nodes);
    const selected = cache.nodes(
      toReactFlow(doc, { selection: { nodes: ['tchau'], edges: [] } }).nodes,
    );
    expect(selected.filter((n, i) => n !== base[i]).map((n) => n.id)).toEqual(['tchau']);
    const badged = cache.nodes(
      toReactFlow(doc, { diagnosticsByNode: new Map([['menu', { errors: 1, warnings: 0 }]]) })
        .nodes,
    );
    expect(
      badged
        .filter((n, i) => n !== selected[i])
        .map((n) => n.id)
        .sort(),
    ).toEqual(['menu', 'tchau']);
  });

  it('keeps the nodes when React Flow measures them, and gives a new node object its size', () => {
    const editor = createEditorStore(structuredClone(examples.reception));
    const cache = createGraphCache();
    const nodes = cache.nodes(toReactFlow(editor.getState().doc).nodes);
    cache.measured([
      { type: 'dimensions', id: 'menu', dimensions: { width: 280, height: 190 } },
      { type: 'dimensions', id: 'tchau', dimensions: { width: 240, height: 80 } },
    ]);
    // React Flow already holds the sizes of the objects it has: nothing is drawn again.
    expect(cache.nodes(toReactFlow(editor.getState().doc).nodes)).toBe(nodes);

    // A moved node is a new object: it comes with its size, so React Flow does not hide it to measure it.
    editor.getState().dispatch('moveNodes', { positions: { menu: { x: 40, y: 0 } } });
    const moved = cache.nodes(toReactFlow(editor.getState().doc).nodes);
    expect(moved.find((n) => n.id === 'menu')?.measured).toEqual({ width: 280, height: 190 });
    expect(moved.find((n) => n.id === 'tchau')).toBe(nodes.find((n) => n.id === 'tchau'));
  });

  it('with sizes asked for (the minimap), gives each measured node its size, once', () => {
    const doc = examples.reception;
    const cache = createGraphCache();
    const nodes = cache.nodes(toReactFlow(doc).nodes, { sized: true });
    expect(
      cache.measured([{ type: 'dimensions', id: 'menu', dimensions: { width: 280, height: 190 } }]),
    ).toBe(true);
    const sized = cache.nodes(toReactFlow(doc).nodes, { sized: true });
    expect(sized.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual(['menu']);
    expect(sized.find((n) => n.id === 'menu')?.measured).toEqual({ width: 280, height: 190 });
    // The same size again is no news, and changes nothing.
    expect(
      cache.measured([{ type: 'dimensions', id: 'menu', dimensions: { width: 280, height: 190 } }]),
    ).toBe(false);
    expect(cache.nodes(toReactFlow(doc).nodes, { sized: true })).toBe(sized);
  });

  it('draws every node and edge again when the UI language changes their names', () => {
    const doc = examples.reception;
    const cache = createGraphCache();
    const english = toReactFlow(doc);
    const nodes = cache.nodes(english.nodes);
    const edges = cache.edges(english.edges);
    const spanish = toReactFlow(doc, { t: i18n.getFixedT('es') });
    const renamed = cache.nodes(spanish.nodes);
    expect(renamed.every((n, i) => n !== nodes[i])).toBe(true);
    expect(renamed.find((n) => n.id === 'menu')?.ariaLabel).toBe('Menú de botones: Menu principal');
    expect(cache.edges(spanish.edges).every((e, i) => e !== edges[i])).toBe(true);
  });

  it('gives a node never measured its estimated box and handles, then its measured size instead', () => {
    const doc = examples.reception;
    const cache = createGraphCache();
    const estimate = () => ({ width: 240, height: 200 });
    const nodes = cache.nodes(toReactFlow(doc).nodes, { estimate });
    const schedule = nodes.find((n) => n.id === 'horario')!;
    // Half a pixel off: no measured size equals it, so the first measure replaces the handles too.
    expect(schedule.measured).toEqual({ width: 240.5, height: 200.5 });
    // Its input, then one output per port (open, closed, holiday), inside the estimated box.
    expect(schedule.handles?.map((h) => [h.type, h.id])).toEqual([
      ['target', null],
      ['source', 'open'],
      ['source', 'closed'],
      ['source', 'holiday'],
    ]);
    for (const h of schedule.handles!) {
      expect(h.x).toBeGreaterThanOrEqual(0);
      expect(h.x).toBeLessThanOrEqual(240);
      expect([0, 200]).toContain(h.y);
    }

    cache.measured([
      { type: 'dimensions', id: 'horario', dimensions: { width: 240, height: 236 } },
    ]);
    const selected = cache.nodes(
      toReactFlow(doc, { selection: { nodes: ['horario'], edges: [] } }).nodes,
      { estimate },
    );
    const drawn = selected.find((n) => n.id === 'horario')!;
    // Measured: its real size, and no estimated handles (React Flow keeps the measured ones).
    expect(drawn.measured).toEqual({ width: 240, height: 236 });
    expect(drawn.handles).toBeUndefined();
  });
});
