import {
  createNode,
  flowLanguageOf,
  kindOf,
  own,
  type FlowDocument,
  type FlowNode,
  type FlowSettings,
  type NodeKindName,
  type ScheduleNodeData,
} from '@callbot/shared';

/** A point on the canvas. */
export interface XY {
  x: number;
  y: number;
}

/** Nodes with their positions, as the clipboard holds them. */
export interface Fragment {
  nodes: FlowNode[];
  positions: Record<string, XY>;
}

/**
 * Every edit of a flow is one of these: a named, pure function from a
 * document to the next. The store records them for undo; the toolbar,
 * shortcuts, canvas and tests all go through them.
 */
export const commands = {
  addNode: {
    label: 'Add node',
    /** `label`: the name shown on the canvas, in the UI language (see `defaultNodeLabel`). */
    run: (
      doc: FlowDocument,
      p: { kind: NodeKindName; position: XY; id?: string; label?: string },
    ) => {
      const id = p.id ?? freshId(doc, p.kind);
      const node = createNode(p.kind, id, flowLanguageOf(doc.settings.locale));
      if (p.label) node.label = p.label;
      return withLayout({ ...doc, nodes: [...doc.nodes, node] }, { [id]: p.position });
    },
  },
  deleteNodes: {
    label: 'Delete',
    run: (doc: FlowDocument, p: { ids: string[] }) => {
      const gone = new Set(p.ids);
      const nodes = doc.nodes
        .filter((n) => !gone.has(n.id))
        .map((n) => withoutConnectionsTo(n, gone));
      const positions = Object.fromEntries(
        Object.entries(doc.layout.nodes).filter(([id]) => !gone.has(id)),
      );
      return { ...doc, nodes, layout: { ...doc.layout, nodes: positions } };
    },
  },
  moveNodes: {
    label: 'Move',
    run: (doc: FlowDocument, p: { positions: Record<string, XY> }) => withLayout(doc, p.positions),
  },
  autoLayout: {
    label: 'Auto layout',
    run: (doc: FlowDocument, p: { positions: Record<string, XY> }) => withLayout(doc, p.positions),
  },
  connect: {
    label: 'Connect',
    run: (doc: FlowDocument, p: { source: string; port: string; target: string }) =>
      mapNode(doc, p.source, (n) => ({
        ...n,
        connections: { ...n.connections, [p.port]: p.target },
      })),
  },
  disconnect: {
    label: 'Delete connection',
    run: (doc: FlowDocument, p: { edges: { source: string; port: string }[] }) =>
      p.edges.reduce(
        (d, e) =>
          mapNode(d, e.source, (n) => {
            const { [e.port]: _removed, ...connections } = n.connections;
            return { ...n, connections };
          }),
        doc,
      ),
  },
  updateNode: {
    label: 'Edit node',
    run: (doc: FlowDocument, p: { id: string; data?: unknown; label?: string | null }) =>
      mapNode(doc, p.id, (n) => {
        const next: FlowNode = { ...n };
        if (p.data !== undefined) Object.assign(next, { data: p.data });
        if (p.label === null || p.label === '') delete next.label;
        else if (p.label !== undefined) next.label = p.label;
        return dropStaleConnections(next);
      }),
  },
  chooseScheduleHours: {
    label: 'Choose opening hours',
    // A schedule node's hours: its own, or a copy of a named schedule's (`scheduleId`).
    run: (doc: FlowDocument, p: { id: string; data: ScheduleNodeData }) =>
      mapNode(doc, p.id, (n) => (n.kind === 'schedule' ? { ...n, data: p.data } : n)),
  },
  updateSettings: {
    label: 'Edit flow settings',
    run: (doc: FlowDocument, p: Partial<FlowSettings>) => ({
      ...doc,
      settings: { ...doc.settings, ...p },
    }),
  },
  pasteNodes: {
    label: 'Paste',
    run: (doc: FlowDocument, p: { fragment: Fragment; offset: XY }) => pasteFragment(doc, p),
  },
  replaceDocument: {
    label: 'Replace flow',
    run: (_doc: FlowDocument, p: { doc: FlowDocument }) => p.doc,
  },
} as const;

