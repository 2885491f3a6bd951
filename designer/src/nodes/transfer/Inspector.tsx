import { useTranslation } from 'react-i18next';
import { DataField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import { useTeamsInFlow } from '../../inspector/valuesInFlow.ts';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';

/** A transfer: the team whose queue takes the call. */
export function TransferInspector({ node }: InspectorFormProps<'transfer'>) {
  const { t } = useTranslation();
  const form = useNodeForm(node);
  const teams = useTeamsInFlow();
  return (
    <DataField
      form={form}
      path={['team']}
      label={t('inspector.transfer.team')}
      suggestions={teams}
      hint={t('inspector.transfer.teamHint')}
    />
  );
}
