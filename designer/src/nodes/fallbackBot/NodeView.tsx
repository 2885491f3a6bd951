import type { NodeProps } from '@xyflow/react';
import { NodeFacts, NodeFrame } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** A fallback bot: which bot carries on with the call. */
export function FallbackBotNodeView({ data, selected }: NodeProps<FlowCanvasNode<'fallbackBot'>>) {
  const { bot } = data.node.data;
  return (
    <NodeFrame node={data.node} badge={data.badge} selected={selected}>
      <NodeFacts
        facts={[
          ['Bot', bot.trim() === '' ? <span className="flow-node__muted">none yet</span> : bot],
        ]}
      />
    </NodeFrame>
  );
}
