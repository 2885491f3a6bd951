import type { FlowDocument } from '@callbot/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  commands,
  fragmentOf,
  runCommand,
  type CommandName,
  type CommandParams,
  type Fragment,
  type XY,
} from './commands.ts';

/** What is selected on the canvas: node ids, and edges as `source:port`. */
export interface Selection {
  nodes: string[];
  edges: string[];
}

/** One step of history: the command that was run, and the document before it. */
export interface HistoryEntry {
  name: CommandName;
  label: string;
  doc: FlowDocument;
}

/** What the simulator shows on the canvas: the node the call is at, and the way it came. */
export interface CallHighlight {
  active: string | null;
  /** Node ids, and edges as `source:port`, in the order the call took them. */
  path: { nodes: string[]; edges: string[] };
}

export const noCallHighlight: CallHighlight = { active: null, path: { nodes: [], edges: [] } };

/** What the canvas shows as covered by the flow's test cases. */
export interface CoverageShown {
  nodes: ReadonlySet<string>;
  /** `source:port`: the ids of the canvas's edges. */
  ports: ReadonlySet<string>;
}

export interface EditorState {
  doc: FlowDocument;
  selection: Selection;
  past: HistoryEntry[];
  future: HistoryEntry[];
  clipboard: Fragment | null;
  /** The simulated call's place in the flow: the simulator writes it, the canvas marks it. */
  callHighlight: CallHighlight;
  /** The test cases' coverage shown on the canvas, or `null` when it is hidden. */
  coverage: CoverageShown | null;
  /**
   * The document cannot change (a trainer or viewer of a server workspace):
   * every command, gesture, undo and redo is refused; selecting, copying,
   * simulating and the test cases still work.
   */
  readOnly: boolean;
}

export interface EditorActions {
  /** Runs a named command and records it for undo. */
  dispatch<N extends CommandName>(name: N, params: CommandParams<N>): void;
  /**
   * A gesture (a drag) is one step however many moves it makes: `preview`
   * shows each move, `commitGesture` records them all as one command.
   */
  preview<N extends CommandName>(name: N, params: CommandParams<N>): void;
  commitGesture(name: CommandName): void;
  undo(): void;
  redo(): void;
  /** Selection is not an edit: it is never recorded. */
  select(selection: Partial<Selection>): void;
  selectAll(): void;
  clearSelection(): void;
  deleteSelection(): void;
  copy(): void;
  paste(offset?: XY): void;
  duplicate(): void;
  /** What the simulator and the test cases show on the canvas: never recorded, as they are no edit. */
  highlightCall(highlight: CallHighlight): void;
  showCoverage(coverage: CoverageShown | null): void;
}

export type EditorStore = StoreApi<EditorState & EditorActions>;

/** How many steps undo goes back. */
export const HISTORY_LIMIT = 200;
const PASTE_OFFSET: XY = { x: 40, y: 40 };
const noSelection: Selection = { nodes: [], edges: [] };

/**
 * The editor core, outside React: the document, the selection, the
 * history and the clipboard, the document changed only through named
 * commands; and what the simulator and the test cases show on the canvas. One store per open flow;
 * components select from it and dispatch to it.
 *
 * @example
 * const editor = createEditorStore(doc);
 * editor.getState().dispatch('addNode', { kind: 'menu', position: { x: 0, y: 200 } });
 * editor.getState().undo();
 */
