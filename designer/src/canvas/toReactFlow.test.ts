import { describe, expect, it } from 'vitest';
import { kindOf, loadFlow, type FlowDocument } from '@callbot/shared';
import reception from '@callbot/runtime/examples/reception.flow.json';
import { FLOW_NODE_TYPE, toReactFlow } from './toReactFlow.ts';

function load(input: unknown): FlowDocument {
  const result = loadFlow(input);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('\n'));
  return result.doc;
}

describe('toReactFlow on the reception example', () => {
  const doc = load(reception);
  const { nodes, edges } = toReactFlow(doc);

  it('draws every node once, with the custom node type and its layout position', () => {
    expect(nodes).toHaveLength(11);
    expect(new Set(nodes.map((n) => n.id)).size).toBe(11);
    expect(nodes.every((n) => n.type === FLOW_NODE_TYPE)).toBe(true);
    expect(nodes.find((n) => n.id === 'menu')?.position).toEqual({ x: 200, y: 320 });
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
