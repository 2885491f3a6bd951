import {
  createContext,
  useContext,
  useEffect,
  useRef,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { estimateSpeechMs, kindOf, type FlowNode, type PortDef } from '@callbot/shared';
import { i18n, type Translate } from '../i18n/index.ts';
import { kindTitle, portLabel } from '../i18n/nodeTerms.ts';
import { formatSpeechTime } from './format.ts';
import { asWritten, type NameOf } from './workspaceNames.ts';
import type { NodeBadge } from './toReactFlow.ts';
import './NodeFrame.css';

export interface NodeFrameProps {
  node: FlowNode;
  /** Errors and warnings validation found on the node. */
  badge?: NodeBadge | undefined;
  selected?: boolean;
  /** A short note in the header, after the kind: how long the node speaks. */
  aside?: ReactNode;
  /** What the kind shows at a glance, between the header and the outputs. */
  children?: ReactNode;
}

/** Below this zoom a node shows only its kind, name and outputs: the rest is unreadable anyway. */
export const DETAIL_ZOOM = 0.45;

/**
 * What all node views of a canvas share: the UI language's `t`, and whether
 * the canvas is zoomed out below `DETAIL_ZOOM`. The canvas reads both once
 * and provides them, so that 2,000 nodes do not each subscribe to the
 * language and to every pan frame; they re-render when either changes.
 * Without a provider (a node previewed alone): the current language, details shown.
 */
export interface NodeViewSettings {
  t: Translate;
  zoomedOut: boolean;
  /** The workspace's name for a team or bot a node names (see `useWorkspaceNames`). */
  nameOf: NameOf;
}
const NodeViewContext = createContext<NodeViewSettings>({
  t: i18n.t,
  zoomedOut: false,
  nameOf: asWritten,
});
export const NodeViewProvider = NodeViewContext.Provider;
export const useNodeView = (): NodeViewSettings => useContext(NodeViewContext);

/** The colour and width of the kind being drawn: the registry's, given around each kind's view. */
const KindStyleContext = createContext({ colour: '#64748b', width: 240 });
export const KindStyleProvider = KindStyleContext.Provider;

/**
 * Connects an output from the keyboard: the editor's canvas gives it, so
 * that Enter on an output's handle opens a "connect to…" list there.
 * Elsewhere (a preview, a version comparison) outputs are not connectable.
 */
export interface OutputConnector {
  open(from: { source: string; port: string; label: string }, anchor: HTMLElement): void;
}
const OutputConnectorContext = createContext<OutputConnector | null>(null);
export const OutputConnectorProvider = OutputConnectorContext.Provider;

/**
 * `t` for the node views: says each label that has no options once, as the
 * nodes of a large flow ask for the same few (kind titles, "Outputs", the
 * names of facts) thousands of times. Labels with options go to `t` each time.
 */
export function rememberingT(t: Translate): Translate {
  const say = t as unknown as (key: string, options?: object) => string;
  const said = new Map<string, string>();
  const remembering = (key: string, options?: object): string => {
    if (options !== undefined) return say(key, options);
    let value = said.get(key);
    if (value === undefined) {
      value = say(key);
      said.set(key, value);
    }
    return value;
  };
  return remembering as unknown as Translate;
}

/**
 * What every node view shares: the kind and the node's name, its badges, an
 * input handle, and one labelled output handle per port of the kind (a menu
 * has one per option). Each kind's view puts its own summary inside.
 * User text is rendered by React as text, so markup in a label stays inert.
 */
export function NodeFrame({ node, badge, selected = false, aside, children }: NodeFrameProps) {
  const { t, zoomedOut } = useNodeView();
  const kind = kindOf(node);
  const ports = kind.ports(node.data);
  usePortsMeasured(
    node.id,
    ports.map((p) => p.id),
  );
  const kindStyle = useContext(KindStyleContext);
  const style = { '--kind-color': kindStyle.colour, width: kindStyle.width } as CSSProperties;
  return (
    <div
      className={`flow-node flow-node--${node.kind}${zoomedOut ? ' flow-node--compact' : ''}${selected ? ' flow-node--selected' : ''}`}
      style={style}
    >
      <Handle type="target" position={Position.Top} className="flow-node__input" />
      <div className="flow-node__header">
        <span className="flow-node__kind">{kindTitle(node.kind, t)}</span>
        {!zoomedOut && aside}
        {badge && <Badges badge={badge} />}
      </div>
      <div className="flow-node__name">{node.label ?? node.id}</div>
      {!zoomedOut && children !== undefined && <div className="flow-node__body">{children}</div>}
      {ports.length > 0 && (
        <ul className="flow-node__ports" aria-label={t('node.outputs')}>
          {ports.map((port) => (
            <Output key={port.id} node={node} port={port} selected={selected} />
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * One output: its label with its handle right under it, both inside the
 * node; outputs wrap onto more rows rather than run past the node's border.
 * In the editor, the handle is also a button: with its node selected, Tab
 * reaches it and Enter opens "connect to…".
 */
function Output({ node, port, selected }: { node: FlowNode; port: PortDef; selected: boolean }) {
  const { t, zoomedOut } = useNodeView();
  const connector = useContext(OutputConnectorContext);
  const label = portLabel(port, t);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!connector || (event.key !== 'Enter' && event.key !== ' ')) return;
    // Not React Flow's: Enter on a node (un)selects it.
    event.preventDefault();
    event.stopPropagation();
    connector.open({ source: node.id, port: port.id, label }, event.currentTarget);
  };
  return (
    <li className="flow-node__port">
      {!zoomedOut && <span className="flow-node__port-label">{label}</span>}
      {connector ? (
        <Handle
          type="source"
          id={port.id}
          position={Position.Bottom}
          role="button"
          tabIndex={selected ? 0 : -1}
          aria-label={t('canvasUi.connectOutput', { port: label, node: node.label ?? node.id })}
          aria-haspopup="dialog"
          onKeyDown={onKeyDown}
        />
      ) : (
        <Handle type="source" id={port.id} position={Position.Bottom} />
      )}
    </li>
  );
}

/**
 * React Flow measures where handles are when a node first shows; a menu that
 * gains or loses an option keeps its size, so tell it to look again.
 */
function usePortsMeasured(nodeId: string, portIds: string[]) {
  const updateNodeInternals = useUpdateNodeInternals();
  const key = portIds.join('\n');
  const measuredKey = useRef(key);
  useEffect(() => {
    if (measuredKey.current === key) return;
    measuredKey.current = key;
    updateNodeInternals(nodeId);
  }, [key, nodeId, updateNodeInternals]);
}

function Badges({ badge }: { badge: NodeBadge }) {
  const { t } = useNodeView();
  if (badge.errors === 0 && badge.warnings === 0) return null;
  return (
    <span className="flow-node__badges">
      {badge.errors > 0 && (
        <span
          role="img"
          className="flow-node__badge flow-node__badge--error"
          aria-label={t('common.errors', { count: badge.errors })}
          title={t('common.errors', { count: badge.errors })}
        >
          ✕ {badge.errors}
        </span>
      )}
      {badge.warnings > 0 && (
        <span
          role="img"
          className="flow-node__badge flow-node__badge--warning"
          aria-label={t('common.warnings', { count: badge.warnings })}
          title={t('common.warnings', { count: badge.warnings })}
        >
          ▲ {badge.warnings}
        </span>
      )}
    </span>
  );
}

/** A text the bot says, clamped to a few lines (the whole text is in its tooltip). */
export function SpokenText({
  text,
  lines = 3,
  empty,
}: {
  text: string;
  lines?: number;
  /** Shown instead when the text is empty. */
  empty: string;
}) {
  if (text.trim() === '') return <p className="flow-node__text flow-node__muted">{empty}</p>;
  return (
    <p className="flow-node__text flow-node__clamp" style={{ WebkitLineClamp: lines }} title={text}>
      {text}
    </p>
  );
}

/** How long a text takes to say, for the header of the node that says it. */
export function SpeechTime({ text }: { text: string }) {
  const { t } = useNodeView();
  if (text.trim() === '') return null;
  return (
    <span className="flow-node__speech" title={t('node.speakingTimeTitle')}>
      <span className="visually-hidden">{t('node.speakingTime')} </span>
      <span aria-hidden="true">≈ </span>
      {formatSpeechTime(estimateSpeechMs(text))}
    </span>
  );
}

/** Name / value pairs of a node (the team, the bot, the time zone). */
export function NodeFacts({ facts }: { facts: [name: string, value: ReactNode][] }) {
  return (
    <dl className="flow-node__facts">
      {facts.map(([name, value]) => (
        <div key={name} className="flow-node__fact">
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
