import { useCallback, useDeferredValue, useEffect, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore as useVanillaStore } from 'zustand';
import {
  Background,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  type Connection,
  type DefaultEdgeOptions,
  type AriaLabelConfig,
  type Edge,
  type EdgeChange,
  type FitViewOptions,
  type Node,
  type NodeChange,
  type ReactFlowInstance,
  type ReactFlowState,
  type Viewport,
  useStore,
} from '@xyflow/react';
import { validateDocument, type FlowDocument, type NodeKindName } from '@callbot/shared';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import type { Translate } from '../i18n/index.ts';
import { flowNodeTypes } from '../nodes/views.ts';
import {
  addNodeAt,
  applyEdgeChanges,
  applyNodeChanges,
  connect,
  GRID,
  isNodeKind,
  NODE_DRAG_TYPE,
  reconnect,
} from './canvasActions.ts';
import { canvasHighlight } from '../simulator/canvasHighlight.ts';
import { coverageHighlight, type CoverageShown } from '../simulator/tests/coverageHighlight.ts';
import { canvasMarks, withMarks } from './canvasMarks.ts';
import { kindColors } from './kindColors.ts';
import { DETAIL_ZOOM, NodeViewProvider, rememberingT } from './NodeFrame.tsx';
import { createGraphCache } from './stableGraph.ts';
import { diagnosticsByNode, toFlowEdges, toFlowNodes, type FlowCanvasNode } from './toReactFlow.ts';
import './FlowCanvas.css';

// At module level: React Flow re-creates every node or edge when these objects change.
const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed } };
const fitViewOptions: FitViewOptions = { maxZoom: 1, padding: 0.1 };
const snapGrid: [number, number] = [GRID, GRID];
const MIN_ZOOM = 0.1;
/** Shift adds to the selection (and draws a selection box on the pane), as do Ctrl and Cmd. */
const multiSelectionKeys = ['Shift', 'Meta', 'Control'];
const minimapColor = (node: Node) => kindColors[node.type as NodeKindName] ?? '#64748b';
/** Smaller than React Flow's default, so it hides less of a canvas beside panels. */
const minimapStyle = { width: 160, height: 110 };

const selectCanvas = (s: EditorState) => ({ doc: s.doc, selection: s.selection });
/** What validation reads: not the layout, so moving nodes does not validate again. */
const selectLogic = (s: EditorState) => ({
  schemaVersion: s.doc.schemaVersion,
  settings: s.doc.settings,
  nodes: s.doc.nodes,
});
const noLayout: FlowDocument['layout'] = { nodes: {} };
const selectCoverage = (s: { shown: CoverageShown | null }) => s.shown;

