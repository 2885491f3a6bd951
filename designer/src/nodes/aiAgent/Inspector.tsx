import { DataField } from '../../inspector/DataField.tsx';
import { useNodeForm } from '../../inspector/useNodeForm.ts';
import type { InspectorFormProps } from '../inspectors.ts';

/** An AI agent: what the model is told, and which endpoint answers. */
export function AiAgentInspector({ node }: InspectorFormProps<'aiAgent'>) {
  const form = useNodeForm(node);
  return (
    <>
      <DataField
        form={form}
        path={['instructions']}
        label="Instructions"
        multiline
        rows={8}
        hint={(text) =>
          `Who the agent is, what it may do, and when to hand over. ${text.length.toLocaleString('en-US')} of 8,000 characters.`
        }
      />
      <DataField
        form={form}
        path={['endpoint']}
        label="Endpoint"
        hint="The name of a configured chat-completions endpoint, e.g. “default”."
      />
    </>
  );
}
