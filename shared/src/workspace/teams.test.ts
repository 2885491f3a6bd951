import { describe, expect, it } from 'vitest';
import { createFlow } from '../document/create.ts';
import type { FlowDocument } from '../document/schema.ts';
import { renameTeamInFlow } from './teams.ts';

const withTransfers = (...teams: string[]): FlowDocument => {
  const doc = createFlow('Recepção');
  return {
    ...doc,
    nodes: [
      ...doc.nodes,
      ...teams.map((team, i) => ({
        id: `t${i}`,
        kind: 'transfer' as const,
        data: { team },
        connections: {},
      })),
    ],
  };
};

describe('renameTeamInFlow', () => {
  it('renames the team in every transfer node that named it, and only there', () => {
    const doc = withTransfers('Vendas', 'Suporte', 'Vendas');
    const renamed = renameTeamInFlow(doc, 'Vendas', 'Ventas');
    expect(renamed.nodes.filter((n) => n.kind === 'transfer').map((n) => n.data)).toEqual([
      { team: 'Ventas' },
      { team: 'Suporte' },
      { team: 'Ventas' },
    ]);
    expect(doc.nodes.at(-1)?.data).toEqual({ team: 'Vendas' });
  });

  it('gives the same document back when no node names the team', () => {
    const doc = withTransfers('Suporte');
    expect(renameTeamInFlow(doc, 'Vendas', 'Ventas')).toBe(doc);
  });
});
