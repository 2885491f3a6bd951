import type { NodeKindName } from '@callbot/shared';

/**
 * One colour per node kind, for the node frame, the palette and the minimap.
 * In TypeScript rather than CSS because the minimap draws with SVG attributes.
 * Each reaches 4.5:1 against white, since the kind's name is written in it (WCAG AA).
 */
export const kindColors: Record<NodeKindName, string> = {
  greeting: '#15803d',
  message: '#0369a1',
  menu: '#7c3aed',
  schedule: '#b45309',
  transfer: '#2563eb',
  fallbackBot: '#be185d',
  aiAgent: '#0f766e',
  hangup: '#dc2626',
};
