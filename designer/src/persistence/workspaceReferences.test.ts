import { afterEach, describe, expect, it } from 'vitest';
import { examples } from '@callbot/runtime';
import type { DesignerDb } from './db.ts';
import { createTestWorkspace } from './testing.ts';

// Transfer and fallback-bot nodes name their team and bot: a rename in the
// browser's workspace is followed by every flow that named it, as on the server.

const opened: DesignerDb[] = [];
afterEach(() => {
  opened.splice(0).forEach((db) => db.close());
});

async function withReception() {
  const made = createTestWorkspace();
  opened.push(made.db);
  const at = 1_700_000_000_000;
  await made.db.flows.add({
    id: 'recepcao',
    name: 'Recepção',
    doc: examples.reception,
    revision: 3,
    createdAt: at,
    updatedAt: at,
  });
  return made;
}

const named = async (db: DesignerDb, kind: 'transfer' | 'fallbackBot') =>
  (await db.flows.get('recepcao'))!.doc.nodes.flatMap((n) => {
    if (n.kind !== kind) return [];
    return n.kind === 'transfer' ? [n.data.team] : n.kind === 'fallbackBot' ? [n.data.bot] : [];
  });

describe('the workspace’s names in the flows', () => {
  it('renames a team in the flows’ transfers that named it, bumping their revision', async () => {
    const { workspace, db, flowSaved } = await withReception();
    const team = await workspace.createTeam({ name: 'vendas', agents: 2 });
    await workspace.updateTeam(team.id, { name: 'Ventas' });
    expect(await named(db, 'transfer')).toEqual(['Ventas', 'suporte', 'recepcao']);
    expect((await db.flows.get('recepcao'))!.revision).toBe(4);
    expect(flowSaved).toEqual([['recepcao', 4]]);
    // Agents only: no flow changes.
    await workspace.updateTeam(team.id, { agents: 5 });
    expect((await db.flows.get('recepcao'))!.revision).toBe(4);
  });

  it('keeps bots by name, and renames one in the flows’ fallback-bot nodes', async () => {
    const { workspace, db } = await withReception();
    const bot = await workspace.createBot({ name: 'bot-vendas' });
    await workspace.createBot({ name: 'Atendente Virtual' });
    expect((await workspace.listBots()).items.map((b) => b.name)).toEqual([
      'Atendente Virtual',
      'bot-vendas',
    ]);
    await workspace.renameBot(bot.id, 'Bot de Vendas');
    expect(await named(db, 'fallbackBot')).toEqual([
      'bot-fora-do-horario',
      'Bot de Vendas',
      'bot-suporte',
    ]);
    await expect(workspace.createBot({ name: '  ' })).rejects.toThrow(/name/);
    await workspace.deleteBot(bot.id);
    expect((await workspace.listBots()).items.map((b) => b.name)).toEqual(['Atendente Virtual']);
  });
});
