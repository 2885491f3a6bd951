import type { FlowDocument, FlowNode } from '../document/schema.ts';
import { sameName } from './names.ts';

/**
 * The nodes' fields that name a record of the workspace: a transfer names its
 * team, a fallback bot its bot. Flows name them (the runtime's agent
 * directory and the voice path read the name; a flow file reads on its own),
 * so a rename of the record is followed by rewriting the flows that named it.
 */
function renameInFlow(
  doc: FlowDocument,
  from: string,
  to: string,
  renamed: (node: FlowNode) => FlowNode | null,
): FlowDocument {
  if (from === to) return doc;
  let changed = false;
  const nodes = doc.nodes.map((node) => {
    const next = renamed(node);
    if (next === null) return node;
    changed = true;
    return next;
  });
  return changed ? { ...doc, nodes } : doc;
}

/**
 * When a team of the workspace is renamed: the flow with every transfer node
 * that named `from` (the same name, `sameName`) naming `to` instead. Returns
 * `doc` itself when no node changes.
 */
export const renameTeamInFlow = (doc: FlowDocument, from: string, to: string): FlowDocument =>
  renameInFlow(doc, from, to, (node) =>
    node.kind === 'transfer' && sameName(node.data.team, from)
      ? { ...node, data: { ...node.data, team: to } }
      : null,
  );

/**
 * When a bot of the workspace is renamed: the flow with every fallback-bot
 * node that named `from` (the same name, `sameName`) naming `to` instead.
 * Returns `doc` itself when no node changes.
 */
export const renameBotInFlow = (doc: FlowDocument, from: string, to: string): FlowDocument =>
  renameInFlow(doc, from, to, (node) =>
    node.kind === 'fallbackBot' && sameName(node.data.bot, from)
      ? { ...node, data: { ...node.data, bot: to } }
      : null,
  );
