import {
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type DragEvent,
  type RefObject,
} from 'react';
import { Map as MapIcon } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import {
  Background,
  ControlButton,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type DefaultEdgeOptions,
  type AriaLabelConfig,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
  type OnConnectEnd,
  type ReactFlowInstance,
  type ReactFlowState,
  type Viewport,
  useNodesInitialized,
  useReactFlow,
  useStore,
  useStoreApi,
} from '@xyflow/react';
import type { FlowDocument, NodeKindName } from '@callbot/shared';
import { useDiagnostics } from '../editor/diagnostics.ts';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import type { Translate } from '../i18n/index.ts';
import { kindTitle } from '../i18n/nodeTerms.ts';
import {
  colourOf,
  estimateOf,
  kindsOf,
  nodeSizesOf,
  nodeTypesOf,
  useNodeUIs,
} from './NodeUIContext.tsx';
import {
  addNodeAfterOutput,
  addNodeAt,
  applyEdgeChanges,
  applyNodeChanges,
  connect,
  GRID,
  isNodeKind,
  NODE_DRAG_TYPE,
  reconnect,
} from './canvasActions.ts';
import { ChoiceMenu, type Choice } from './ChoiceMenu.tsx';
import { flowOrder } from './flowOrder.ts';
import { fullNodeSizes, noteNodeSizes } from './nodeSizes.ts';
import { boxesOf, type Box, type NodeSizes } from './placement.ts';
import { useFlowTabOrder } from './useFlowTabOrder.ts';
import { FIT_VIEW_OPTIONS, MINIMAP_SIZE, openingView } from './viewport.ts';
import {
  canvasMarks,
  joinMarks,
  withEdgeFigures,
  withMarks,
  type CanvasOverlay,
} from './canvasMarks.ts';
import {
  DETAIL_ZOOM,
  NodeViewProvider,
  OutputConnectorProvider,
  rememberingT,
  type OutputConnector,
} from './NodeFrame.tsx';
import { createGraphCache } from './stableGraph.ts';
import {
  diagnosticsByNode,
  nodeName,
  toFlowEdges,
  toFlowNodes,
  type FlowCanvasNode,
} from './toReactFlow.ts';
import { edgeTypes } from './FigureEdge.tsx';
import { useWorkspaceNames } from './workspaceNames.ts';
import './FlowCanvas.css';

// At module level: React Flow re-creates every node or edge when these objects change.
const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed } };
const snapGrid: [number, number] = [GRID, GRID];
const MIN_ZOOM = 0.1;
/** Shift adds to the selection (and draws a selection box on the pane), as do Ctrl and Cmd. */
const multiSelectionKeys = ['Shift', 'Meta', 'Control'];
/** Smaller than React Flow's default, so it hides less of a canvas beside panels. */
const minimapStyle = MINIMAP_SIZE;
/** Where the minimap's shown or hidden state is remembered. */
const MINIMAP_STORAGE_KEY = 'callbot.designer.minimap';

const selectCanvas = (s: EditorState) => ({ doc: s.doc, selection: s.selection });
const selectCallHighlight = (s: EditorState) => s.callHighlight;
const selectCoverage = (s: EditorState) => s.coverage;
const selectReadOnly = (s: EditorState) => s.readOnly;

/** React Flow's own labels (controls, minimap, keyboard help) in the UI language. */
const reactFlowLabels = (t: Translate): Partial<AriaLabelConfig> => ({
  'node.a11yDescription.default': t('canvasUi.nodeDescription'),
  'node.a11yDescription.keyboardDisabled': t('canvasUi.nodeDescription'),
  'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) =>
    t('reactFlow.nodeMoved', {
      direction: t(`reactFlow.directions.${direction as 'up' | 'down' | 'left' | 'right'}`),
      x,
      y,
    }),
  'edge.a11yDescription.default': t('reactFlow.edgeDescription'),
  'controls.ariaLabel': t('reactFlow.controls'),
  'controls.zoomIn.ariaLabel': t('reactFlow.zoomIn'),
  'controls.zoomOut.ariaLabel': t('reactFlow.zoomOut'),
  'controls.fitView.ariaLabel': t('reactFlow.fitView'),
  'controls.interactive.ariaLabel': t('reactFlow.interactive'),
  'minimap.ariaLabel': t('reactFlow.minimap'),
  'handle.ariaLabel': t('reactFlow.handle'),
});

