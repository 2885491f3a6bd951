import { describe, expect, it } from 'vitest';
import { createFlow } from '../document/create.ts';
import type { FlowDocument } from '../document/schema.ts';
import { unknownReferenceDiagnostics, unknownReferences } from './references.ts';
import { renameBotInFlow } from './teams.ts';

const flow = (): FlowDocument => {
  const doc = createFlow('Recepção');
  return {
    ...doc,
    nodes: [
      ...doc.nodes,
      { id: 't1', kind: 'transfer', data: { team: 'Vendas' }, connections: {} },
      { id: 't2', kind: 'transfer', data: { team: ' suporte ' }, connections: {} },
      { id: 't3', kind: 'transfer', data: { team: '' }, connections: {} },
      { id: 'b1', kind: 'fallbackBot', data: { bot: 'Bot Noturno' }, connections: {} },
    ],
  };
};

const workspace = {
  teams: [{ name: 'Ventas' }, { name: 'Suporte' }],
  bots: [{ name: 'Bot Diurno' }],
};

describe('unknownReferences', () => {
  it('names the transfers and fallback bots whose team or bot the workspace lacks, in node order', () => {
    expect(unknownReferences(flow(), workspace)).toEqual([
      { nodeId: 't1', index: 2, kind: 'team', name: 'Vendas' },
      { nodeId: 'b1', index: 5, kind: 'bot', name: 'Bot Noturno' },
    ]);
  });

  it('finds none when every name is the workspace’s (case and spaces aside); an empty one is the kind’s own check', () => {
    const names = {
      teams: [...workspace.teams, { name: 'vendas' }],
      bots: [{ name: 'bot noturno' }],
    };
    expect(unknownReferences(flow(), names)).toEqual([]);
  });

  it('finds a team or bot by its id too, as a call does (the seeded "Recepção" is "recepcao")', () => {
    const names = {
      teams: [
        { id: 'vendas', name: 'Equipe de vendas' },
        { id: 'suporte', name: 'Suporte técnico' },
      ],
      bots: [{ id: 'bot noturno', name: 'Noite' }],
    };
    expect(unknownReferences(flow(), names)).toEqual([]);
    // Another record's id is not a match for a name it does not have.
    expect(
      unknownReferences(flow(), { ...names, teams: [{ id: 'ventas', name: 'Vendas' }] }),
    ).toEqual([{ nodeId: 't2', index: 3, kind: 'team', name: ' suporte ' }]);
  });

  it('says so as errors on the node’s field, with the name as a parameter', () => {
    const [team, bot] = unknownReferenceDiagnostics(flow(), workspace);
    expect(team).toMatchObject({
      severity: 'error',
      code: 'transfer.unknownTeam',
      nodeId: 't1',
      path: 'nodes[2].data.team',
      params: { team: 'Vendas' },
    });
    expect(bot).toMatchObject({ code: 'fallbackBot.unknownBot', path: 'nodes[5].data.bot' });
  });
});

describe('renameBotInFlow', () => {
  it('renames the bot in the fallback-bot nodes that named it, and returns the flow itself when none did', () => {
    const doc = flow();
    const renamed = renameBotInFlow(doc, 'Bot Noturno', 'Bot da Noite');
    expect(renamed.nodes.find((n) => n.id === 'b1')?.data).toEqual({ bot: 'Bot da Noite' });
    expect(renameBotInFlow(doc, 'Outro', 'X')).toBe(doc);
  });
});
