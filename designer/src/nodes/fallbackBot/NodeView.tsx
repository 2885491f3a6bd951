import type { NodeProps } from '@xyflow/react';
import { NodeFacts, NodeFrame, useNodeView } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** A fallback bot: which bot carries on with the call. */
export function FallbackBotNodeView({ data, selected }: NodeProps<FlowCanvasNode<'fallbackBot'>>) {
  const { t, nameOf } = useNodeView();
  const { bot } = data.node.data;
  return (
    <NodeFrame node={data.node} badge={data.badge} selected={selected}>
      <NodeFacts
        facts={[
          [
            t('kinds.fallbackBot.bot'),
            bot.trim() === '' ? (
              <span className="flow-node__muted">{t('node.noneYet')}</span>
            ) : (
              nameOf('bots', bot)
            ),
          ],
        ]}
      />
    </NodeFrame>
  );
}
