import { describe, expect, it } from 'vitest';
import { kindOf, loadFlow, type FlowDocument } from '@callbot/shared';
import reception from '@callbot/runtime/examples/reception.flow.json';
import { i18n } from '../i18n/index.ts';
import { diagnosticsByNode, toReactFlow } from './toReactFlow.ts';

function load(input: unknown): FlowDocument {
  const result = loadFlow(input);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.doc;
}

describe('toReactFlow on the reception example', () => {
  const doc = load(reception);
  const { nodes, edges } = toReactFlow(doc);

  it('draws every node once, with its kind as node type and its layout position', () => {
    expect(nodes).toHaveLength(11);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(11);
    expect(nodes.every((n) => n.type === n.data.node.kind)).toBe(true);
    expect(nodes.find((n) => n.id === 'menu')?.position).toEqual({ x: 600, y: 540 });
    expect(nodes.find((n) => n.id === 'horario')?.ariaLabel).toBe(
      'Schedule: Horário de atendimento',
    );
  });

  it('draws one edge per connection, named after its source and port', () => {
    const connections = doc.nodes.reduce((n, node) => n + Object.keys(node.connections).length, 0);
    expect(edges).toHaveLength(connections);
    expect(edges.find((e) => e.id === 'menu:option:vendas')).toMatchObject({
      source: 'menu',
      sourceHandle: 'option:vendas',
      target: 't-vendas',
    });
  });

  it('starts every edge at one of its source node ports, and ends it at a node', () => {
    const byId = new Map(doc.nodes.map((node) => [node.id, node]));
    for (const edge of edges) {
      const source = byId.get(edge.source)!;
      const ports = kindOf(source)
        .ports(source.data)
        .map((p) => p.id);
      expect(ports).toContain(edge.sourceHandle);
      expect(byId.has(edge.target)).toBe(true);
    }
  });
});

describe('toReactFlow with a selection and diagnostics', () => {
  const doc = load(reception);

  it('marks the selected nodes and edges, and only them', () => {
    const { nodes, edges } = toReactFlow(doc, {
      selection: { nodes: ['menu', 'tchau'], edges: ['menu:noMatch'] },
    });
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['menu', 'tchau']);
    expect(nodes.every((n) => typeof n.selected === 'boolean')).toBe(true);
    expect(edges.filter((e) => e.selected).map((e) => e.id)).toEqual(['menu:noMatch']);
  });

  it('selects nothing without a selection, and puts no badge without diagnostics', () => {
    const { nodes, edges } = toReactFlow(doc);
    expect(nodes.some((n) => n.selected)).toBe(false);
    expect(edges.some((e) => e.selected)).toBe(false);
    expect(nodes.some((n) => n.data.badge !== undefined)).toBe(false);
  });

  it('gives each node its badge, counted from the diagnostics about it', () => {
    const badges = diagnosticsByNode([
      { severity: 'error', code: 'a', message: 'a', nodeId: 'menu' },
      { severity: 'error', code: 'b', message: 'b', nodeId: 'menu' },
      { severity: 'warning', code: 'c', message: 'c', nodeId: 'menu' },
      { severity: 'warning', code: 'd', message: 'd', nodeId: 'tchau' },
      { severity: 'error', code: 'e', message: 'about the flow, not a node' },
    ]);
    expect([...badges]).toEqual([
      ['menu', { errors: 2, warnings: 1 }],
      ['tchau', { errors: 0, warnings: 1 }],
    ]);
    const { nodes } = toReactFlow(doc, { diagnosticsByNode: badges });
    expect(nodes.find((n) => n.id === 'menu')?.data.badge).toEqual({ errors: 2, warnings: 1 });
    expect(nodes.find((n) => n.id === 'greeting')?.data.badge).toBeUndefined();
  });

  it('names each edge after its port, for screen readers', () => {
    const { edges } = toReactFlow(doc);
    expect(edges.find((e) => e.id === 'menu:option:vendas')?.ariaLabel).toBe(
      'Connection from Menu principal (1 · Vendas) to Equipe de vendas',
    );
  });

  it('names edges anew when their target is renamed or the language changes', () => {
    const renamed = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === 't-vendas' ? { ...n, label: 'Sales team' } : n)),
    };
    const name = (edges: { id: string; ariaLabel?: string }[]) =>
      edges.find((e) => e.id === 'menu:option:vendas')?.ariaLabel;
    expect(name(toReactFlow(renamed).edges)).toBe(
      'Connection from Menu principal (1 · Vendas) to Sales team',
    );
    expect(name(toReactFlow(doc).edges)).toBe(
      'Connection from Menu principal (1 · Vendas) to Equipe de vendas',
    );
    const spanish = toReactFlow(doc, { t: i18n.getFixedT('es') });
    expect(name(spanish.edges)).toBe('Conexión de Menu principal (1 · Vendas) a Equipe de vendas');
    expect(spanish.nodes.find((n) => n.id === 'menu')?.ariaLabel).toBe(
      'Menú de botones: Menu principal',
    );
    expect(name(toReactFlow(doc).edges)).toBe(
      'Connection from Menu principal (1 · Vendas) to Equipe de vendas',
    );
  });
});

describe('toReactFlow on incomplete documents', () => {
  const doc = load({
    schemaVersion: 1,
    settings: { name: 'Draft', timeZone: 'UTC', locale: 'en', noInputTimeoutMs: 5000 },
    nodes: [
      { id: 'start', kind: 'greeting', data: { text: 'Hi' }, connections: { next: 'gone' } },
      { id: 'toString', kind: 'hangup', data: { text: 'Bye' }, connections: {} },
      { id: 'end', kind: 'hangup', data: { text: 'Bye' }, connections: {} },
    ],
    layout: { nodes: { end: { x: 40, y: 60 } } },
  });
  const { nodes, edges } = toReactFlow(doc);

  it('puts nodes the layout does not place in a column', () => {
    expect(nodes.map((n) => n.position)).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 180 },
      { x: 40, y: 60 },
    ]);
  });

  it('does not draw a connection to a node that does not exist', () => {
    expect(edges).toEqual([]);
  });
});
