import { useTranslation } from 'react-i18next';
import { DataField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';

/** An AI agent: what the model is told, and which endpoint answers. */
export function AiAgentInspector({ node }: InspectorFormProps<'aiAgent'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  return (
    <>
      <DataField
        form={form}
        path={['instructions']}
        label={t('inspector.aiAgent.instructions')}
        multiline
        rows={8}
        hint={(text) => t('inspector.aiAgent.instructionsHint', { length: text.length, max: 8000 })}
      />
      <DataField
        form={form}
        path={['endpoint']}
        label={t('inspector.aiAgent.endpoint')}
        hint={t('inspector.aiAgent.endpointHint')}
      />
    </>
  );
}
