import { describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import { diffFlows, type FlowDocument } from '@callbot/shared';
import { createEditorStore } from '../editor/store.ts';
import { i18n } from '../i18n/index.ts';
import { countByStatus, diffEntries, diffGraph } from './diffGraph.ts';

const t = i18n.getFixedT('en');

/** The reception example after a few edits, made with the editor's own commands. */
function edited(): { before: FlowDocument; after: FlowDocument } {
  const before = structuredClone(examples.reception);
  const editor = createEditorStore(before);
  editor
    .getState()
    .dispatch('addNode', { kind: 'message', position: { x: 600, y: 0 }, id: 'aviso' });
  editor.getState().dispatch('updateNode', { id: 'greeting', data: { text: 'Olá! Bem-vindo.' } });
  editor.getState().dispatch('disconnect', { edges: [{ source: 'menu', port: 'noInput' }] });
  editor.getState().dispatch('deleteNodes', { ids: ['bot-fora'] });
  editor.getState().dispatch('moveNodes', { positions: { tchau: { x: 900, y: 900 } } });
  return { before, after: editor.getState().doc };
}

function compare() {
  const { before, after } = edited();
  const diff = diffFlows(before, after);
  return {
    before,
    after,
    graph: diffGraph(before, after, diff, t),
    entries: diffEntries(before, after, diff, t),
  };
}

describe('diffGraph', () => {
  it('draws both versions: removed nodes at their old place, each changed node marked and named so', () => {
    const { before, graph } = compare();
    const marks = graph.nodes.filter((n) => n.data.status).map((n) => [n.ariaLabel, n.className]);
    expect(marks).toEqual([
      ['Greeting: Boas-vindas (changed)', 'version-diff__node version-diff__node--changed'],
      ['Hang up: Despedida (moved)', 'version-diff__node version-diff__node--moved'],
      ['Message: aviso (added)', 'version-diff__node version-diff__node--added'],
      [
        'Fallback bot: Bot fora do horário (removed)',
        'version-diff__node version-diff__node--removed',
      ],
    ]);
    const removed = graph.nodes.find((n) => n.id === 'bot-fora')!;
    expect(removed.position).toEqual(before.layout.nodes['bot-fora']);
    expect(graph.nodes.every((n) => n.draggable === false && n.connectable === false)).toBe(true);
    // The union: every node of either version, once.
    expect(new Set(graph.nodes.map((n) => n.id)).size).toBe(graph.nodes.length);
    expect(graph.nodes).toHaveLength(before.nodes.length + 1);
  });

  it('draws removed connections from the older version, dashed, and labels each marked one', () => {
    const { graph } = compare();
    const marked = graph.edges
      .filter((e) => e.className)
      .map((e) => [e.id, e.label, e.className?.split('--')[1]]);
    expect(marked).toEqual(
      expect.arrayContaining([
        ['removed:menu:noInput', 'Removed', 'removed'],
        ['removed:fechado:next', 'Removed', 'removed'],
      ]),
    );
    const noInput = graph.edges.find((e) => e.id === 'removed:menu:noInput')!;
    expect(noInput.ariaLabel).toMatch(/^Connection from .* \(removed\)$/);
  });
});

describe('diffEntries', () => {
  it('lists each change in words, grouped by what happened, with the nodes to centre', () => {
    const { entries } = compare();
    expect(entries.map((e) => [e.status, e.text])).toEqual(
      expect.arrayContaining([
        ['added', 'Added Message “aviso”'],
        ['removed', 'Removed Fallback bot “Bot fora do horário”'],
        [
          'removed',
          expect.stringMatching(
            /^Removed connection from “Menu principal” \(no input\) to “Recepção”$/,
          ),
        ],
        ['changed', 'Changed Greeting “Boas-vindas”: text'],
        ['moved', 'Moved Hang up “Despedida”'],
      ]),
    );
    const statuses = entries.map((e) => e.status);
    expect(statuses).toEqual([...statuses].sort((a, b) => order(a) - order(b)));
    expect(entries.find((e) => e.status === 'changed')?.focus).toEqual(['greeting']);
  });

  it('counts the entries by status for the summary', () => {
    const { entries } = compare();
    const counts = countByStatus(entries);
    expect(counts.added).toBe(1);
    expect(counts.changed).toBe(1);
    expect(counts.moved).toBe(1);
    expect(counts.removed).toBe(entries.filter((e) => e.text.startsWith('Removed')).length);
  });

  it('names settings changes, and retargeted connections with their old and new targets', () => {
    const before = structuredClone(examples.reception);
    const editor = createEditorStore(before);
    editor.getState().dispatch('updateSettings', { name: 'Outra', locale: 'es' });
    editor.getState().dispatch('connect', { source: 'menu', port: 'noInput', target: 'tchau' });
    const after = editor.getState().doc;
    const entries = diffEntries(before, after, diffFlows(before, after), t);
    expect(entries.find((e) => e.key === 'settings')).toMatchObject({
      status: 'changed',
      text: 'Changed the flow settings: name, language',
      focus: [],
    });
    const retargeted = entries.find((e) => e.key === 'edge:menu:noInput')!;
    expect(retargeted.text).toMatch(/\(no input\): to “.*” instead of “.*”$/);
  });

  it('says nothing for two identical versions', () => {
    const doc = examples.reception;
    expect(diffEntries(doc, structuredClone(doc), diffFlows(doc, structuredClone(doc)))).toEqual(
      [],
    );
  });
});

const order = (s: string) => ['added', 'removed', 'changed', 'moved'].indexOf(s);