/** What the canvas offers in its small menu: where it opens, what for, and what picking does. */
interface OpenMenu {
  title: string;
  choices: Choice[];
  at: { x: number; y: number };
  pick(choice: Choice): void;
  /** Where the focus goes back to when the menu closes (the output's handle). */
  returnFocus?: HTMLElement;
}

/**
 * The flow on a pannable, zoomable canvas, drawn from the editor store and
 * edited through it: every move, connection and deletion is a named command.
 * Nodes can be dragged in from the palette; a connection dragged from an
 * output into empty space offers the node kinds and adds the chosen one
 * there, connected; an output's handle, with its node selected, takes Tab
 * and Enter opens "connect to…". Tab visits nodes in flow order, then
 * connections. Delete, copy and paste are the shortcut layer's (React
 * Flow's own Delete key is off). Kinds come from the registry in context.
 *
 * Works on its own; put it inside a `ReactFlowProvider` together with
 * `Palette` and `FindNode` so they act on this canvas. A file dropped on it
 * goes to `onDropFile` (the page imports it).
 */
export function FlowCanvas({
  onDropFile,
  initialView,
  readOnly: lookedAt = false,
  overlay,
}: {
  onDropFile?: (file: File) => void;
  /** Where the canvas opens; by default, the flow's opening view (see `openingView`). */
  initialView?: Viewport;
  /** Looked at, not edited: nothing moves, connects, is dropped or deleted (e.g. the version a call ran). */
  readOnly?: boolean;
  /** What a page draws over the flow (see `CanvasOverlay`). */
  overlay?: CanvasOverlay;
} = {}) {
  const { t } = useTranslation();
  const ariaLabelConfig = useMemo(() => reactFlowLabels(t), [t]);
  const editor = useEditorStore();
  const registry = useNodeUIs();
  const nodeTypes = nodeTypesOf(registry);
  // Drawn from a deferred copy: the store's updates render synchronously, inside
  // the mouse event of each drag move; deferred, React maps and draws 2,000
  // nodes between events, as it does for plain React Flow's useState.
  const { doc, selection } = useDeferredValue(useEditor(selectCanvas));
  // The checks panel's diagnostics (the workspace's missing teams and bots too), so a node's
  // badge counts what the panel lists; moving nodes does not validate again (see diagnosticsOf).
  const diagnostics = useDeferredValue(useDiagnostics());
  const [cache] = useState(createGraphCache);
  const [mapShown, setMapShown] = useState(() => storedMapShown());
  const [defaultViewport] = useState(
    () => initialView ?? initialViewport(doc, nodeSizesOf(registry)),
  );
  const [zoomedOut, setZoomedOut] = useState(defaultViewport.zoom < DETAIL_ZOOM);
  const nameOf = useWorkspaceNames();
  const nodeView = useMemo(
    () => ({ t: rememberingT(t), zoomedOut, nameOf }),
    [t, zoomedOut, nameOf],
  );
  const [flow, setFlow] = useState<ReactFlowInstance<FlowCanvasNode, Edge> | null>(null);
  /** The React Flow store of this canvas: the key its nodes' full-detail sizes are kept under. */
  const canvasStore = useRef<object | null>(null);
  const sizes = useCallback(
    () =>
      nodeSizesOf(registry, canvasStore.current ? fullNodeSizes(canvasStore.current) : new Map()),
    [registry],
  );

  const badges = useMemo(() => diagnosticsByNode(diagnostics), [diagnostics]);
  // Edges do not depend on the layout: a drag rebuilds the nodes only.
  const flowNodes = useMemo(
    () => toFlowNodes(doc, { selection, diagnosticsByNode: badges, t }),
    [doc, selection, badges, t],
  );
  const flowEdges = useMemo(() => toFlowEdges(doc.nodes, selection, t), [doc.nodes, selection, t]);
  // The simulated call and the test coverage, marked on the nodes and edges they concern.
  const call = useEditor(selectCallHighlight);
  const coverage = useEditor(selectCoverage);
  // A trainer's or viewer's canvas: nodes are looked at and selected, never moved or connected.
  const readOnly = useEditor(selectReadOnly) || lookedAt;
  const marks = useMemo(
    () =>
      joinMarks(
        canvasMarks(
          doc.nodes.map((n) => n.id),
          call,
          coverage,
        ),
        overlay?.marks,
      ),
    [doc.nodes, call, coverage, overlay?.marks],
  );
  // The minimap draws nodes from the sizes on their objects: a flow small enough
  // to show it gives each node its size once measured (a large one would be drawn twice).
  // A large flow in full detail draws only the nodes in view, the others known by
  // their estimated boxes; zoomed out (compact nodes, half the flow on screen) it
  // draws them all, as mounting the nodes a pan brings into view costs more.
  const large = doc.nodes.length > LARGE_FLOW_NODES;
  const sized = !large;
  const estimate = useMemo(() => (large ? estimateOf(registry) : undefined), [large, registry]);
  const [measuredTimes, setMeasuredTimes] = useState(0);
  const nodes = useMemo(
    () =>
      cache.nodes(withMarks(flowNodes, marks.nodes), {
        sized: sized && measuredTimes > 0,
        estimate,
      }),
    [cache, flowNodes, marks, sized, measuredTimes, estimate],
  );
  const edges = useMemo(
    () => cache.edges(withEdgeFigures(withMarks(flowEdges, marks.edges), overlay?.edges)),
    [cache, flowEdges, marks, overlay?.edges],
  );

  // The view stays fitted to the canvas until the user pans or zooms (see `KeepInView`);
  // the moves the canvas makes itself come without an event.
  const fittedRef = useRef(false);
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) fittedRef.current = false;
  }, []);

  // Tab visits the nodes in flow order, then the connections.
  const wrapper = useRef<HTMLDivElement>(null);
  useFlowTabOrder(
    wrapper,
    useCallback(() => flowOrder(editor.getState().doc.nodes), [editor]),
    // A large flow draws only the nodes in view: Tab's next node is brought to the centre.
    useCallback(
      (id: string) => {
        const node = flow?.getInternalNode(id);
        if (!flow || !node) return;
        const { x, y } = node.internals.positionAbsolute;
        const width = node.measured.width ?? node.width ?? 0;
        const height = node.measured.height ?? node.height ?? 0;
        void flow.setCenter(x + width / 2, y + height / 2, { zoom: flow.getViewport().zoom });
      },
      [flow],
    ),
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowCanvasNode>[]) => {
      if (cache.measured(changes) && sized) setMeasuredTimes((n) => n + 1);
      if (canvasStore.current) noteNodeSizes(canvasStore.current, changes, zoomedOut);
      applyNodeChanges(editor, changes);
    },
    [cache, editor, sized, zoomedOut],
  );
  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => applyEdgeChanges(editor, changes),
    [editor],
  );
  const onConnect = useCallback((c: Connection) => connect(editor, c), [editor]);
  const onReconnect = useCallback(
    (oldEdge: Edge, c: Connection) => reconnect(editor, oldEdge, c),
    [editor],
  );

  // ---- The small menu: new node after a dragged output, or "connect to…" ----
  const [menu, setMenu] = useState<OpenMenu | null>(null);
  const closeMenu = useCallback(() => {
    setMenu((open) => {
      open?.returnFocus?.focus();
      return null;
    });
  }, []);
  const kindChoices = useCallback(
    (): Choice[] =>
      kindsOf(registry)
        // A flow has one greeting, and nothing leads to it.
        .filter((kind) => kind !== 'greeting')
        .map((kind) => ({
          id: `kind:${kind}`,
          label: t('canvasUi.newNode', { kind: kindTitle(kind, t) }),
          group: t('canvasUi.newNodes'),
          colour: colourOf(registry, kind),
          icon: registry[kind].icon,
        })),
    [registry, t],
  );
  const kindOfChoice = (choice: Choice): NodeKindName | null => {
    const kind = choice.id.slice('kind:'.length);
    return choice.id.startsWith('kind:') && isNodeKind(kind) ? kind : null;
  };

  const onConnectEnd: OnConnectEnd = useCallback(
    (event, state) => {
      const from = state.fromHandle;
      if (state.isValid || !flow || !from?.id || from.type !== 'source') return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const source = from.nodeId;
      const port = from.id;
      // Dropped on a node, not on its handle: connect to it.
      const onNode = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest<HTMLElement>('.react-flow__node');
      const target = onNode?.dataset.id;
      if (target !== undefined && target !== source) {
        connect(editor, { source, sourceHandle: port, target, targetHandle: null });
        return;
      }
      if (onNode) return;
      const at = flow.screenToFlowPosition({ x: point.clientX, y: point.clientY });
      setMenu({
        title: t('canvasUi.newNodeAfter'),
        choices: kindChoices(),
        at: { x: point.clientX, y: point.clientY },
        pick: (choice) => {
          const kind = kindOfChoice(choice);
          if (kind) addNodeAfterOutput(editor, kind, { source, port, at }, sizes());
        },
      });
    },
    [editor, flow, kindChoices, sizes, t],
  );

  const connector = useMemo<OutputConnector>(
    () => ({
      open({ source, port, label }, anchor) {
        const { doc: current } = editor.getState();
        const order = flowOrder(current.nodes).nodes;
        const byId = new Map(current.nodes.map((n) => [n.id, n]));
        const nodeChoices = order
          .filter((id) => id !== source)
          .map((id) => ({
            id: `node:${id}`,
            label: nodeName(byId.get(id)!, t),
            group: t('canvasUi.existingNodes'),
            colour: colourOf(registry, byId.get(id)!.kind),
            icon: registry[byId.get(id)!.kind].icon,
          }));
        const box = anchor.getBoundingClientRect();
        setMenu({
          title: t('canvasUi.connectTo', { port: label }),
          choices: [...nodeChoices, ...kindChoices()],
          at: { x: box.left, y: box.bottom + 6 },
          returnFocus: anchor,
          pick: (choice) => {
            const kind = kindOfChoice(choice);
            if (kind) addNodeAfterOutput(editor, kind, { source, port }, sizes());
            else {
              const target = choice.id.slice('node:'.length);
              connect(editor, { source, sourceHandle: port, target, targetHandle: null });
            }
          },
        });
      },
    }),
    [editor, kindChoices, registry, sizes, t],
  );

  const onDragOver = useCallback(
    (event: DragEvent) => {
      const types = event.dataTransfer.types;
      if (!types.includes(NODE_DRAG_TYPE) && !(onDropFile && types.includes('Files'))) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    [onDropFile],
  );
  const onDrop = useCallback(
    (event: DragEvent) => {
      const file = event.dataTransfer.files[0];
      if (file && onDropFile) {
        event.preventDefault();
        onDropFile(file);
        return;
      }
      const kind = event.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!flow || !isNodeKind(kind)) return;
      event.preventDefault();
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addNodeAt(editor, kind, point, sizes());
    },
    [editor, flow, onDropFile, sizes],
  );

  const minimapColor = useCallback((node: Node) => colourOf(registry, node.type), [registry]);
  const toggleMap = () => {
    setMapShown(!mapShown);
    storeMapShown(!mapShown);
  };

  return (
    <NodeViewProvider value={nodeView}>
      <OutputConnectorProvider value={connector}>
        <ReactFlow
          ref={wrapper}
          aria-label={t('canvas.label')}
          ariaLabelConfig={ariaLabelConfig}
          className={zoomedOut ? 'flow-canvas flow-canvas--zoomed-out' : 'flow-canvas'}
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          defaultEdgeOptions={defaultEdgeOptions}
          onInit={setFlow}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          {...(readOnly
            ? { nodesDraggable: false, nodesConnectable: false, edgesReconnectable: false }
            : { onConnect, onConnectEnd, onReconnect, onDragOver, onDrop })}
          deleteKeyCode={null}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          multiSelectionKeyCode={multiSelectionKeys}
          snapToGrid
          snapGrid={snapGrid}
          minZoom={MIN_ZOOM}
          defaultViewport={defaultViewport}
          onlyRenderVisibleElements={large && !zoomedOut}
          onMoveStart={onMoveStart}
        >
          <CanvasStore intoRef={canvasStore} />
          <KeepInView fitAtOpen={!initialView} fittedRef={fittedRef} />
          <DetailLevel onChange={setZoomedOut} />
          {/* Top left: the bottom-right corner is the minimap's, and the flow runs down from the top centre. */}
          <Controls position="top-left" showInteractive={false} fitViewOptions={FIT_VIEW_OPTIONS}>
            <ControlButton
              onClick={toggleMap}
              aria-pressed={mapShown}
              aria-label={t('canvasUi.minimap')}
              title={mapShown ? t('canvasUi.hideMinimap') : t('canvasUi.showMinimap')}
            >
              <MapIcon aria-hidden="true" />
            </ControlButton>
          </Controls>
          {mapShown && <OverviewMap nodeColor={minimapColor} />}
          {overlay?.layer}
        </ReactFlow>
        {menu && (
          <ChoiceMenu
            title={menu.title}
            choices={menu.choices}
            at={menu.at}
            onChoose={(choice) => {
              menu.pick(choice);
              closeMenu();
            }}
            onClose={closeMenu}
          />
        )}
      </OutputConnectorProvider>
    </NodeViewProvider>
  );
}

