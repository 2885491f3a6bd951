import { MessageSquareText } from 'lucide-react';
import { linesOf } from '../../canvas/placement.ts';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { MessageInspector } from './Inspector.tsx';
import { MessageNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The message kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const message = defineNodeUI({
  kind: 'message',
  words,
  colour: '#0369a1',
  icon: MessageSquareText,
  width: 240,
  View: MessageNodeView,
  Inspector: MessageInspector,
  bodyLines: (node) => linesOf(node.data.text, 3),
  searchTexts: (node) => [node.data.text],
});
