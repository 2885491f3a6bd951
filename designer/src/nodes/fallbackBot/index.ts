import { defineNodeUI } from '../defineNodeUI.ts';
import { FallbackBotInspector } from './Inspector.tsx';
import { FallbackBotNodeView } from './NodeView.tsx';

/** The fallbackBot kind in the designer: its view, inspector form, colour and what search reads. */
export const fallbackBot = defineNodeUI({
  kind: 'fallbackBot',
  colour: '#be185d',
  View: FallbackBotNodeView,
  Inspector: FallbackBotInspector,
  searchTexts: (node) => [node.data.bot],
});