function storedMapShown(): boolean {
  try {
    return globalThis.localStorage?.getItem(MINIMAP_STORAGE_KEY) !== 'hidden';
  } catch {
    return true;
  }
}
function storeMapShown(shown: boolean): void {
  try {
    globalThis.localStorage?.setItem(MINIMAP_STORAGE_KEY, shown ? 'shown' : 'hidden');
  } catch {
    // Storage unavailable: shown or hidden for this visit only.
  }
}

/** Hands the canvas's React Flow store to the canvas (it is made inside `ReactFlow`). */
function CanvasStore({ intoRef }: { intoRef: RefObject<object | null> }) {
  const store = useStoreApi();
  useLayoutEffect(() => {
    intoRef.current = store;
  }, [intoRef, store]);
  return null;
}

/**
 * Where the canvas starts, before its nodes are measured: the opening view
 * of the nodes' estimated boxes in the window. A large flow so starts at
 * its greeting, in full detail, and only the nodes in view are drawn.
 */
function initialViewport(doc: FlowDocument, sizes: NodeSizes): Viewport {
  const boxes = boxesOf(doc, sizes);
  const canvas = { width: window.innerWidth, height: window.innerHeight };
  const start = doc.nodes.find((n) => n.kind === START_KIND);
  return openingView([...boxes.values()], canvas, {
    minZoom: DETAIL_ZOOM,
    start: start && boxes.get(start.id),
  });
}

