import { useTranslation } from 'react-i18next';
import { SpokenTextField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** A message: a text the bot says before going on. */
export function MessageInspector({ node }: InspectorFormProps<'message'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  return (
    <SpokenTextField
      form={form}
      path={['text']}
      label={t('inspector.message.text')}
      rows={4}
      hint={t('inspector.message.hint')}
    />
  );
}
