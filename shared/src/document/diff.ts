import type { FlowNode } from '../nodes/index.ts';
import { own } from './own.ts';
import type { FlowDocument, FlowSettings } from './schema.ts';

/** What can change about a node that is in both documents, besides where it sits. */
export type NodeAspect = 'kind' | 'label' | 'data' | 'connections';

/** A node in both documents whose content differs. */
export interface ChangedNode {
  id: string;
  before: FlowNode;
  after: FlowNode;
  /** What differs, in the order of `NodeAspect`. Never empty. */
  aspects: NodeAspect[];
  /** The `data` fields that differ (top-level keys, sorted), e.g. `['text']`. */
  dataFields: string[];
  /** It also sits somewhere else on the canvas. */
  moved: boolean;
}

/** Where a node sits; `undefined` when the layout does not place it. */
export type NodePosition = { x: number; y: number } | undefined;

/** A node in both documents whose content is the same but which sits elsewhere. */
export interface MovedNode {
  id: string;
  node: FlowNode;
  from: NodePosition;
  to: NodePosition;
}

/** A connection: output `port` of node `source` leads to node `target`. */
export interface FlowEdgeRef {
  source: string;
  port: string;
  target: string;
}

/** A connection from the same output that leads somewhere else now. */
export interface RetargetedEdge {
  source: string;
  port: string;
  from: string;
  to: string;
}

/**
 * What changed from one flow document to another. Lists follow document
 * order: `before`'s for what was removed, `after`'s for the rest.
 */
export interface FlowDiff {
  nodes: {
    added: FlowNode[];
    removed: FlowNode[];
    changed: ChangedNode[];
    /** Moved only: a changed node that also moved is in `changed`, with `moved` set. */
    moved: MovedNode[];
  };
  edges: {
    added: FlowEdgeRef[];
    removed: FlowEdgeRef[];
    retargeted: RetargetedEdge[];
  };
  /** The settings fields that differ, in the settings' own order. */
  settings: (keyof FlowSettings)[];
}

const SETTINGS_FIELDS = [
  'name',
  'timeZone',
  'locale',
  'noInputTimeoutMs',
] as const satisfies readonly (keyof FlowSettings)[];

/**
 * Compares two versions of a flow: which nodes were added, removed, changed
 * (kind, label, data fields, connections) or only moved; which connections
 * (`source:port → target`) were added, removed or lead elsewhere; which
 * settings changed. Pure; field order and absent vs `undefined` fields do not
 * count as changes.
 *
 * @example
 * const diff = diffFlows(version.doc, store.getState().doc);
 * diff.nodes.added.map((n) => n.id); // ['msg-1']
 */
export function diffFlows(before: FlowDocument, after: FlowDocument): FlowDiff {
  const beforeNodes = new Map(before.nodes.map((node) => [node.id, node]));
  const afterIds = new Set(after.nodes.map((node) => node.id));

  const diff: FlowDiff = {
    nodes: { added: [], removed: [], changed: [], moved: [] },
    edges: { added: [], removed: [], retargeted: [] },
    settings: SETTINGS_FIELDS.filter((f) => !sameValue(before.settings[f], after.settings[f])),
  };

  for (const node of before.nodes) {
    if (afterIds.has(node.id)) continue;
    diff.nodes.removed.push(node);
    diff.edges.removed.push(...edgesOf(node));
  }

  for (const node of after.nodes) {
    const old = beforeNodes.get(node.id);
    if (!old) {
      diff.nodes.added.push(node);
      diff.edges.added.push(...edgesOf(node));
      continue;
    }
    const from = positionOf(before, node.id);
    const to = positionOf(after, node.id);
    const moved = !sameValue(from, to);
    const dataFields = changedFields(old.data, node.data);
    const aspects: NodeAspect[] = [];
    if (old.kind !== node.kind) aspects.push('kind');
    if ((old.label ?? '') !== (node.label ?? '')) aspects.push('label');
    if (dataFields.length > 0) aspects.push('data');
    if (!sameValue(old.connections, node.connections)) aspects.push('connections');
    if (aspects.length > 0) {
      diff.nodes.changed.push({
        id: node.id,
        before: old,
        after: node,
        aspects,
        dataFields,
        moved,
      });
    } else if (moved) {
      diff.nodes.moved.push({ id: node.id, node, from, to });
    }
    diffConnections(old, node, diff.edges);
  }
  return diff;
}

/** Nothing differs, not even a position. */
export function isEmptyDiff(diff: FlowDiff): boolean {
  const { nodes, edges, settings } = diff;
  return (
    nodes.added.length + nodes.removed.length + nodes.changed.length + nodes.moved.length === 0 &&
    edges.added.length + edges.removed.length + edges.retargeted.length === 0 &&
    settings.length === 0
  );
}

/** The id of a connection, as the canvas and the selection name it: `source:port`. */
export const edgeId = (edge: { source: string; port: string }): string =>
  `${edge.source}:${edge.port}`;

function edgesOf(node: FlowNode): FlowEdgeRef[] {
  return Object.entries(node.connections).map(([port, target]) => ({
    source: node.id,
    port,
    target,
  }));
}

function diffConnections(old: FlowNode, node: FlowNode, edges: FlowDiff['edges']): void {
  for (const [port, target] of Object.entries(node.connections)) {
    const was = own(old.connections, port);
    if (was === undefined) edges.added.push({ source: node.id, port, target });
    else if (was !== target)
      edges.retargeted.push({ source: node.id, port, from: was, to: target });
  }
  for (const [port, target] of Object.entries(old.connections)) {
    if (!Object.hasOwn(node.connections, port))
      edges.removed.push({ source: old.id, port, target });
  }
}

function positionOf(doc: FlowDocument, id: string): NodePosition {
  const point = own(doc.layout.nodes, id);
  return point && { x: point.x, y: point.y };
}

/** The top-level fields of two data objects that differ, sorted. */
function changedFields(a: unknown, b: unknown): string[] {
  const left = asRecord(a);
  const right = asRecord(b);
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...keys].filter((key) => !sameValue(left[key], right[key])).sort();
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};

/** Structural equality of JSON-like values; a field set to `undefined` counts as absent. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  return changedFields(a, b).length === 0;
}
