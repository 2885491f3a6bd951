import type { ComponentType } from 'react';
import type { Node, NodeProps, NodeTypes } from '@xyflow/react';
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

/** The view that draws each node kind on the canvas: one line per kind. */
/** The component type of the view of kind `K`. */
export type NodeView<K extends NodeKindName> = ComponentType<NodeProps<FlowCanvasNode<K> & Node>>;

export const nodeViews: { [K in NodeKindName]: NodeView<K> } = {
  greeting: GreetingNodeView,
  message: MessageNodeView,
  menu: MenuNodeView,
  schedule: ScheduleNodeView,
  transfer: TransferNodeView,
  fallbackBot: FallbackBotNodeView,
  aiAgent: AiAgentNodeView,
  hangup: HangupNodeView,
};

/**
 * The same, as React Flow's `nodeTypes` (a canvas node's `type` is its kind).
 * A module-level constant: React Flow re-creates every node when it changes.
 */
export const flowNodeTypes = nodeViews as unknown as NodeTypes;