export type CommandName = keyof typeof commands;
export type CommandParams<N extends CommandName> = Parameters<(typeof commands)[N]['run']>[1];

/** Runs a named command on a document. */
export function runCommand<N extends CommandName>(
  doc: FlowDocument,
  name: N,
  params: CommandParams<N>,
): FlowDocument {
  const run = commands[name].run as (d: FlowDocument, p: CommandParams<N>) => FlowDocument;
  return run(doc, params);
}

// ---- Helpers ----

/** An id not used in `doc`, from the kind's name: `menu`, `menu-2`, ... */
export function freshId(doc: FlowDocument, base: string, taken: Set<string> = new Set()): string {
  const used = new Set([...doc.nodes.map((n) => n.id), ...taken]);
  const stem = base.replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'node';
  if (!used.has(stem) && stem !== 'constructor' && stem !== 'prototype') return stem;
  for (let i = 2; ; i++) if (!used.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

function withLayout(doc: FlowDocument, positions: Record<string, XY>): FlowDocument {
  return { ...doc, layout: { ...doc.layout, nodes: { ...doc.layout.nodes, ...positions } } };
}

function mapNode(doc: FlowDocument, id: string, fn: (node: FlowNode) => FlowNode): FlowDocument {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === id ? fn(n) : n)) };
}

function withoutConnectionsTo(node: FlowNode, gone: Set<string>): FlowNode {
  const entries = Object.entries(node.connections);
  if (!entries.some(([, target]) => gone.has(target))) return node;
  return { ...node, connections: Object.fromEntries(entries.filter(([, t]) => !gone.has(t))) };
}

/** A menu option removed in the inspector takes its connection with it. */
function dropStaleConnections(node: FlowNode): FlowNode {
  const ports = new Set(
    kindOf(node)
      .ports(node.data)
      .map((p) => p.id),
  );
  const entries = Object.entries(node.connections);
  if (entries.every(([port]) => ports.has(port))) return node;
  return { ...node, connections: Object.fromEntries(entries.filter(([port]) => ports.has(port))) };
}

/**
 * Pastes nodes under fresh ids: connections inside the fragment follow the
 * new ids, connections to nodes outside it are kept, a second greeting
 * becomes a message (a flow has one greeting).
 */
function pasteFragment(doc: FlowDocument, p: { fragment: Fragment; offset: XY }): FlowDocument {
  const renamed = new Map<string, string>();
  const taken = new Set<string>();
  for (const node of p.fragment.nodes) {
    const id = freshId(doc, node.id, taken);
    taken.add(id);
    renamed.set(node.id, id);
  }
  const hasGreeting = doc.nodes.some((n) => n.kind === 'greeting');
  const existing = new Set(doc.nodes.map((n) => n.id));
  const nodes = p.fragment.nodes.map((node): FlowNode => {
    const connections = Object.fromEntries(
      Object.entries(node.connections)
        .map(([port, target]) => [port, renamed.get(target) ?? target] as const)
        .filter(([, target]) => taken.has(target) || existing.has(target)),
    );
    const copy = { ...structuredClone(node), id: renamed.get(node.id)!, connections };
    if (copy.kind === 'greeting' && hasGreeting) {
      return { ...copy, kind: 'message', data: { text: copy.data.text } };
    }
    return copy;
  });
  const positions = Object.fromEntries(
    p.fragment.nodes.map((n) => {
      const at = own(p.fragment.positions, n.id) ?? { x: 0, y: 0 };
      return [renamed.get(n.id)!, { x: at.x + p.offset.x, y: at.y + p.offset.y }];
    }),
  );
  return withLayout({ ...doc, nodes: [...doc.nodes, ...nodes] }, positions);
}

/** The selected nodes and their positions, for copy and duplicate. */
export function fragmentOf(doc: FlowDocument, ids: readonly string[]): Fragment {
  const wanted = new Set(ids);
  const nodes = doc.nodes.filter((n) => wanted.has(n.id)).map((n) => structuredClone(n));
  const positions = Object.fromEntries(
    nodes.flatMap((n) => {
      const at = own(doc.layout.nodes, n.id);
      return at ? [[n.id, at]] : [];
    }),
  );
  return { nodes, positions };
}
