import { describe, expect, it } from 'vitest';
import { flow } from '../test/harness.ts';
import type { FlowNode } from '../document/schema.ts';
import { whatsappCallingChecklist } from './checklist.ts';
import { findNamed, nameKey, sameName } from './names.ts';
import { unknownReferences } from './references.ts';
import { renameTeamInFlow } from './teams.ts';
import type { WhatsAppLine } from './schema.ts';

describe('one name rule for teams and bots', () => {
  it('ignores case, Unicode form and the spaces around and between words', () => {
    expect(sameName('VENDAS', 'Vendas')).toBe(true);
    expect(sameName('  Suporte   Técnico ', 'suporte técnico')).toBe(true);
    // "é" written as one code point and as e + combining accent.
    expect(sameName('Recepc\u0327a\u0303o', 'Recepção')).toBe(true);
    expect(nameKey(' Ação\tRápida ')).toBe('ação rápida');
  });

  it('keeps accents: they tell words apart in Portuguese and Spanish', () => {
    expect(sameName('país', 'pais')).toBe(false);
    expect(sameName('Recepção', 'recepcao')).toBe(false);
  });

  it('finds a record by its exact id or name first, then by the same name', () => {
    const teams = [
      { id: 't1', name: 'Vendas' },
      { id: 't2', name: 'vendas' },
      { id: 'recepcao', name: 'Recepção' },
    ];
    expect(findNamed(teams, 'vendas')?.id).toBe('t2');
    expect(findNamed(teams, 'Vendas')?.id).toBe('t1');
    expect(findNamed(teams, 'VENDAS ')?.id).toBe('t1');
    expect(findNamed(teams, 'RECEPCAO')?.id).toBe('recepcao');
    expect(findNamed(teams, 'Suporte')).toBeUndefined();
    // Records named by id alone (the server's call directory).
    expect(findNamed([{ id: 'bot-vendas' }], 'BOT-VENDAS')?.id).toBe('bot-vendas');
  });
});

describe('"VENDAS" in a flow is the team "Vendas" everywhere', () => {
  const node = (id: string, kind: FlowNode['kind'], data: unknown, next: Record<string, string>) =>
    ({ id, kind, data, connections: next }) as FlowNode;
  const doc = flow([
    node('g', 'greeting', { text: 'Olá' }, { next: 'h' }),
    node(
      'h',
      'schedule',
      { weekly: [{ day: 'mon', start: '09:00', end: '18:00' }], holidays: [] },
      { open: 't', closed: 'bye' },
    ),
    node('t', 'transfer', { team: 'VENDAS' }, { noAgents: 'bye', failed: 'bye' }),
    node('bye', 'hangup', { text: 'Tchau' }, {}),
  ]);
  const teams = [{ id: 'team-1', name: 'Vendas', agents: 2, isDefault: true }];

  it('publishing knows it', () => {
    expect(unknownReferences(doc, { teams, bots: [] })).toEqual([]);
  });

  it('R2: the checklist counts its agents', () => {
    const line: WhatsAppLine = {
      id: 'w',
      kind: 'whatsapp',
      number: '+551130000000',
      displayName: 'Loja',
      business: true,
      calling: true,
      callsEnabled: false,
      callbotId: 'r',
      createdAt: 0,
    };
    const items = whatsappCallingChecklist({
      line,
      teams,
      reception: { id: 'r', callbot: true, doc },
    });
    expect(items.find((i) => i.id === 'teamWithAgents')).toMatchObject({ done: true });
  });

  it('a rename of the team follows it', () => {
    const renamed = renameTeamInFlow(doc, 'Vendas', 'Comercial');
    expect(renamed.nodes.find((n) => n.id === 't')?.data).toEqual({ team: 'Comercial' });
  });
});
