import { SpokenTextField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** A hang-up: an optional goodbye, then the call ends. */
export function HangupInspector({ node }: InspectorFormProps<'hangup'>) {
  const form = useNodeForm(node);
  return (
    <SpokenTextField
      form={form}
      path={['text']}
      label="Goodbye"
      rows={3}
      hint="Leave it empty to hang up without a word."
    />
  );
}
