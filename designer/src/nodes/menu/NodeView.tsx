import type { NodeProps } from '@xyflow/react';
import { NodeFrame, SpeechTime, SpokenText, useNodeView } from '../../canvas/NodeFrame.tsx';
import type { FlowCanvasNode } from '../../canvas/toReactFlow.ts';

/**
 * A button menu: its prompt, then each option's key with its name and the
 * words a caller can say instead. The options are a description list, not
 * a list: the list of the node is its outputs.
 */
export function MenuNodeView({ data, selected }: NodeProps<FlowCanvasNode<'menu'>>) {
  const { t } = useNodeView();
  const { prompt, options } = data.node.data;
  return (
    <NodeFrame
      node={data.node}
      badge={data.badge}
      selected={selected}
      aside={<SpeechTime text={prompt} />}
    >
      <SpokenText text={prompt} lines={2} empty={t('kinds.menu.noPrompt')} />
      {options.length === 0 ? (
        <p className="flow-node__muted">{t('kinds.menu.noOptions')}</p>
      ) : (
        <dl className="flow-node__options">
          {options.map((option) => (
            <div key={option.id} className="flow-node__option">
              <dt>{option.key || '?'}</dt>
              <dd>
                {option.label ?? (option.keywords.length === 0 ? t('kinds.menu.noName') : null)}
                {option.keywords.length > 0 && (
                  <span className="flow-node__keywords">
                    {option.label !== undefined && ' · '}
                    {option.keywords.map((word) => `“${word}”`).join(', ')}
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </NodeFrame>
  );
}
