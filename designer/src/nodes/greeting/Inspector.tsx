import { SpokenTextField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** The greeting: the initial message, said as soon as the call is answered. */
export function GreetingInspector({ node }: InspectorFormProps<'greeting'>) {
  const form = useNodeForm(node);
  return (
    <SpokenTextField
      form={form}
      path={['text']}
      label="Initial message"
      rows={4}
      hint="Said as soon as the call is answered; the caller cannot interrupt it."
    />
  );
}
