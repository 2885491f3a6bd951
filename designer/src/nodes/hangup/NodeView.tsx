import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { NodeFrame, SpeechTime, SpokenText } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** A hang-up: the goodbye said before the call ends, if any. */
export function HangupNodeView({ data, selected }: NodeProps<FlowCanvasNode<'hangup'>>) {
  const { t } = useTranslation();
  return (
    <NodeFrame
      node={data.node}
      badge={data.badge}
      selected={selected}
      aside={<SpeechTime text={data.node.data.text} />}
    >
      <SpokenText text={data.node.data.text} empty={t('node.hangup.empty')} />
    </NodeFrame>
  );
}
