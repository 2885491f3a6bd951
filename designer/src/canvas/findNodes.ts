import { kindOf, normalizeSpeech, type FlowNode } from '@callbot/shared';

/** A node found by `findNodes`, with the text it was found by when that is not its name. */
export interface NodeMatch {
  id: string;
  node: FlowNode;
  /** `Kind title: label or id`, as the canvas names the node. */
  name: string;
  /** The said text (or team, bot...) that matched, when the name did not. */
  excerpt?: string;
}

interface Field {
  text: string;
  normalized: string;
}

interface IndexedNode {
  node: FlowNode;
  names: Field[];
  texts: Field[];
}

/** A prepared search over nodes: build it once per list of nodes, query it per keystroke. */
export type NodeSearchIndex = IndexedNode[];

const field = (text: string): Field => ({ text, normalized: normalizeSpeech(text) });

/** Everything a node says or names besides its id and label: what a user remembers it by. */
export function nodeTexts(node: FlowNode): string[] {
  switch (node.kind) {
    case 'greeting':
    case 'message':
    case 'hangup':
      return [node.data.text];
    case 'menu':
      return [
        node.data.prompt,
        ...node.data.options.flatMap((o) => [o.label ?? '', ...o.keywords]),
        node.data.noInput.message ?? '',
        node.data.noMatch.message ?? '',
      ];
    case 'schedule':
      return node.data.holidays.map((h) => h.name ?? '');
    case 'transfer':
      return [node.data.team];
    case 'fallbackBot':
      return [node.data.bot];
    case 'aiAgent':
      return [node.data.instructions, node.data.endpoint];
  }
}

export function buildNodeSearchIndex(nodes: readonly FlowNode[]): NodeSearchIndex {
  return nodes.map((node) => ({
    node,
    names: [node.id, node.label ?? '', kindOf(node).title].filter(Boolean).map(field),
    texts: nodeTexts(node).filter(Boolean).map(field),
  }));
}

/**
 * The nodes whose id, label, kind or texts contain `query`, ignoring case,
 * accents and punctuation ("horario" finds "Horário de atendimento").
 * Names with a word that starts with the query come first, then names
 * that contain it, then texts; in document order within each.
 */
export function findNodes(index: NodeSearchIndex, query: string, limit = 8): NodeMatch[] {
  const q = normalizeSpeech(query);
  if (q === '') return [];
  const ranked: { rank: number; match: NodeMatch }[] = [];
  for (const { node, names, texts } of index) {
    const name = `${kindOf(node).title}: ${node.label ?? node.id}`;
    if (names.some((f) => f.normalized.startsWith(q) || f.normalized.includes(` ${q}`))) {
      ranked.push({ rank: 0, match: { id: node.id, node, name } });
    } else if (names.some((f) => f.normalized.includes(q))) {
      ranked.push({ rank: 1, match: { id: node.id, node, name } });
    } else {
      const text = texts.find((f) => f.normalized.includes(q));
      if (text) ranked.push({ rank: 2, match: { id: node.id, node, name, excerpt: text.text } });
    }
  }
  return ranked
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => r.match);
}
