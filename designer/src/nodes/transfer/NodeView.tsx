import type { NodeProps } from '@xyflow/react';
import { NodeFacts, NodeFrame, useNodeView } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** A transfer: the team that takes the call. */
export function TransferNodeView({ data, selected }: NodeProps<FlowCanvasNode<'transfer'>>) {
  const { t, nameOf } = useNodeView();
  const { team } = data.node.data;
  return (
    <NodeFrame node={data.node} badge={data.badge} selected={selected}>
      <NodeFacts
        facts={[
          [
            t('kinds.transfer.team'),
            team.trim() === '' ? (
              <span className="flow-node__muted">{t('node.noneYet')}</span>
            ) : (
              nameOf('teams', team)
            ),
          ],
        ]}
      />
    </NodeFrame>
  );
}
