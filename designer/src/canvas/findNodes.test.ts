import { describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import { nodeUIs } from '../nodes/index.ts';
import { searchTextsOf } from './NodeUIContext.tsx';
import { buildNodeSearchIndex, findNodes } from './findNodes.ts';

const index = buildNodeSearchIndex(examples.reception.nodes, (node) =>
  searchTextsOf(nodeUIs, node),
);
const ids = (query: string) => findNodes(index, query).map((m) => m.id);

describe('findNodes', () => {
  it('finds a node by its label, ignoring accents and case', () => {
    // The fallback bot's id, bot-fora-do-horario, says it too, but it is not a name.
    expect(ids('HORARIO')).toEqual(['horario', 'bot-fora']);
    expect(findNodes(index, 'horário')[0]).toMatchObject({
      id: 'horario',
      name: 'Schedule: Horário de atendimento',
    });
  });

  it('finds nodes by what they say, and tells which text matched', () => {
    expect(findNodes(index, 'estamos fechados')).toEqual([
      expect.objectContaining({
        id: 'fechado',
        excerpt: 'Estamos fechados agora. Vou transferir você para o nosso assistente virtual.',
      }),
    ]);
    expect(ids('opcao invalida')).toEqual(['menu']);
  });

  it('puts names with a word that starts with the query first, then names, then texts', () => {
    expect(ids('vendas')).toEqual(['t-vendas', 'bot-vendas', 'menu']);
    expect(ids('endas')).toEqual(['t-vendas', 'bot-vendas', 'menu']);
  });

  it('finds by kind, team and bot', () => {
    // "Vou transferir você" is said by `fechado`.
    expect(ids('transfer')).toEqual(['t-vendas', 't-suporte', 't-recepcao', 'fechado']);
    expect(ids('recepcao')).toEqual(['t-recepcao']);
    expect(ids('bot-fora-do')).toEqual(['bot-fora']);
  });

  it('finds nothing for an empty query, and stops at the limit', () => {
    expect(ids('  ')).toEqual([]);
    expect(findNodes(index, 'o', 3)).toHaveLength(3);
  });
});
