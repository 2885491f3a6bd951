import type { Diagnostic } from '../document/diagnostic.ts';
import type { FlowDocument } from '../document/schema.ts';
import { nodeDiagnostic } from '../nodes/kind.ts';
import { nameKey } from './names.ts';

/** The workspace's records a flow may name, by name or id: its teams and bots. */
export interface WorkspaceNames {
  teams: readonly { name: string; id?: string }[];
  bots: readonly { name: string; id?: string }[];
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

/**
 * A record is named by its name or its id, as a call finds it (the seeded
 * team "Recepção" is the example's "recepcao").
 */
const keysOf = (records: readonly { name: string; id?: string }[]) =>
  new Set(
    records.flatMap((r) =>
      r.id === undefined ? [nameKey(r.name)] : [nameKey(r.name), nameKey(r.id)],
    ),
  );

/**
 * The transfer nodes whose team and the fallback-bot nodes whose bot are not
 * the workspace's (a flow said "Vendas" while the team was "Ventas"), in the
 * flow's node order, names compared by `sameName`. An empty name is the kinds' own check (`noTeam`,
 * `noBot`), not an unknown one. The server refuses to publish a flow with
 * any; the designer shows them in the checks.
 */
export function unknownReferences(doc: FlowDocument, names: WorkspaceNames): UnknownReference[] {
  const teams = keysOf(names.teams);
  const bots = keysOf(names.bots);
  const unknown: UnknownReference[] = [];
  doc.nodes.forEach((node, index) => {
    if (
      node.kind === 'transfer' &&
      node.data.team.trim() !== '' &&
      !teams.has(nameKey(node.data.team))
    )
      unknown.push({ nodeId: node.id, index, kind: 'team', name: node.data.team });
    if (
      node.kind === 'fallbackBot' &&
      node.data.bot.trim() !== '' &&
      !bots.has(nameKey(node.data.bot))
    )
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
