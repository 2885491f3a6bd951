import { PhoneIncoming } from 'lucide-react';
import { linesOf } from '../../canvas/placement.ts';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { GreetingInspector } from './Inspector.tsx';
import { GreetingNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The greeting kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const greeting = defineNodeUI({
  kind: 'greeting',
  words,
  colour: '#15803d',
  icon: PhoneIncoming,
  width: 240,
  View: GreetingNodeView,
  Inspector: GreetingInspector,
  bodyLines: (node) => linesOf(node.data.text, 3),
  searchTexts: (node) => [node.data.text],
});
