import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { NodeFrame, SpeechTime, SpokenText } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** A message: the text said, and how long it takes. */
export function MessageNodeView({ data, selected }: NodeProps<FlowCanvasNode<'message'>>) {
  const { t } = useTranslation();
  return (
    <NodeFrame
      node={data.node}
      badge={data.badge}
      selected={selected}
      aside={<SpeechTime text={data.node.data.text} />}
    >
      <SpokenText text={data.node.data.text} empty={t('node.message.empty')} />
    </NodeFrame>
  );
}
