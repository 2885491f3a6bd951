import { memo, type ComponentType, type ReactNode } from 'react';
import type { Node, NodeProps, NodeTypes } from '@xyflow/react';
import { shallow } from 'zustand/shallow';
import type { NodeKindName } from '@callbot/shared';
import type { FlowCanvasNode } from '../canvas/toReactFlow.ts';
import { AiAgentNodeView } from './aiAgent/NodeView.tsx';
import { FallbackBotNodeView } from './fallbackBot/NodeView.tsx';
import { GreetingNodeView } from './greeting/NodeView.tsx';
import { HangupNodeView } from './hangup/NodeView.tsx';
import { MenuNodeView } from './menu/NodeView.tsx';
import { MessageNodeView } from './message/NodeView.tsx';
import { ScheduleNodeView } from './schedule/NodeView.tsx';
import { TransferNodeView } from './transfer/NodeView.tsx';

/** The component type of the view of kind `K`. */
export type NodeView<K extends NodeKindName> = ComponentType<NodeProps<FlowCanvasNode<K> & Node>>;

/**
 * A view draws its node's data and selection only, so it re-renders when
 * one of them changes, not when React Flow measures, moves or raises the
 * node. The data is compared field by field: a dragged node gets a new data
 * object on every move, with the same document node in it.
 */
const drawnFrom = <P extends NodeProps>(view: (props: P) => ReactNode) =>
  memo(
    view,
    (before, after) => shallow(before.data, after.data) && before.selected === after.selected,
  );

/** The view that draws each node kind on the canvas: one line per kind. */
export const nodeViews: { [K in NodeKindName]: NodeView<K> } = {
  greeting: drawnFrom(GreetingNodeView),
  message: drawnFrom(MessageNodeView),
  menu: drawnFrom(MenuNodeView),
  schedule: drawnFrom(ScheduleNodeView),
  transfer: drawnFrom(TransferNodeView),
  fallbackBot: drawnFrom(FallbackBotNodeView),
  aiAgent: drawnFrom(AiAgentNodeView),
  hangup: drawnFrom(HangupNodeView),
};

/**
 * The same, as React Flow's `nodeTypes` (a canvas node's `type` is its kind).
 * A module-level constant: React Flow re-creates every node when it changes.
 */
export const flowNodeTypes = nodeViews as unknown as NodeTypes;
