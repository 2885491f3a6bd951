import { useTranslation } from 'react-i18next';
import type { SpokenTextKind } from '../canvas/SpokenTextNodeView.tsx';
import type { InspectorFormProps } from '../canvas/defineNodeUI.ts';
import { SpokenTextField } from './DataField.tsx';
import { useNodeForm } from './useNodeForm.ts';

/** The form of a node that says one text: the text, with its speaking time and hint. */
export function SpokenTextInspector({
  node,
  rows = 4,
}: InspectorFormProps<SpokenTextKind> & { rows?: number }) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  const kind: SpokenTextKind = node.kind;
  return (
    <SpokenTextField
      form={form}
      path={['text']}
      label={t(`inspector.${kind}.text`)}
      rows={rows}
      hint={t(`inspector.${kind}.hint`)}
    />
  );
}
