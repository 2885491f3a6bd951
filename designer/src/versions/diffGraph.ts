import type { Edge, Node } from '@xyflow/react';
import {
  edgeId,
  kindOf,
  type FlowDiff,
  type FlowDocument,
  type FlowNode,
  type NodeAspect,
} from '@callbot/shared';
import { toFlowEdges, toFlowNodes, type FlowNodeData } from '../canvas/toReactFlow.ts';
import { en } from '../i18n/en.ts';
import { i18n, type Translate } from '../i18n/index.ts';
import { kindTitle, portLabel } from '../i18n/nodeTerms.ts';

/** How a node or a connection fares from the older version to the newer. */
export type DiffStatus = 'added' | 'removed' | 'changed' | 'moved';
export const diffStatuses: readonly DiffStatus[] = ['added', 'removed', 'changed', 'moved'];

/** A node of the diff canvas: the document node, and how it fared (none when unchanged). */
export type DiffNodeData = FlowNodeData & { status?: DiffStatus };
export type DiffCanvasNode = Node<DiffNodeData>;

export interface DiffGraph {
  nodes: DiffCanvasNode[];
  edges: Edge[];
}

/** One change in words: the list beside the canvas, and the nodes to centre for it. */
export interface DiffEntry {
  key: string;
  status: DiffStatus;
  text: string;
  /** Node ids to bring into view (none for the flow's settings). */
  focus: string[];
}

/**
 * Connection changes are shown as connections: a node whose only change is
 * where its outputs lead is not marked "changed" itself.
 */
const shownAspects = (aspects: readonly NodeAspect[]) => aspects.filter((a) => a !== 'connections');

/** The status each node of the newer version is drawn with (unchanged nodes are left out). */
function nodeStatuses(diff: FlowDiff): Map<string, DiffStatus> {
  const statuses = new Map<string, DiffStatus>();
  for (const node of diff.nodes.added) statuses.set(node.id, 'added');
  for (const moved of diff.nodes.moved) statuses.set(moved.id, 'moved');
  for (const changed of diff.nodes.changed) {
    if (shownAspects(changed.aspects).length > 0) statuses.set(changed.id, 'changed');
    else if (changed.moved) statuses.set(changed.id, 'moved');
  }
  return statuses;
}

/**
 * The union of both versions on one canvas: every node and connection of the
 * newer version, marked added, changed or moved, and what the newer one no
 * longer has, drawn from the older version at its old place and marked
 * removed. A removed connection whose output is gone from a node that is
 * still there cannot be drawn (it has no handle); the list of changes says it.
 */
export function diffGraph(
  before: FlowDocument,
  after: FlowDocument,
  diff: FlowDiff,
  t: Translate = i18n.t,
): DiffGraph {
  const statuses = nodeStatuses(diff);
  const removedIds = new Set(diff.nodes.removed.map((n) => n.id));
  const nodes: DiffCanvasNode[] = [
    ...toFlowNodes(after, { t }).map((node) => marked(node, statuses.get(node.id), t)),
    ...toFlowNodes(before, { t })
      .filter((node) => removedIds.has(node.id))
      .map((node) => marked(node, 'removed', t)),
  ];

  const added = new Set(diff.edges.added.map(edgeId));
  const retargeted = new Set(diff.edges.retargeted.map(edgeId));
  const removed = new Set(diff.edges.removed.map(edgeId));
  const drawn = new Map(nodes.map((node) => [node.id, node.data.node]));
  const hasPort = (id: string, port: string) => {
    const node = drawn.get(id);
    return (
      node !== undefined &&
      kindOf(node)
        .ports(node.data)
        .some((p) => p.id === port)
    );
  };
  const edgeStatus = (id: string): DiffStatus | undefined =>
    added.has(id) ? 'added' : retargeted.has(id) ? 'changed' : undefined;

  const edges: Edge[] = [
    ...toFlowEdges(after.nodes, undefined, t).map((edge) =>
      markedEdge(edge, edgeStatus(edge.id), t),
    ),
    ...toFlowEdges(before.nodes, undefined, t)
      .filter(
        (edge) =>
          (removed.has(edge.id) || retargeted.has(edge.id)) &&
          hasPort(edge.source, edge.sourceHandle ?? ''),
      )
      .map((edge) => markedEdge({ ...edge, id: `removed:${edge.id}` }, 'removed', t)),
  ];
  return { nodes, edges };
}

function marked(node: Node<FlowNodeData>, status: DiffStatus | undefined, t: Translate) {
  const out: DiffCanvasNode = {
    ...node,
    // Read-only: nothing to drag, connect or delete.
    draggable: false,
    connectable: false,
    deletable: false,
    data: status ? { ...node.data, status } : node.data,
  };
  if (status) {
    // Above unchanged nodes where they overlap, so the mark is seen.
    out.zIndex = 1;
    out.className = `version-diff__node version-diff__node--${status}`;
    out.ariaLabel = t('versionDiff.nodeName', {
      name: node.ariaLabel,
      state: t(`versionDiff.state.${status}`),
    });
  }
  return out;
}

