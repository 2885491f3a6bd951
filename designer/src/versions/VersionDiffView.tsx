import { useMemo, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type AriaLabelConfig,
  type DefaultEdgeOptions,
  type FitViewOptions,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react';
import { diffFlows, nodeKindNames, type FlowDocument } from '@callbot/shared';
import { NodeViewProvider, rememberingT } from '../canvas/NodeFrame.tsx';
import { useWorkspaceNames } from '../canvas/workspaceNames.ts';
import type { Translate } from '../i18n/index.ts';
import { nodeTypesOf, useNodeUIs } from '../canvas/NodeUIContext.tsx';
import type { NodeUIRegistry } from '../canvas/defineNodeUI.ts';
import {
  countByStatus,
  diffEntries,
  diffGraph,
  diffStatuses,
  type DiffCanvasNode,
  type DiffEntry,
} from './diffGraph.ts';
import './VersionDiff.css';

const defaultEdgeOptions: DefaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed } };
const fitViewOptions: FitViewOptions = { maxZoom: 1, padding: 0.1 };

/** React Flow's own words in the UI language; nodes and connections here can only be looked at. */
const ariaLabels = (t: Translate): Partial<AriaLabelConfig> => ({
  'node.a11yDescription.default': t('versionDiff.readOnly'),
  'node.a11yDescription.keyboardDisabled': t('versionDiff.readOnly'),
  'edge.a11yDescription.default': t('versionDiff.readOnly'),
  'controls.ariaLabel': t('reactFlow.controls'),
  'controls.zoomIn.ariaLabel': t('reactFlow.zoomIn'),
  'controls.zoomOut.ariaLabel': t('reactFlow.zoomOut'),
  'controls.fitView.ariaLabel': t('reactFlow.fitView'),
  'controls.interactive.ariaLabel': t('reactFlow.interactive'),
  'handle.ariaLabel': t('reactFlow.handle'),
});

/** Each kind's own view, with a badge saying how the node fared ("Added", "Removed"...). */
function withStatusBadge(View: ComponentType<NodeProps<DiffCanvasNode>>) {
  return function DiffNodeView(props: NodeProps<DiffCanvasNode>) {
    const { t } = useTranslation();
    const { status } = props.data;
    return (
      <>
        {status && (
          // The node's accessible name says it already.
          <span className="version-diff__badge" aria-hidden="true">
            {t(`versionDiff.badge.${status}`)}
          </span>
        )}
        <View {...props} />
      </>
    );
  };
}

const diffNodeTypesCache = new WeakMap<NodeUIRegistry, NodeTypes>();

/** The registry's views with a status badge: the same object for the same registry, as React Flow re-creates every node when `nodeTypes` changes. */
function diffNodeTypesOf(registry: NodeUIRegistry): NodeTypes {
  let types = diffNodeTypesCache.get(registry);
  if (!types) {
    const views = nodeTypesOf(registry);
    types = Object.fromEntries(
      nodeKindNames.map((kind) => [
        kind,
        withStatusBadge(views[kind] as unknown as ComponentType<NodeProps<DiffCanvasNode>>),
      ]),
    );
    diffNodeTypesCache.set(registry, types);
  }
  return types;
}

export interface VersionDiffViewProps {
  before: FlowDocument;
  after: FlowDocument;
  /** How the two versions are named, e.g. "Before the menu · 1 Dec 2026, 10:00" and "The current flow". */
  beforeLabel: string;
  afterLabel: string;
  onBack: () => void;
}

/**
 * Two versions of a flow side by side on one read-only canvas: what the
 * newer one added (green), what it no longer has, drawn from the older one
 * at its old place (red, dashed), what changed (amber) and what only moved
 * (dotted). Every mark also has a word, on the node and in its name; the
 * changes are listed beside the canvas, each a button that centres its nodes.
 */
