import type { NodeProps } from '@xyflow/react';
import { NodeFacts, NodeFrame, useNodeView } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** An AI agent: the first line of its instructions, and the endpoint that answers. */
export function AiAgentNodeView({ data, selected }: NodeProps<FlowCanvasNode<'aiAgent'>>) {
  const { t } = useNodeView();
  const { instructions, endpoint } = data.node.data;
  const firstLine = instructions
    .split('\n')
    .find((line) => line.trim() !== '')
    ?.trim();
  return (
    <NodeFrame node={data.node} badge={data.badge} selected={selected}>
      {firstLine === undefined ? (
        <p className="flow-node__muted">{t('kinds.aiAgent.noInstructions')}</p>
      ) : (
        <p
          className="flow-node__text flow-node__clamp"
          style={{ WebkitLineClamp: 2 }}
          title={instructions}
        >
          {firstLine}
        </p>
      )}
      <NodeFacts
        facts={[
          [
            t('kinds.aiAgent.endpoint'),
            endpoint.trim() === '' ? (
              <span className="flow-node__muted">{t('node.noneYet')}</span>
            ) : (
              endpoint
            ),
          ],
        ]}
      />
    </NodeFrame>
  );
}
