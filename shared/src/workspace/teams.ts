import type { FlowDocument } from '../document/schema.ts';

/**
 * Transfer nodes name their team (the runtime's agent directory is keyed by
 * the name). When a team of the workspace is renamed, the flow with every
 * transfer node that named `from` naming `to` instead. Returns `doc` itself
 * when no node changes.
 */
export function renameTeamInFlow(doc: FlowDocument, from: string, to: string): FlowDocument {
  if (from === to) return doc;
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    if (node.kind !== 'transfer' || node.data.team !== from) return node;
    changed = true;
    return { ...node, data: { ...node.data, team: to } };
  });
  return changed ? { ...doc, nodes } : doc;
}
