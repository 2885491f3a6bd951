import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbFlowDocument } from '../test/arbitraries.ts';
import { createFlow, createNode } from './create.ts';
import { diffFlows, edgeId, isEmptyDiff, type FlowDiff } from './diff.ts';
import type { FlowDocument } from './schema.ts';

const ids = (nodes: readonly { id: string }[]) => nodes.map((n) => n.id);
const edgeIds = (edges: readonly { source: string; port: string }[]) => edges.map(edgeId).sort();

/** The reception-like flow the examples start from: greeting → menu → hang-up. */
function base(): FlowDocument {
  const doc = createFlow('Recepção');
  return {
    ...doc,
    nodes: [
      { ...doc.nodes[0]!, connections: { next: 'menu' } },
      {
        id: 'menu',
        kind: 'menu',
        label: 'Principal',
        data: {
          prompt: 'Digite 1 para vendas',
          options: [{ id: 'vendas', key: '1', keywords: ['vendas'] }],
          noInput: { repeats: 1 },
          noMatch: { repeats: 1 },
        },
        connections: { 'option:vendas': 'tchau', noInput: 'tchau' },
      },
      doc.nodes[1]!,
    ],
    layout: { nodes: { ...doc.layout.nodes, menu: { x: 0, y: 80 }, tchau: { x: 0, y: 240 } } },
  };
}

