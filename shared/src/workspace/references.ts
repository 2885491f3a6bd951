import type { Diagnostic } from '../document/diagnostic.ts';
import type { FlowDocument } from '../document/schema.ts';
import { nodeDiagnostic } from '../nodes/kind.ts';

/** The names of the workspace's records a flow may name: its teams and bots. */
export interface WorkspaceNames {
  teams: readonly { name: string }[];
  bots: readonly { name: string }[];
}

/** A node that names a team or bot the workspace does not have. */
export interface UnknownReference {
  nodeId: string;
  /** Index of the node in `doc.nodes` (for the diagnostic's path). */
  index: number;
  kind: 'team' | 'bot';
  /** The name as the flow writes it. */
  name: string;
}

/** Names compare as people read them: without the spaces around, ignoring case. */
const key = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase('pt-BR');

/**
 * The transfer nodes whose team and the fallback-bot nodes whose bot are not
 * the workspace's (a flow said "Vendas" while the team was "Ventas"), in the
 * flow's node order. An empty name is the kinds' own check (`noTeam`,
 * `noBot`), not an unknown one. The server refuses to publish a flow with
 * any; the designer shows them in the checks.
 */
export function unknownReferences(doc: FlowDocument, names: WorkspaceNames): UnknownReference[] {
  const teams = new Set(names.teams.map((t) => key(t.name)));
  const bots = new Set(names.bots.map((b) => key(b.name)));
  const unknown: UnknownReference[] = [];
  doc.nodes.forEach((node, index) => {
    if (node.kind === 'transfer' && node.data.team.trim() !== '' && !teams.has(key(node.data.team)))
      unknown.push({ nodeId: node.id, index, kind: 'team', name: node.data.team });
    if (node.kind === 'fallbackBot' && node.data.bot.trim() !== '' && !bots.has(key(node.data.bot)))
      unknown.push({ nodeId: node.id, index, kind: 'bot', name: node.data.bot });
  });
  return unknown;
}

/**
 * The checks' words for `unknownReferences`: `transfer.unknownTeam` and
 * `fallbackBot.unknownBot`, errors on the node's field, naming the record.
 */
export function unknownReferenceDiagnostics(
  doc: FlowDocument,
  names: WorkspaceNames,
): Diagnostic[] {
  return unknownReferences(doc, names).map((ref) =>
    ref.kind === 'team'
      ? nodeDiagnostic(
          { id: ref.nodeId },
          { doc, index: ref.index },
          {
            severity: 'error',
            code: 'transfer.unknownTeam',
            field: 'data.team',
            params: { team: ref.name },
            message: `The team “${ref.name}” is not one of the workspace’s teams: publishing is refused.`,
            hint: 'Choose one of the teams, or create it from the node.',
          },
        )
      : nodeDiagnostic(
          { id: ref.nodeId },
          { doc, index: ref.index },
          {
            severity: 'error',
            code: 'fallbackBot.unknownBot',
            field: 'data.bot',
            params: { bot: ref.name },
            message: `The bot “${ref.name}” is not one of the workspace’s bots: publishing is refused.`,
            hint: 'Choose one of the bots, or create it from the node.',
          },
        ),
  );
}
