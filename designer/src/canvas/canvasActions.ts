import type { Connection, Edge, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import { nodeKinds, type NodeKindName } from '@callbot/shared';
import { defaultNodeLabel } from '../i18n/nodeTerms.ts';
import { parseEdgeId, type EditorStore } from '../editor/store.ts';
import { addNodeAfter, addNodeNear } from './canvasCommands.ts';
import type { NodeSizes } from './placement.ts';
import type { FlowCanvasNode } from './toReactFlow.ts';

/**
 * What the canvas does with React Flow's events, as plain functions of the
 * editor store: React Flow reports what the user did, these turn it into
 * selection and named commands. Kept out of the component so they are
 * tested without a browser.
 */

/** The drag-and-drop type the palette sets: its data is a node kind. */
export const NODE_DRAG_TYPE = 'application/x-callbot-node';

export { GRID } from './placement.ts';

export const isNodeKind = (value: string): value is NodeKindName => Object.hasOwn(nodeKinds, value);

/**
 * Adds a node of `kind` centred on `point`, or in the free spot nearest to
 * it, then selects it. One undo step. Returns the new node's id.
 */
export function addNodeAt(
  editor: EditorStore,
  kind: NodeKindName,
  point: XYPosition,
  sizes: NodeSizes,
): string {
  const state = editor.getState();
  const label = defaultNodeLabel(state.doc.nodes, kind);
  const { doc, id } = addNodeNear(state.doc, { kind, centre: point, sizes });
  state.dispatch('addNode', { kind, position: doc.layout.nodes[id]!, id, label });
  state.select({ nodes: [id], edges: [] });
  return id;
}

/**
 * Adds a node of `kind` that `source`'s output leads to (`port`, or its
 * first free output), under the source or at `at`, and selects it: one
 * undo step, "Add node". Returns the new node's id.
 */
export function addNodeAfterOutput(
  editor: EditorStore,
  kind: NodeKindName,
  from: { source: string; port?: string | undefined; at?: XYPosition | undefined },
  sizes: NodeSizes,
): string {
  const state = editor.getState();
  const { doc, id } = addNodeAfter(state.doc, {
    kind,
    label: defaultNodeLabel(state.doc.nodes, kind),
    source: from.source,
    sizes,
    ...(from.port !== undefined && { port: from.port }),
    ...(from.at !== undefined && { at: from.at }),
  });
  // Adding and connecting are one step: the new document is previewed, then recorded as "Add node".
  state.preview('replaceDocument', { doc });
  state.commitGesture('addNode');
  state.select({ nodes: [id], edges: [] });
  return id;
}

/**
 * The palette's click: with one node selected, the new node goes beside it,
 * led to from its first free output; otherwise in the free spot nearest to
 * `centre` (the view's centre).
 */
export function addNodeFromPalette(
  editor: EditorStore,
  kind: NodeKindName,
  centre: XYPosition,
  sizes: NodeSizes,
): string {
  const { selection, doc } = editor.getState();
  const [selected, ...others] = selection.nodes;
  if (selected !== undefined && others.length === 0 && doc.nodes.some((n) => n.id === selected)) {
    return addNodeAfterOutput(editor, kind, { source: selected }, sizes);
  }
  return addNodeAt(editor, kind, centre, sizes);
}

/**
 * Node changes from React Flow: selection, moves and removals.
 * Moves while dragging are previewed; the end of a drag (or a move by arrow
 * key, which has no drag) records all of them as one `moveNodes` step.
 * Sizes (`dimensions`) are the canvas's own business, not the document's.
 */
export function applyNodeChanges(editor: EditorStore, changes: NodeChange<FlowCanvasNode>[]): void {
  const state = editor.getState();

  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length > 0) {
    const ids = new Set(state.selection.nodes);
    for (const c of selects) {
      if (c.selected) ids.add(c.id);
      else ids.delete(c.id);
    }
    state.select({ nodes: [...ids] });
  }

  const moves = changes.filter((c) => c.type === 'position');
  if (moves.length > 0) {
    const layout = editor.getState().doc.layout.nodes;
    const positions: Record<string, XYPosition> = {};
    for (const c of moves) {
      if (!c.position) continue;
      const at = Object.hasOwn(layout, c.id) ? layout[c.id] : undefined;
      if (!at || at.x !== c.position.x || at.y !== c.position.y) {
        positions[c.id] = { x: c.position.x, y: c.position.y };
      }
    }
    if (Object.keys(positions).length > 0) state.preview('moveNodes', { positions });
    if (moves.every((c) => !c.dragging)) state.commitGesture('moveNodes');
  }

  const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
  if (removed.length > 0) state.dispatch('deleteNodes', { ids: removed });
}

/** Edge changes from React Flow: selection and removals. */
export function applyEdgeChanges(editor: EditorStore, changes: EdgeChange[]): void {
  const state = editor.getState();

  const selects = changes.filter((c) => c.type === 'select');
  if (selects.length > 0) {
    const ids = new Set(state.selection.edges);
    for (const c of selects) {
      if (c.selected) ids.add(c.id);
      else ids.delete(c.id);
    }
    state.select({ edges: [...ids] });
  }

  const removed = changes.flatMap((c) => {
    const edge = c.type === 'remove' ? parseEdgeId(c.id) : null;
    return edge && isConnected(editor, edge.source, edge.port) ? [edge] : [];
  });
  if (removed.length > 0) state.dispatch('disconnect', { edges: removed });
}

/**
 * A new connection from a port. A port leads to one node, so connecting a
 * port that is already connected replaces its connection (the command does).
 */
export function connect(editor: EditorStore, connection: Connection): void {
  const { source, sourceHandle: port, target } = connection;
  if (!port) return;
  const state = editor.getState();
  const { doc } = state;
  const from = doc.nodes.find((n) => n.id === source);
  if (!from || !doc.nodes.some((n) => n.id === target)) return;
  // Nothing changes: do not record an empty undo step.
  if (Object.hasOwn(from.connections, port) && from.connections[port] === target) return;
  state.dispatch('connect', { source, port, target });
}

/** An edge dragged by one of its ends to another handle. */
export function reconnect(editor: EditorStore, oldEdge: Edge, connection: Connection): void {
  const old = parseEdgeId(oldEdge.id);
  if (!connection.sourceHandle || !old) return;
  const samePort = old.source === connection.source && old.port === connection.sourceHandle;
  if (!samePort && isConnected(editor, old.source, old.port)) {
    editor.getState().dispatch('disconnect', { edges: [old] });
  }
  connect(editor, connection);
}

function isConnected(editor: EditorStore, source: string, port: string): boolean {
  const node = editor.getState().doc.nodes.find((n) => n.id === source);
  return node !== undefined && Object.hasOwn(node.connections, port);
}
