import { MessageSquareText } from 'lucide-react';
import { defineNodeUI } from '../defineNodeUI.ts';
import { MessageInspector } from './Inspector.tsx';
import { MessageNodeView } from './NodeView.tsx';

/** The message kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const message = defineNodeUI({
  kind: 'message',
  colour: '#0369a1',
  icon: MessageSquareText,
  View: MessageNodeView,
  Inspector: MessageInspector,
  searchTexts: (node) => [node.data.text],
});
