import { SpokenTextInspector } from '../../inspector/SpokenTextInspector.tsx';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';

/** A message: a text the bot says before going on. */
export function MessageInspector({ node }: InspectorFormProps<'message'>) {
  return <SpokenTextInspector node={node} rows={4} />;
}
