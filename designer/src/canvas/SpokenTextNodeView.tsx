import type { ReactNode } from 'react';
import type { Node, NodeProps } from '@xyflow/react';
import { NodeFrame, SpeechTime, SpokenText, useNodeView } from './NodeFrame.tsx';
import type { FlowCanvasNode } from './toReactFlow.ts';

/** The kinds whose whole job is to say one text. */
export type SpokenTextKind = 'greeting' | 'message' | 'hangup';

/** The view of a node that says one text: the text (clamped) and how long it takes to say. */
export function SpokenTextNodeView({ data, selected }: NodeProps<FlowCanvasNode<SpokenTextKind>>) {
  const { t } = useNodeView();
  const kind: SpokenTextKind = data.node.kind;
  const said = data.node.data;
  return (
    <NodeFrame
      node={data.node}
      badge={data.badge}
      selected={selected}
      aside={<SpeechTime text={said.text} />}
    >
      <SpokenText text={said.text} empty={t(`kinds.${kind}.empty`)} />
    </NodeFrame>
  );
}

/**
 * The view of one of those kinds, typed for it (TypeScript cannot see that
 * a view of all three is a view of each).
 */
export const spokenTextViewOf = <K extends SpokenTextKind>() =>
  SpokenTextNodeView as unknown as (props: NodeProps<FlowCanvasNode<K> & Node>) => ReactNode;
