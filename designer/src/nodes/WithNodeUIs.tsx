import type { ReactNode } from 'react';
import { NodeUIProvider } from '../canvas/NodeUIContext.tsx';
import { nodeUIs } from './index.ts';

/**
 * Gives the canvas, inspector, palette and search below it the app's node
 * kinds (`nodes/index.ts`): the editor page, the bench, stories and tests
 * wrap what they draw in it.
 */
export function WithNodeUIs({ children }: { children: ReactNode }) {
  return <NodeUIProvider value={nodeUIs}>{children}</NodeUIProvider>;
}
