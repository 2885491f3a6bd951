import type { Edge, Node } from '@xyflow/react';
import {
  kindOf,
  type Diagnostic,
  type FlowDocument,
  type FlowNode,
  type NodeKindName,
  type NodeOfKind,
} from '@callbot/shared';
import type { Selection } from '../editor/store.ts';
import { i18n, type Translate } from '../i18n/index.ts';
import { kindTitle, portLabel } from '../i18n/nodeTerms.ts';

/** Vertical distance between nodes that have no position in the layout. */
const FALLBACK_ROW_GAP = 180;

/** How many problems validation found on a node, drawn as badges on it. */
export interface NodeBadge {
  errors: number;
  warnings: number;
}

/** What a canvas node carries: the document node it draws, and its badge. */
export type FlowNodeData<K extends NodeKindName = NodeKindName> = {
  node: NodeOfKind<K>;
  badge?: NodeBadge;
};

/** A React Flow node of the canvas. Its `type` is the node's kind, so each kind has its view. */
export type FlowCanvasNode<K extends NodeKindName = NodeKindName> = Node<FlowNodeData<K>, K>;

export interface ReactFlowGraph {
  nodes: FlowCanvasNode[];
  edges: Edge[];
}

export interface ToReactFlowOptions {
  /** Nodes and edges (`source:port`) drawn as selected. */
  selection?: Selection;
  /** Badge counts by node id, from `diagnosticsByNode`. */
  diagnosticsByNode?: ReadonlyMap<string, NodeBadge>;
  /** Says the accessible names in the UI language. */
  t?: Translate;
}

/** The accessible name of a node on the canvas: `Kind title: label or id`. */
export const nodeName = (node: FlowNode, t: Translate = i18n.t): string => {
  // Mapping 2,000 nodes on every drag frame: translate each node once per language.
  const language = i18n.language;
  const cached = names.get(node);
  if (cached?.language === language && cached.t === t) return cached.name;
  const kind = term(`kind:${node.kind}`, t, () => kindTitle(node.kind, t));
  const name = t('node.name', { kind, name: node.label ?? node.id });
  names.set(node, { language, t, name });
  return name;
};
const names = new WeakMap<FlowNode, { language: string; t: Translate; name: string }>();

/**
 * A kind title or an output label, said once per language: a large flow
 * repeats the same few thousands of times, and each `t` call costs.
 */
function term(key: string, t: Translate, say: () => string): string {
  const language = i18n.language;
  if (terms?.t !== t || terms.language !== language) terms = { t, language, said: new Map() };
  let value = terms.said.get(key);
  if (value === undefined) {
    value = say();
    terms.said.set(key, value);
  }
  return value;
}
let terms: { t: Translate; language: string; said: Map<string, string> } | undefined;

/** One document node as a React Flow node. */
export function toCanvasNode(
  node: FlowNode,
  position: { x: number; y: number },
  options: { selected?: boolean; badge?: NodeBadge | undefined; t?: Translate } = {},
): FlowCanvasNode {
  return {
    id: node.id,
    type: node.kind,
    position,
    data: options.badge ? { node, badge: options.badge } : { node },
    selected: options.selected ?? false,
    ariaLabel: nodeName(node, options.t),
  };
}

/**
 * Maps a flow document to React Flow nodes and edges. Pure, so the canvas
 * renders from the document and the mapping is tested without a browser.
 *
 * Positions come from `doc.layout`; a node the layout does not place goes in
 * a column at x = 0. Each entry of a node's `connections` (`{ portId: nodeId }`)
 * becomes an edge `source:port` from that port's handle. A connection from a
 * port the kind does not have, or to a node that does not exist, is not
 * drawn: React Flow cannot attach it to anything, and validation reports it.
 */
export function toReactFlow(doc: FlowDocument, options: ToReactFlowOptions = {}): ReactFlowGraph {
  return {
    nodes: toFlowNodes(doc, options),
    edges: toFlowEdges(doc.nodes, options.selection, options.t),
  };
}

/** The nodes of `toReactFlow`. */
export function toFlowNodes(
  doc: FlowDocument,
  { selection, diagnosticsByNode, t }: ToReactFlowOptions = {},
): FlowCanvasNode[] {
  const selected = new Set(selection?.nodes);
  return doc.nodes.map((node, index) => {
    // `hasOwn`, because a node id such as `toString` would otherwise read Object.prototype.
    const placed = Object.hasOwn(doc.layout.nodes, node.id) ? doc.layout.nodes[node.id] : undefined;
    return toCanvasNode(
      node,
      placed ? { x: placed.x, y: placed.y } : { x: 0, y: index * FALLBACK_ROW_GAP },
      { selected: selected.has(node.id), badge: diagnosticsByNode?.get(node.id), t },
    );
  });
}

/**
 * The edges of `toReactFlow`. They depend on the nodes but not on the
 * layout, so the canvas does not rebuild them while nodes are dragged.
 */
export function toFlowEdges(
  nodes: readonly FlowNode[],
  selection?: Selection,
  t: Translate = i18n.t,
): Edge[] {
  const selected = new Set(selection?.edges);
  const byId = new Map(nodes.map((node) => [node.id, node]));
  return nodes.flatMap((node) =>
    Object.entries(node.connections).flatMap(([port, target]): Edge[] => {
      const to = byId.get(target);
      const ariaLabel = to && connectionName(node, port, to, t);
      if (ariaLabel === undefined) return [];
      const id = `${node.id}:${port}`;
      return [
        { id, source: node.id, sourceHandle: port, target, selected: selected.has(id), ariaLabel },
      ];
    }),
  );
}

/**
 * The accessible name of the edge from `node`'s `port` to `to`, or undefined
 * when the node has no such port. Said once per node object, target object
 * and language, so selecting or editing one node does not say every edge's again.
 */
function connectionName(
  node: FlowNode,
  port: string,
  to: FlowNode,
  t: Translate,
): string | undefined {
  const language = i18n.language;
  let cached = connectionNames.get(node);
  if (cached?.language !== language || cached.t !== t) {
    const ports = kindOf(node).ports(node.data);
    const labels = ports.map(
      (p) => [p.id, term(`port:${p.id}\n${p.label}`, t, () => portLabel(p, t))] as const,
    );
    cached = { language, t, labels: new Map(labels), names: new Map() };
    connectionNames.set(node, cached);
  }
  const label = cached.labels.get(port);
  if (label === undefined) return undefined;
  const said = cached.names.get(port);
  if (said?.to === to) return said.name;
  const name = t('node.connection', {
    from: node.label ?? node.id,
    port: label,
    to: to.label ?? to.id,
  });
  cached.names.set(port, { to, name });
  return name;
}
const connectionNames = new WeakMap<
  FlowNode,
  {
    language: string;
    t: Translate;
    labels: Map<string, string>;
    names: Map<string, { to: FlowNode; name: string }>;
  }
>();

/** Errors and warnings counted by node, for the badges; nodes without any are left out. */
export function diagnosticsByNode(diagnostics: readonly Diagnostic[]): Map<string, NodeBadge> {
  const out = new Map<string, NodeBadge>();
  for (const d of diagnostics) {
    if (d.nodeId === undefined) continue;
    const badge = out.get(d.nodeId) ?? { errors: 0, warnings: 0 };
    if (d.severity === 'error') badge.errors++;
    else badge.warnings++;
    out.set(d.nodeId, badge);
  }
  return out;
}
