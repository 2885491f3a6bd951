import { PhoneOff } from 'lucide-react';
import { linesOf } from '../../canvas/placement.ts';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { HangupInspector } from './Inspector.tsx';
import { HangupNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The hangup kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const hangup = defineNodeUI({
  kind: 'hangup',
  words,
  colour: '#dc2626',
  icon: PhoneOff,
  width: 240,
  View: HangupNodeView,
  Inspector: HangupInspector,
  bodyLines: (node) => linesOf(node.data.text, 3),
  searchTexts: (node) => [node.data.text],
});