export function VersionDiffView(props: VersionDiffViewProps) {
  // Its own React Flow store: the editor's canvas keeps its viewport.
  return (
    <ReactFlowProvider>
      <DiffCanvas {...props} />
    </ReactFlowProvider>
  );
}

function DiffCanvas({ before, after, beforeLabel, afterLabel, onBack }: VersionDiffViewProps) {
  const { t } = useTranslation();
  const flow = useReactFlow<DiffCanvasNode>();
  const diff = useMemo(() => diffFlows(before, after), [before, after]);
  const graph = useMemo(() => diffGraph(before, after, diff, t), [before, after, diff, t]);
  const entries = useMemo(() => diffEntries(before, after, diff, t), [before, after, diff, t]);
  const counts = countByStatus(entries);
  const ariaLabelConfig = useMemo(() => ariaLabels(t), [t]);
  // The node views are memoised: they take the UI language from here, as on the editor's canvas.
  const nameOf = useWorkspaceNames();
  const nodeView = useMemo(() => ({ t: rememberingT(t), zoomedOut: false, nameOf }), [t, nameOf]);
  const [focused, setFocused] = useState<string | null>(null);
  const diffNodeTypes = diffNodeTypesOf(useNodeUIs());

  const nodes = useMemo(() => {
    const shown = entries.find((e) => e.key === focused)?.focus ?? [];
    return graph.nodes.map((node) =>
      shown.includes(node.id) ? { ...node, selected: true } : node,
    );
  }, [graph.nodes, entries, focused]);

  const centre = (entry: DiffEntry) => {
    setFocused(entry.key);
    void flow.fitView({
      nodes: entry.focus.map((id) => ({ id })),
      duration: 300,
      maxZoom: 1,
      padding: 0.3,
    });
  };

  return (
    <section className="version-diff" aria-label={t('versionDiff.title')}>
      <header className="version-diff__bar">
        <button type="button" onClick={onBack}>
          {t('versionDiff.back')}
        </button>
        <h3>{t('versionDiff.heading', { before: beforeLabel, after: afterLabel })}</h3>
        <p className="version-diff__summary" role="status">
          {entries.length === 0
            ? t('versionDiff.none')
            : diffStatuses
                .filter((s) => s !== 'moved' || counts.moved > 0)
                .map((s) => t(`versionDiff.count.${s}`, { count: counts[s] }))
                .join(', ')}
        </p>
      </header>
      <ul className="version-diff__legend" aria-label={t('versionDiff.legend')}>
        {diffStatuses.map((status) => (
          <li key={status} className={`version-diff__key version-diff__key--${status}`}>
            {t(`versionDiff.badge.${status}`)}
          </li>
        ))}
      </ul>
      <div className="version-diff__body">
        <div className="version-diff__canvas">
          <NodeViewProvider value={nodeView}>
            <ReactFlow
              aria-label={t('versionDiff.canvas')}
              ariaLabelConfig={ariaLabelConfig}
              className="flow-canvas"
              nodes={nodes}
              edges={graph.edges}
              nodeTypes={diffNodeTypes}
              defaultEdgeOptions={defaultEdgeOptions}
              nodesDraggable={false}
              nodesConnectable={false}
              edgesReconnectable={false}
              elementsSelectable={false}
              deleteKeyCode={null}
              minZoom={0.1}
              fitView
              fitViewOptions={fitViewOptions}
            >
              <Background />
              <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
            </ReactFlow>
          </NodeViewProvider>
        </div>
        <ol className="version-diff__changes" aria-label={t('versionDiff.changes')}>
          {entries.map((entry) => (
            <li
              key={entry.key}
              className={`version-diff__change version-diff__change--${entry.status}`}
            >
              {entry.focus.length > 0 ? (
                <button
                  type="button"
                  aria-current={entry.key === focused ? 'true' : undefined}
                  onClick={() => centre(entry)}
                >
                  {entry.text}
                </button>
              ) : (
                <span>{entry.text}</span>
              )}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