/** The kind of node a call starts at: the canvas opens showing it. */
const START_KIND = 'greeting';

/** The measured box of a canvas node (its estimated one if it is not drawn). */
const measuredBox = (n: FlowCanvasNode): Box => ({
  ...n.position,
  width: n.measured?.width ?? n.width ?? 0,
  height: n.measured?.height ?? n.height ?? 0,
});

/**
 * Keeps the flow in view. Once every node is measured, opens it in the
 * canvas (`openingView`: fitted whole when readable so) unless the canvas was
 * given a view to open at (`fitAtOpen`). When the canvas changes size (a
 * docked panel opens, widens or closes; the window is resized) before the
 * user has moved the view, opens it again in the room left; once they have
 * panned or zoomed, keeps the flow point at the centre at the centre, so the
 * nodes they were looking at stay in view rather than slide under the panel.
 */
function KeepInView({
  fitAtOpen,
  fittedRef,
}: {
  fitAtOpen: boolean;
  /** Whether the view is still the fitted one: the canvas clears it when the user pans or zooms. */
  fittedRef: RefObject<boolean>;
}) {
  const initialised = useNodesInitialized();
  const flow = useReactFlow<FlowCanvasNode>();
  const store = useStoreApi<FlowCanvasNode>();
  const opened = useRef(false);
  const fit = useCallback(() => {
    const { width, height } = store.getState();
    const nodes = flow.getNodes();
    const start = nodes.find((n) => n.type === START_KIND);
    void flow.setViewport(
      openingView(
        nodes.map(measuredBox),
        { width, height },
        { minZoom: DETAIL_ZOOM, start: start && measuredBox(start) },
      ),
    );
  }, [flow, store]);

  useEffect(() => {
    if (!initialised || opened.current || !fitAtOpen) return;
    opened.current = true;
    fittedRef.current = true;
    fit();
  }, [initialised, fitAtOpen, fit, fittedRef]);

  useEffect(() => {
    return store.subscribe((state, before) => {
      if (state.width === before.width && state.height === before.height) return;
      // The first measure of the canvas: nothing was shown yet.
      if (before.width === 0 || before.height === 0) return;
      if (fittedRef.current) return fit();
      const [x, y, zoom] = state.transform;
      void flow.setViewport({
        x: x + (state.width - before.width) / 2,
        y: y + (state.height - before.height) / 2,
        zoom,
      });
    });
  }, [store, flow, fit, fittedRef]);
  return null;
}

