import { SpokenTextInspector } from '../../inspector/SpokenTextInspector.tsx';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';

/** The greeting: the initial message, said as soon as the call is answered. */
export function GreetingInspector({ node }: InspectorFormProps<'greeting'>) {
  return <SpokenTextInspector node={node} rows={4} />;
}
