import { Sparkles } from 'lucide-react';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { AiAgentInspector } from './Inspector.tsx';
import { AiAgentNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The aiAgent kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const aiAgent = defineNodeUI({
  kind: 'aiAgent',
  words,
  colour: '#0f766e',
  icon: Sparkles,
  width: 240,
  View: AiAgentNodeView,
  Inspector: AiAgentInspector,
  bodyLines: () => 3,
  searchTexts: (node) => [node.data.instructions, node.data.endpoint],
});