describe('diffFlows', () => {
  it('finds nothing between a flow and a deep copy of it', () => {
    const doc = base();
    const diff = diffFlows(doc, structuredClone(doc));
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('lists an added node with its connections, and a removed one with its own', () => {
    const before = base();
    const after: FlowDocument = {
      ...before,
      nodes: [
        before.nodes[0]!,
        { ...createNode('message', 'msg-1', 'pt-BR'), connections: { next: 'tchau' } },
        before.nodes[2]!,
      ],
    };
    const diff = diffFlows(before, after);
    expect(ids(diff.nodes.added)).toEqual(['msg-1']);
    expect(ids(diff.nodes.removed)).toEqual(['menu']);
    expect(edgeIds(diff.edges.added)).toEqual(['msg-1:next']);
    expect(edgeIds(diff.edges.removed)).toEqual(['menu:noInput', 'menu:option:vendas']);
    // The greeting still leads to `menu`, which is gone: its connection did not change.
    expect(diff.nodes.changed).toEqual([]);
  });

  it('says which of a node’s fields changed: label, data fields, connections, kind', () => {
    const before = base();
    const [greeting, menu] = before.nodes as [
      FlowDocument['nodes'][number],
      Extract<FlowDocument['nodes'][number], { kind: 'menu' }>,
    ];
    const after: FlowDocument = {
      ...before,
      nodes: [
        { ...greeting, label: 'Boas-vindas' },
        {
          ...menu,
          data: { ...menu.data, prompt: 'Digite 2', noMatch: { repeats: 2 } },
          connections: { 'option:vendas': 'greeting' },
        },
        { ...createNode('message', 'tchau', 'pt-BR'), data: { text: 'Até logo' } },
      ],
    };
    const diff = diffFlows(before, after);
    expect(diff.nodes.changed.map((c) => [c.id, c.aspects, c.dataFields])).toEqual([
      ['greeting', ['label'], []],
      ['menu', ['data', 'connections'], ['noMatch', 'prompt']],
      ['tchau', ['kind', 'data'], ['text']],
    ]);
    expect(diff.edges.retargeted).toEqual([
      { source: 'menu', port: 'option:vendas', from: 'tchau', to: 'greeting' },
    ]);
    expect(edgeIds(diff.edges.removed)).toEqual(['menu:noInput']);
    expect(diff.edges.added).toEqual([]);
    expect(diff.nodes.moved).toEqual([]);
  });

  it('keeps a node that only moved apart from the changed ones', () => {
    const before = base();
    const after: FlowDocument = {
      ...before,
      nodes: before.nodes.map((n) => (n.id === 'tchau' ? { ...n, label: 'Fim' } : n)),
      layout: {
        nodes: { ...before.layout.nodes, menu: { x: 200, y: 80 }, tchau: { x: 0, y: 400 } },
      },
    };
    const diff = diffFlows(before, after);
    expect(diff.nodes.moved).toEqual([
      { id: 'menu', node: after.nodes[1], from: { x: 0, y: 80 }, to: { x: 200, y: 80 } },
    ]);
    expect(diff.nodes.changed.map((c) => [c.id, c.moved])).toEqual([['tchau', true]]);
  });

  it('counts a node the layout stops placing as moved', () => {
    const before = base();
    const { menu: _dropped, ...rest } = before.layout.nodes;
    const diff = diffFlows(before, { ...before, layout: { nodes: rest } });
    expect(diff.nodes.moved).toMatchObject([{ id: 'menu', from: { x: 0, y: 80 }, to: undefined }]);
  });

  it('ignores the order of fields and fields set to undefined', () => {
    const before = base();
    const menu = before.nodes[1] as Extract<FlowDocument['nodes'][number], { kind: 'menu' }>;
    const after: FlowDocument = {
      ...before,
      nodes: [
        before.nodes[0]!,
        {
          connections: { noInput: 'tchau', 'option:vendas': 'tchau' },
          data: { ...menu.data, noInput: { message: undefined, repeats: 1 } },
          label: 'Principal',
          kind: 'menu',
          id: 'menu',
        },
        before.nodes[2]!,
      ],
    };
    expect(isEmptyDiff(diffFlows(before, after))).toBe(true);
  });

  it('lists the settings that changed', () => {
    const before = base();
    const after = {
      ...before,
      settings: { ...before.settings, name: 'Outra', noInputTimeoutMs: 8000 },
    };
    expect(diffFlows(before, after).settings).toEqual(['name', 'noInputTimeoutMs']);
  });

  it('reads ids such as toString and constructor-like keys as plain ids', () => {
    const before = base();
    const after: FlowDocument = {
      ...before,
      nodes: [...before.nodes, createNode('hangup', 'toString', 'pt-BR')],
    };
    const diff = diffFlows(before, after);
    expect(ids(diff.nodes.added)).toEqual(['toString']);
    expect(diff.nodes.moved).toEqual([]);
  });
});

describe('diffFlows properties', () => {
  const retargets = (diff: FlowDiff, reversed = false) =>
    diff.edges.retargeted
      .map((e) => `${edgeId(e)} ${reversed ? e.to : e.from}>${reversed ? e.from : e.to}`)
      .sort();

  it('a flow compared with itself has no changes', () => {
    fc.assert(
      fc.property(arbFlowDocument({ maxNodes: 12 }), (doc) => {
        expect(isEmptyDiff(diffFlows(doc, doc))).toBe(true);
        expect(isEmptyDiff(diffFlows(doc, structuredClone(doc)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('swapping the versions swaps added and removed, and reverses retargeted connections', () => {
    fc.assert(
      fc.property(arbFlowDocument({ maxNodes: 10 }), arbFlowDocument({ maxNodes: 10 }), (a, b) => {
        const forward = diffFlows(a, b);
        const backward = diffFlows(b, a);
        expect(ids(backward.nodes.added).sort()).toEqual(ids(forward.nodes.removed).sort());
        expect(ids(backward.nodes.removed).sort()).toEqual(ids(forward.nodes.added).sort());
        expect(edgeIds(backward.edges.added)).toEqual(edgeIds(forward.edges.removed));
        expect(edgeIds(backward.edges.removed)).toEqual(edgeIds(forward.edges.added));
        expect(retargets(backward)).toEqual(retargets(forward, true));
        expect(ids(backward.nodes.changed).sort()).toEqual(ids(forward.nodes.changed).sort());
        expect(ids(backward.nodes.moved).sort()).toEqual(ids(forward.nodes.moved).sort());
        expect(backward.settings).toEqual(forward.settings);
      }),
      { numRuns: 100 },
    );
  }, 60_000);

  it('removing one node of a flow shows that node, and only it, as removed', () => {
    fc.assert(
      fc.property(arbFlowDocument({ minNodes: 2, maxNodes: 12 }), fc.nat(), (doc, pick) => {
        const gone = doc.nodes[pick % doc.nodes.length]!;
        const after = { ...doc, nodes: doc.nodes.filter((n) => n !== gone) };
        const diff = diffFlows(doc, after);
        expect(ids(diff.nodes.removed)).toEqual([gone.id]);
        expect(edgeIds(diff.edges.removed)).toEqual(
          Object.keys(gone.connections)
            .map((port) => `${gone.id}:${port}`)
            .sort(),
        );
        expect(diff.nodes.added.length + diff.nodes.changed.length).toBe(0);
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
