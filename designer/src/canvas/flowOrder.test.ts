import { examples } from '@callbot/runtime';
import { createNode } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { flowOrder } from './flowOrder.ts';

describe('flowOrder', () => {
  it('starts at the greeting and goes breadth-first along the outputs, in their order', () => {
    const { nodes, edges } = flowOrder(examples.reception.nodes);
    expect(nodes).toEqual([
      'greeting',
      'horario',
      'menu',
      'fechado',
      't-vendas',
      't-suporte',
      't-recepcao',
      'tchau',
      'bot-fora',
      'bot-vendas',
      'bot-suporte',
    ]);
    expect(edges.slice(0, 5)).toEqual([
      'greeting:next',
      'horario:open',
      'horario:closed',
      'horario:holiday',
      'menu:option:vendas',
    ]);
    expect(edges).toHaveLength(15);
  });

  it('puts the nodes no call reaches after the others, in document order, each once', () => {
    const greeting = { ...createNode('greeting', 'hello', 'pt-BR'), connections: { next: 'bye' } };
    const lost = { ...createNode('message', 'lost', 'pt-BR'), connections: { next: 'bye' } };
    const bye = createNode('hangup', 'bye', 'pt-BR');
    const order = flowOrder([lost, bye, greeting]);
    expect(order.nodes).toEqual(['hello', 'bye', 'lost']);
    expect(order.edges).toEqual(['hello:next', 'lost:next']);
  });

  it('skips connections to nodes that do not exist', () => {
    const greeting = { ...createNode('greeting', 'hello', 'pt-BR'), connections: { next: 'gone' } };
    expect(flowOrder([greeting])).toEqual({ nodes: ['hello'], edges: [] });
  });
});
