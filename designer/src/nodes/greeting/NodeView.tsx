import type { NodeProps } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { NodeFrame, SpeechTime, SpokenText } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/** The greeting: the first thing every caller hears, and how long it takes. */
export function GreetingNodeView({ data, selected }: NodeProps<FlowCanvasNode<'greeting'>>) {
  const { t } = useTranslation();
  return (
    <NodeFrame
      node={data.node}
      badge={data.badge}
      selected={selected}
      aside={<SpeechTime text={data.node.data.text} />}
    >
      <SpokenText text={data.node.data.text} empty={t('node.greeting.empty')} />
    </NodeFrame>
  );
}