/** Unknown (null) until React Flow has set up the viewport: its zoom is 1 until then. */
const selectZoomedOut = (s: ReactFlowState): boolean | null =>
  s.panZoom ? s.transform[2] < DETAIL_ZOOM : null;

/**
 * Watches whether the zoom is below `DETAIL_ZOOM` (one subscription for the
 * whole canvas, rather than one per node) and tells the canvas, which tells
 * the nodes. Below it, also leaves out the snap grid's dots: too small to
 * see, and they cost every pan frame.
 */
function DetailLevel({ onChange }: { onChange: (zoomedOut: boolean) => void }) {
  const zoomedOut = useStore(selectZoomedOut);
  useEffect(() => {
    if (zoomedOut !== null) onChange(zoomedOut);
  }, [onChange, zoomedOut]);
  return zoomedOut === false ? <Background gap={GRID} /> : null;
}

/**
 * Flows larger than this, in full detail, draw only the nodes in view
 * (opening a 2,000-node flow drew every node once, in full, to measure it),
 * and skip the minimap (it redraws every node on every pan frame). Tab then
 * visits the nodes in view.
 */
const LARGE_FLOW_NODES = 500;
const selectSmallFlow = (s: { nodeLookup: { size: number } }) =>
  s.nodeLookup.size <= LARGE_FLOW_NODES;

function OverviewMap({ nodeColor }: { nodeColor: (node: Node) => string }) {
  const small = useStore(selectSmallFlow);
  return small ? <MiniMap pannable zoomable nodeColor={nodeColor} style={minimapStyle} /> : null;
}
