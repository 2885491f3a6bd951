/**
 * The teams and bots a flow names that its workspace does not have: such a
 * flow is not published (a transfer to "Vendas" when the team is "Ventas"
 * would reach nobody). Transfer nodes name a team by its name or its id;
 * fallback-bot nodes name a bot. Bots are checked once the workspace keeps
 * them (`bots` given).
 *
 * A minimal stand-in for the shared check the node kinds' engineer writes
 * (`unknownReferences` in `@callbot/shared`); this one goes once that lands.
 */
import type { Diagnostic, FlowDocument, Team } from '@callbot/shared';

/** Names compare as people read them: without the spaces around, ignoring case. */
const key = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase('pt-BR');

export function unknownReferences(
  doc: FlowDocument,
  workspace: {
    teams: readonly Pick<Team, 'id' | 'name'>[];
    bots?: readonly { id: string; name?: string }[];
  },
): Diagnostic[] {
  const teams = new Set(workspace.teams.flatMap((t) => [key(t.id), key(t.name)]));
  const bots =
    workspace.bots && new Set(workspace.bots.flatMap((b) => [key(b.id), key(b.name ?? b.id)]));
  const out: Diagnostic[] = [];
  doc.nodes.forEach((node, index) => {
    if (
      node.kind === 'transfer' &&
      node.data.team.trim() !== '' &&
      !teams.has(key(node.data.team))
    ) {
      out.push({
        severity: 'error',
        code: 'reference.unknownTeam',
        message: `The transfer "${node.label ?? node.id}" names the team "${node.data.team}", which this workspace does not have.`,
        hint: 'Choose one of the workspace’s teams, or create the team on the Teams page first.',
        params: { team: node.data.team },
        nodeId: node.id,
        path: `nodes[${index}].data.team`,
      });
    }
    if (
      node.kind === 'fallbackBot' &&
      bots &&
      node.data.bot.trim() !== '' &&
      !bots.has(key(node.data.bot))
    ) {
      out.push({
        severity: 'error',
        code: 'reference.unknownBot',
        message: `The fallback bot "${node.label ?? node.id}" names the bot "${node.data.bot}", which this workspace does not have.`,
        hint: 'Choose one of the workspace’s bots.',
        params: { bot: node.data.bot },
        nodeId: node.id,
        path: `nodes[${index}].data.bot`,
      });
    }
  });
  return out;
}
