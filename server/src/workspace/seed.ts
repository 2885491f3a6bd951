/**
 * What a new server workspace starts with, as a browser-only designer does on
 * its first visit: the reception example flow, so a new user has something
 * to open, the teams its transfers name, one of them the default team
 * (the one the default callbot transfers to, R9), and the bots its
 * fallback-bot nodes name, so the example publishes as it is.
 */
import type { Actor, Bot, Team } from '@callbot/shared';
import { examples } from '@callbot/runtime';
import type { WorkspaceStore } from './store.ts';

/** The example's id in every workspace. */
export const EXAMPLE_FLOW_ID = 'reception-example';

/** The teams the reception example transfers to; the reception desk is the default. */
export const SEED_TEAMS: readonly Team[] = [
  { id: 'recepcao', name: 'Recepção', agents: 1, isDefault: true },
  { id: 'vendas', name: 'Vendas', agents: 1, isDefault: false },
  { id: 'suporte', name: 'Suporte', agents: 1, isDefault: false },
];

/**
 * The bots the reception example hands calls to, with no target yet: a call
 * handed to one hangs up until the business says where the bot is.
 */
export const SEED_BOTS: readonly Bot[] = [
  ...new Set(
    examples.reception.nodes.flatMap((n) => (n.kind === 'fallbackBot' ? [n.data.bot] : [])),
  ),
].map((name) => ({ id: name, name }));

/**
 * Seeds a workspace just created by `by`. Each record goes through the
 * store's own checks; a workspace that has them already (seeded twice) keeps
 * its own.
 *
 * @example
 * const made = await accounts.createWorkspace(userId, 'Loja', now);
 * await seedWorkspace(store, made.id, { id: userId, name: 'Ana' });
 */
export async function seedWorkspace(store: WorkspaceStore, ws: string, by: Actor): Promise<void> {
  const teams = new Set((await store.listRecords(ws, 'teams')).map((t) => t.id));
  for (const team of SEED_TEAMS) {
    if (!teams.has(team.id)) await store.putRecord(ws, 'teams', team.id, team, by);
  }
  const bots = new Set((await store.listRecords(ws, 'bots')).map((b) => b.id));
  for (const bot of SEED_BOTS) {
    if (!bots.has(bot.id)) await store.putRecord(ws, 'bots', bot.id, bot, by);
  }
  // Base revision 0 creates it; an example there already stays as it is.
  await store.saveFlow(
    ws,
    EXAMPLE_FLOW_ID,
    { baseRevision: 0, doc: examples.reception, isExample: true },
    by,
  );
}
