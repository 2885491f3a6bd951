import { ListOrdered } from 'lucide-react';
import { linesOf } from '../../canvas/placement.ts';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { MenuInspector } from './Inspector.tsx';
import { MenuNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The menu kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const menu = defineNodeUI({
  kind: 'menu',
  words,
  colour: '#7c3aed',
  icon: ListOrdered,
  width: 280,
  View: MenuNodeView,
  Inspector: MenuInspector,
  ownsOutputs: true,
  bodyLines: (node) => linesOf(node.data.prompt, 2) + Math.max(1, node.data.options.length),
  searchTexts: (node) => [
    node.data.prompt,
    ...node.data.options.flatMap((o) => [o.label ?? '', ...o.keywords]),
    node.data.noInput.message ?? '',
    node.data.noMatch.message ?? '',
  ],
});
