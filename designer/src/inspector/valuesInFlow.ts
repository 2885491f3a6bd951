import type { FlowDocument, FlowNode } from '@callbot/shared';
import { useEditor } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';

type Nodes = FlowDocument['nodes'];

const distinctSorted = (values: (string | undefined)[]) =>
  [...new Set(values.filter((v): v is string => v !== undefined && v.trim() !== ''))].sort();

function memoByNodes(pick: (node: FlowNode) => string | undefined) {
  const cache = new WeakMap<Nodes, string[]>();
  return (s: EditorState) => {
    let values = cache.get(s.doc.nodes);
    if (!values) cache.set(s.doc.nodes, (values = distinctSorted(s.doc.nodes.map(pick))));
    return values;
  };
}

const selectTeams = memoByNodes((n) => (n.kind === 'transfer' ? n.data.team : undefined));
const selectBots = memoByNodes((n) => (n.kind === 'fallbackBot' ? n.data.bot : undefined));

/** Teams the flow's transfers already use, for the team picker's suggestions. */
export const useTeamsInFlow = (): string[] => useEditor(selectTeams);

/** Bots the flow already hands calls to, for the bot picker's suggestions. */
export const useBotsInFlow = (): string[] => useEditor(selectBots);
