import { useTranslation } from 'react-i18next';
import { DataField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import { useBotsInFlow } from '../../inspector/valuesInFlow.ts';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';

/** A fallback bot: the bot that carries on with the call. */
export function FallbackBotInspector({ node }: InspectorFormProps<'fallbackBot'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  const bots = useBotsInFlow();
  return (
    <DataField
      form={form}
      path={['bot']}
      label={t('inspector.fallbackBot.bot')}
      suggestions={bots}
      hint={t('inspector.fallbackBot.botHint')}
    />
  );
}
