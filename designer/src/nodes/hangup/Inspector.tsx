import { useTranslation } from 'react-i18next';
import { SpokenTextField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** A hang-up: an optional goodbye, then the call ends. */
export function HangupInspector({ node }: InspectorFormProps<'hangup'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  return (
    <SpokenTextField
      form={form}
      path={['text']}
      label={t('inspector.hangup.text')}
      rows={3}
      hint={t('inspector.hangup.hint')}
    />
  );
}
