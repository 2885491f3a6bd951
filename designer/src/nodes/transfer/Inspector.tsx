import { useTranslation } from 'react-i18next';
import { useTeamsIfAny, useWorkspaceIfAny } from '../../app/WorkspaceContext.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import { useTeamsInFlow } from '../../inspector/valuesInFlow.ts';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';
import { WorkspaceNameField } from '../WorkspaceNameField.tsx';

/** A transfer: the team whose queue takes the call, picked from the workspace's teams. */
export function TransferInspector({ node }: InspectorFormProps<'transfer'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  const inFlow = useTeamsInFlow();
  const workspace = useWorkspaceIfAny();
  const teams = useTeamsIfAny();
  return (
    <WorkspaceNameField
      form={form}
      path={['team']}
      label={t('inspector.transfer.team')}
      hint={t('inspector.transfer.teamHint')}
      value={node.data.team}
      names={teams && teams.value?.items.map((team) => team.name)}
      fallback={inFlow}
      create={(name) => workspace!.createTeam({ name, agents: 0 })}
      words={{
        unknown: (team) => t('kinds.transfer.unknownTeam', { team }),
        create: (team) => t('kinds.transfer.createTeam', { team }),
      }}
    />
  );
}
