import { DataField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import { useBotsInFlow } from '../../inspector/valuesInFlow.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** A fallback bot: the bot that carries on with the call. */
export function FallbackBotInspector({ node }: InspectorFormProps<'fallbackBot'>) {
  const form = useNodeForm(node);
  const bots = useBotsInFlow();
  return (
    <DataField
      form={form}
      path={['bot']}
      label="Bot id"
      suggestions={bots}
      hint="Suggestions are the bots this flow already hands calls to. The workspace’s list of bots is not connected yet: type the bot’s id."
    />
  );
}