export function createEditorStore(
  doc: FlowDocument,
  /** Undo and redo steps to start with (kept with the flow, read back after a reload). */
  history: { past: HistoryEntry[]; future: HistoryEntry[] } = { past: [], future: [] },
  { readOnly = false }: { readOnly?: boolean } = {},
): EditorStore {
  /** The document as it was when the current gesture started. */
  let gestureStart: FlowDocument | null = null;

  return createStore<EditorState & EditorActions>()((set, get) => {
    const record = (name: CommandName, before: FlowDocument, after: FlowDocument) => {
      if (after === before || readOnly) return;
      const { past, selection } = get();
      set({
        doc: after,
        past: [...past, { name, label: commands[name].label, doc: before }].slice(-HISTORY_LIMIT),
        future: [],
        selection: pruneSelection(selection, after),
      });
    };

    return {
      doc,
      selection: noSelection,
      past: history.past.slice(-HISTORY_LIMIT),
      future: history.future,
      clipboard: null,
      callHighlight: noCallHighlight,
      coverage: null,
      readOnly,

      dispatch(name, params) {
        if (readOnly) return;
        const before = get().doc;
        record(name, before, runCommand(before, name, params));
      },
      preview(name, params) {
        if (readOnly) return;
        const before = get().doc;
        gestureStart ??= before;
        set({ doc: runCommand(before, name, params) });
      },
      commitGesture(name) {
        const start = gestureStart;
        gestureStart = null;
        if (start) record(name, start, get().doc);
      },
      undo() {
        const { past, future, doc: current, selection } = get();
        const last = past.at(-1);
        if (!last || readOnly) return;
        set({
          doc: last.doc,
          past: past.slice(0, -1),
          future: [{ ...last, doc: current }, ...future],
          selection: pruneSelection(selection, last.doc),
        });
      },
      redo() {
        const { past, future, doc: current, selection } = get();
        const next = future[0];
        if (!next || readOnly) return;
        set({
          doc: next.doc,
          past: [...past, { ...next, doc: current }],
          future: future.slice(1),
          selection: pruneSelection(selection, next.doc),
        });
      },
      select(selection) {
        set({ selection: { ...get().selection, ...selection } });
      },
      selectAll() {
        const { doc: current } = get();
        set({
          selection: {
            nodes: current.nodes.map((n) => n.id),
            edges: current.nodes.flatMap((n) =>
              Object.keys(n.connections).map((port) => `${n.id}:${port}`),
            ),
          },
        });
      },
      clearSelection() {
        set({ selection: noSelection });
      },
      deleteSelection() {
        const { selection } = get();
        if (selection.nodes.length > 0) get().dispatch('deleteNodes', { ids: selection.nodes });
        const edges = get()
          .selection.edges.map(parseEdgeId)
          .filter((e) => e !== null);
        if (edges.length > 0) get().dispatch('disconnect', { edges });
        set({ selection: noSelection });
      },
      copy() {
        const { doc: current, selection } = get();
        if (selection.nodes.length > 0) set({ clipboard: fragmentOf(current, selection.nodes) });
      },
      paste(offset = PASTE_OFFSET) {
        const { clipboard, doc: before } = get();
        if (!clipboard || clipboard.nodes.length === 0) return;
        get().dispatch('pasteNodes', { fragment: clipboard, offset });
        const added = get()
          .doc.nodes.slice(before.nodes.length)
          .map((n) => n.id);
        set({ selection: { nodes: added, edges: [] } });
      },
      duplicate() {
        get().copy();
        get().paste();
      },
      highlightCall(callHighlight) {
        set({ callHighlight });
      },
      showCoverage(coverage) {
        set({ coverage });
      },
    };
  });
}

/** `source:port` back into its parts (ports may contain `:`, node ids may not). */
export function parseEdgeId(id: string): { source: string; port: string } | null {
  const at = id.indexOf(':');
  return at > 0 ? { source: id.slice(0, at), port: id.slice(at + 1) } : null;
}

export const edgeId = (source: string, port: string) => `${source}:${port}`;

function pruneSelection(selection: Selection, doc: FlowDocument): Selection {
  const ids = new Set(doc.nodes.map((n) => n.id));
  const nodes = selection.nodes.filter((id) => ids.has(id));
  const edges = selection.edges.filter((id) => {
    const e = parseEdgeId(id);
    return (
      e !== null && doc.nodes.find((n) => n.id === e.source)?.connections[e.port] !== undefined
    );
  });
  return nodes.length === selection.nodes.length && edges.length === selection.edges.length
    ? selection
    : { nodes, edges };
}
