import { SpokenTextInspector } from '../../inspector/SpokenTextInspector.tsx';
import type { InspectorFormProps } from '../../canvas/defineNodeUI.ts';

/** A hang-up: an optional goodbye, then the call ends. */
export function HangupInspector({ node }: InspectorFormProps<'hangup'>) {
  return <SpokenTextInspector node={node} rows={3} />;
}
