import { useTranslation } from 'react-i18next';
import { DEFAULT_MAX_WAIT_SECONDS, MAX_WAIT_BOUNDS } from '@callbot/shared';
import { DataField, SpokenTextField } from '../../inspector/DataField.tsx';
import { optionalNumber, optionalText } from '../../inspector/parsers.ts';
import { useTeamsIfAny, useWorkspaceIfAny } from '../../app/WorkspaceContext.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import { useTeamsInFlow } from '../../inspector/valuesInFlow.ts';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';
import { WorkspaceNameField } from '../WorkspaceNameField.tsx';

/**
 * A transfer: the team whose queue takes the call, picked from the
 * workspace's teams; what the caller hears while waiting (hold music without
 * a message) and how long at most before the no-agents path (R16).
 */
export function TransferInspector({ node }: InspectorFormProps<'transfer'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  const inFlow = useTeamsInFlow();
  const workspace = useWorkspaceIfAny();
  const teams = useTeamsIfAny();
  return (
    <>
      <WorkspaceNameField
        form={form}
        path={['team']}
        label={t('inspector.transfer.team')}
        hint={t(teams ? 'inspector.transfer.teamHint' : 'inspector.transfer.teamHintFlowOnly')}
        value={node.data.team}
        names={teams && teams.value?.items.map((team) => team.name)}
        fallback={inFlow}
        create={(name) => workspace!.createTeam({ name, agents: 0 })}
        words={{
          create: (team) => t('kinds.transfer.createTeam', { team }),
        }}
      />
      <fieldset className="inspector__group">
        <legend>{t('kinds.transfer.queue')}</legend>
        <SpokenTextField
          form={form}
          path={['waitMessage']}
          label={t('kinds.transfer.waitMessage')}
          parse={optionalText}
          placeholder={t('kinds.transfer.holdMusic')}
        />
        <DataField
          form={form}
          path={['maxWaitSeconds']}
          label={t('kinds.transfer.maxWait')}
          type="number"
          min={MAX_WAIT_BOUNDS.min}
          max={MAX_WAIT_BOUNDS.max}
          step={10}
          parse={optionalNumber}
          placeholder={String(DEFAULT_MAX_WAIT_SECONDS)}
          hint={t('kinds.transfer.maxWaitHint', { seconds: DEFAULT_MAX_WAIT_SECONDS })}
        />
      </fieldset>
    </>
  );
}
