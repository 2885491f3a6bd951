import { useTranslation } from 'react-i18next';
import { SpokenTextField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** The greeting: the initial message, said as soon as the call is answered. */
export function GreetingInspector({ node }: InspectorFormProps<'greeting'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  return (
    <SpokenTextField
      form={form}
      path={['text']}
      label={t('inspector.greeting.text')}
      rows={4}
      hint={t('inspector.greeting.hint')}
    />
  );
}
