import { PhoneForwarded } from 'lucide-react';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { TransferInspector } from './Inspector.tsx';
import { TransferNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The transfer kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const transfer = defineNodeUI({
  kind: 'transfer',
  words,
  colour: '#2563eb',
  icon: PhoneForwarded,
  width: 240,
  View: TransferNodeView,
  Inspector: TransferInspector,
  bodyLines: () => 1,
  searchTexts: (node) => [node.data.team],
});
