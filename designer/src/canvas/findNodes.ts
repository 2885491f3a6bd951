import { normalizeSpeech, type FlowNode } from '@callbot/shared';
import { i18n, type Translate } from '../i18n/index.ts';
import { kindTitle } from '../i18n/nodeTerms.ts';
import { nodeName } from './toReactFlow.ts';

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
  /** `Kind title: label or id`, in the UI language. */
  name: string;
  names: Field[];
  texts: Field[];
}

/** A prepared search over nodes: build it once per list of nodes, query it per keystroke. */
export type NodeSearchIndex = IndexedNode[];

const field = (text: string): Field => ({ text, normalized: normalizeSpeech(text) });

/**
 * `searchTexts` says what a node says or names besides its id and label (each
 * kind's, from the registry: `searchTextsOf`); `t` names the kinds in the UI
 * language: a new `t` after a language change means a new index.
 */
export function buildNodeSearchIndex(
  nodes: readonly FlowNode[],
  searchTexts: (node: FlowNode) => string[],
  t: Translate = i18n.t,
): NodeSearchIndex {
  return nodes.map((node) => ({
    node,
    name: nodeName(node, t),
    names: [node.id, node.label ?? '', kindTitle(node.kind, t)].filter(Boolean).map(field),
    texts: searchTexts(node).filter(Boolean).map(field),
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
  for (const { node, name, names, texts } of index) {
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
