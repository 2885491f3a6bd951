import { Bot } from 'lucide-react';
import { defineNodeUI } from '../../canvas/defineNodeUI.ts';
import { FallbackBotInspector } from './Inspector.tsx';
import { FallbackBotNodeView } from './NodeView.tsx';
import { words } from './words.ts';

/** The fallbackBot kind in the designer: its view, inspector form, colour, icon and what search reads. */
export const fallbackBot = defineNodeUI({
  kind: 'fallbackBot',
  words,
  colour: '#be185d',
  icon: Bot,
  width: 240,
  View: FallbackBotNodeView,
  Inspector: FallbackBotInspector,
  bodyLines: () => 1,
  searchTexts: (node) => [node.data.bot],
});