function markedEdge(edge: Edge, status: DiffStatus | undefined, t: Translate): Edge {
  const out: Edge = { ...edge, deletable: false, reconnectable: false };
  if (!status) return out;
  return {
    ...out,
    className: `version-diff__edge version-diff__edge--${status}`,
    label: t(`versionDiff.badge.${status}`),
    ariaLabel: t('versionDiff.edgeName', {
      connection: edge.ariaLabel,
      state: t(`versionDiff.state.${status}`),
    }),
  };
}

type FieldName = keyof typeof en.versionDiff.fields;
const isField = (name: string): name is FieldName => Object.hasOwn(en.versionDiff.fields, name);
/** A changed field in words; a field the designer has no word for is shown by its name. */
const fieldName = (name: string, t: Translate) =>
  isField(name) ? t(`versionDiff.fields.${name}`) : name;

/**
 * Every change in words, grouped: added, removed, changed, then moved; nodes
 * first, then connections, then the flow's settings.
 */
export function diffEntries(
  before: FlowDocument,
  after: FlowDocument,
  diff: FlowDiff,
  t: Translate = i18n.t,
): DiffEntry[] {
  const beforeById = new Map(before.nodes.map((n) => [n.id, n]));
  const afterById = new Map(after.nodes.map((n) => [n.id, n]));
  const nameOf = (id: string) => {
    const node = afterById.get(id) ?? beforeById.get(id);
    return node ? (node.label ?? node.id) : id;
  };
  const nodeWords = (node: FlowNode) => ({
    kind: kindTitle(node.kind, t),
    name: node.label ?? node.id,
  });
  const portOf = (node: FlowNode | undefined, port: string) => {
    const def =
      node &&
      kindOf(node)
        .ports(node.data)
        .find((p) => p.id === port);
    return def ? portLabel(def, t) : port;
  };
  const edgeWords = (
    edge: { source: string; port: string; target: string },
    from: Map<string, FlowNode>,
  ) => ({
    from: nameOf(edge.source),
    port: portOf(from.get(edge.source), edge.port),
    to: nameOf(edge.target),
  });

  const statuses = nodeStatuses(diff);
  const entries: DiffEntry[] = [];
  const add = (status: DiffStatus, key: string, text: string, focus: string[]) =>
    entries.push({ status, key, text, focus });

  for (const node of diff.nodes.added) {
    add('added', `node:${node.id}`, t('versionDiff.nodeAdded', nodeWords(node)), [node.id]);
  }
  for (const edge of diff.edges.added) {
    const text = t('versionDiff.edgeAdded', edgeWords(edge, afterById));
    add('added', `edge:${edgeId(edge)}`, text, [edge.source, edge.target]);
  }
  for (const node of diff.nodes.removed) {
    add('removed', `node:${node.id}`, t('versionDiff.nodeRemoved', nodeWords(node)), [node.id]);
  }
  for (const edge of diff.edges.removed) {
    const text = t('versionDiff.edgeRemoved', edgeWords(edge, beforeById));
    add('removed', `edge:${edgeId(edge)}`, text, [edge.source, edge.target]);
  }
  for (const changed of diff.nodes.changed) {
    if (statuses.get(changed.id) !== 'changed') continue;
    const what = shownAspects(changed.aspects)
      .flatMap((aspect) => (aspect === 'data' ? changed.dataFields : [aspect]))
      .map((field) => fieldName(field, t))
      .join(', ');
    const text = t('versionDiff.nodeChanged', { ...nodeWords(changed.after), what });
    add('changed', `node:${changed.id}`, text, [changed.id]);
  }
  for (const edge of diff.edges.retargeted) {
    const text = t('versionDiff.edgeRetargeted', {
      ...edgeWords({ ...edge, target: edge.to }, afterById),
      was: nameOf(edge.from),
    });
    add('changed', `edge:${edgeId(edge)}`, text, [edge.source, edge.to]);
  }
  if (diff.settings.length > 0) {
    const what = diff.settings.map((field) => fieldName(field, t)).join(', ');
    add('changed', 'settings', t('versionDiff.settings', { what }), []);
  }
  for (const [id, status] of statuses) {
    if (status !== 'moved') continue;
    const node = afterById.get(id);
    if (node) add('moved', `node:${id}`, t('versionDiff.nodeMoved', nodeWords(node)), [id]);
  }
  return entries;
}

/** How many entries of each status, for the summary. */
export function countByStatus(entries: readonly DiffEntry[]): Record<DiffStatus, number> {
  const counts: Record<DiffStatus, number> = { added: 0, removed: 0, changed: 0, moved: 0 };
  for (const entry of entries) counts[entry.status]++;
  return counts;
}
