import { useTranslation } from 'react-i18next';
import { useBotsIfAny, useWorkspaceIfAny } from '../../app/WorkspaceContext.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import { useBotsInFlow } from '../../inspector/valuesInFlow.ts';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';
import { WorkspaceNameField } from '../WorkspaceNameField.tsx';

/** A fallback bot: the bot that carries on with the call, picked from the workspace's bots. */
export function FallbackBotInspector({ node }: InspectorFormProps<'fallbackBot'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  const inFlow = useBotsInFlow();
  const workspace = useWorkspaceIfAny();
  const bots = useBotsIfAny();
  return (
    <WorkspaceNameField
      form={form}
      path={['bot']}
      label={t('inspector.fallbackBot.bot')}
      hint={t(bots ? 'inspector.fallbackBot.botHint' : 'inspector.fallbackBot.botHintFlowOnly')}
      value={node.data.bot}
      names={bots && bots.value?.items.map((bot) => bot.name)}
      fallback={inFlow}
      create={(name) => workspace!.createBot({ name })}
      words={{
        create: (bot) => t('kinds.fallbackBot.createBot', { bot }),
      }}
    />
  );
}