/** React Flow's own labels (controls, minimap, keyboard help) in the UI language. */
const reactFlowLabels = (t: Translate): Partial<AriaLabelConfig> => ({
  'node.a11yDescription.default': t('reactFlow.nodeDescription'),
  'node.a11yDescription.keyboardDisabled': t('reactFlow.nodeDescriptionKeyboard'),
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

/**
 * The flow on a pannable, zoomable canvas, drawn from the editor store and
 * edited through it: every move, connection and deletion is a named command.
 * Nodes can be dragged in from the palette. Delete, copy and paste are the
 * shortcut layer's (React Flow's own Delete key is off).
 *
 * Works on its own; put it inside a `ReactFlowProvider` together with
 * `Palette` and `FindNode` so they act on this canvas. A file dropped on it
 * goes to `onDropFile` (the page imports it).
 */
export function FlowCanvas({
  flowId,
  onDropFile,
}: {
  /** The flow shown, so the test coverage shown for it is marked. */
  flowId?: string;
  onDropFile?: (file: File) => void;
} = {}) {
  const { t } = useTranslation();
  const ariaLabelConfig = useMemo(() => reactFlowLabels(t), [t]);
  const editor = useEditorStore();
  // Drawn from a deferred copy: the store's updates render synchronously, inside
  // the mouse event of each drag move; deferred, React maps and draws 2,000
  // nodes between events, as it does for plain React Flow's useState.
  const { doc, selection } = useDeferredValue(useEditor(selectCanvas));
  const logic = useDeferredValue(useEditor(selectLogic));
  const [cache] = useState(createGraphCache);
  const [defaultViewport] = useState(() => initialViewport(doc.layout));
  const [zoomedOut, setZoomedOut] = useState(defaultViewport.zoom < DETAIL_ZOOM);
  const nodeView = useMemo(() => ({ t: rememberingT(t), zoomedOut }), [t, zoomedOut]);
  const [flow, setFlow] = useState<ReactFlowInstance<FlowCanvasNode, Edge> | null>(null);

  const badges = useMemo(
    () => diagnosticsByNode(validateDocument({ ...logic, layout: noLayout })),
    [logic],
  );
  // Edges do not depend on the layout: a drag rebuilds the nodes only.
  const flowNodes = useMemo(
    () => toFlowNodes(doc, { selection, diagnosticsByNode: badges, t }),
    [doc, selection, badges, t],
  );
  const flowEdges = useMemo(() => toFlowEdges(doc.nodes, selection, t), [doc.nodes, selection, t]);
  // The simulated call and the test coverage, marked on the nodes and edges they concern.
  const call = useVanillaStore(canvasHighlight);
  const coverage = useVanillaStore(coverageHighlight, selectCoverage);
  const marks = useMemo(
    () =>
      canvasMarks(
        doc.nodes.map((n) => n.id),
        call,
        coverage,
        flowId,
      ),
    [doc.nodes, call, coverage, flowId],
  );
  // The minimap draws nodes from the sizes on their objects: a flow small enough
  // to show it gives each node its size once measured (a large one would be drawn twice).
  const sized = doc.nodes.length <= MINIMAP_MAX_NODES;
  const [measuredTimes, setMeasuredTimes] = useState(0);
  const nodes = useMemo(
    () => cache.nodes(withMarks(flowNodes, marks.nodes), { sized: sized && measuredTimes > 0 }),
    [cache, flowNodes, marks, sized, measuredTimes],
  );
  const edges = useMemo(
    () => cache.edges(withMarks(flowEdges, marks.edges)),
    [cache, flowEdges, marks],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowCanvasNode>[]) => {
      if (cache.measured(changes) && sized) setMeasuredTimes((n) => n + 1);
      applyNodeChanges(editor, changes);
    },
    [cache, editor, sized],
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
      addNodeAt(editor, kind, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [editor, flow, onDropFile],
  );

  return (
    <NodeViewProvider value={nodeView}>
      <ReactFlow
        aria-label={t('canvas.label')}
        ariaLabelConfig={ariaLabelConfig}
        className={zoomedOut ? 'flow-canvas flow-canvas--zoomed-out' : 'flow-canvas'}
        nodes={nodes}
        edges={edges}
        nodeTypes={flowNodeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onInit={setFlow}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onReconnect={onReconnect}
        onDragOver={onDragOver}
        onDrop={onDrop}
        deleteKeyCode={null}
        multiSelectionKeyCode={multiSelectionKeys}
        snapToGrid
        snapGrid={snapGrid}
        minZoom={MIN_ZOOM}
        defaultViewport={defaultViewport}
        fitView
        fitViewOptions={fitViewOptions}
      >
        <DetailLevel onChange={setZoomedOut} />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        <OverviewMap />
      </ReactFlow>
    </NodeViewProvider>
  );
}

/**
 * Where the canvas starts, before `fitView` fits the flow in it: zoomed to
 * fit the nodes' positions in the window, which is at least the zoom
 * `fitView` will choose (the canvas is no larger than the window, the nodes
 * take room past their positions, and `fitView` adds padding). So a large
 * flow starts below `DETAIL_ZOOM` and its 2,000 nodes are drawn once, in
 * little detail, rather than in full detail then again once fitted.
 */
function initialViewport(layout: FlowDocument['layout']): Viewport {
  const positions = Object.values(layout.nodes);
  if (positions.length === 0) return { x: 0, y: 0, zoom: 1 };
  const span = (values: number[]) => Math.max(...values) - Math.min(...values);
  const zoom = Math.min(
    1,
    window.innerWidth / span(positions.map((p) => p.x)),
    window.innerHeight / span(positions.map((p) => p.y)),
  );
  return { x: 0, y: 0, zoom: Math.max(MIN_ZOOM, zoom) };
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

/** Large flows skip the minimap: it redraws every node on every pan frame. */
const MINIMAP_MAX_NODES = 500;
const selectSmallFlow = (s: { nodeLookup: { size: number } }) =>
  s.nodeLookup.size <= MINIMAP_MAX_NODES;

function OverviewMap() {
  const small = useStore(selectSmallFlow);
  return small ? <MiniMap pannable zoomable nodeColor={minimapColor} style={minimapStyle} /> : null;
}
