import { ListOrdered } from 'lucide-react';
import { defineNodeUI } from '../defineNodeUI.ts';
import { MenuInspector } from './Inspector.tsx';
import { MenuNodeView } from './NodeView.tsx';

/** The menu kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const menu = defineNodeUI({
  kind: 'menu',
  colour: '#7c3aed',
  icon: ListOrdered,
  View: MenuNodeView,
  Inspector: MenuInspector,
  ownsOutputs: true,
  searchTexts: (node) => [
    node.data.prompt,
    ...node.data.options.flatMap((o) => [o.label ?? '', ...o.keywords]),
    node.data.noInput.message ?? '',
    node.data.noMatch.message ?? '',
  ],
});
