import { DataField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import { useTeamsInFlow } from '../../inspector/valuesInFlow.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** A transfer: the team whose queue takes the call. */
export function TransferInspector({ node }: InspectorFormProps<'transfer'>) {
  const form = useNodeForm(node);
  const teams = useTeamsInFlow();
  return (
    <DataField
      form={form}
      path={['team']}
      label="Team"
      suggestions={teams}
      hint="Suggestions are the teams this flow already uses. The workspace’s list of teams is not connected yet: type the team’s name as your telephony system knows it."
    />
  );
}
