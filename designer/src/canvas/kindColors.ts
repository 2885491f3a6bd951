import type { NodeKindName } from '@callbot/shared';

/**
 * One colour per node kind, for the node frame, the palette and the minimap.
 * In TypeScript rather than CSS because the minimap draws with SVG attributes.
 */
export const kindColors: Record<NodeKindName, string> = {
  greeting: '#16a34a',
  message: '#0284c7',
  menu: '#7c3aed',
  schedule: '#d97706',
  transfer: '#2563eb',
  fallbackBot: '#db2777',
  aiAgent: '#0d9488',
  hangup: '#dc2626',
};
