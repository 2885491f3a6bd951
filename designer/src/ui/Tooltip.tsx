import { Tooltip as RadixTooltip } from 'radix-ui';
import type { ReactElement, ReactNode } from 'react';
import './ui.css';

/**
 * A short text shown on hover and keyboard focus of its trigger (one
 * element that takes a ref). Not a name: give the trigger its own.
 */
export function Tooltip({
  content,
  keys,
  side = 'bottom',
  children,
}: {
  content: ReactNode;
  /** Keys shown after the text, in a <kbd>. */
  keys?: string | undefined;
  side?: 'top' | 'right' | 'bottom' | 'left';
  children: ReactElement;
}) {
  // Each tooltip brings its own provider, so a component works wherever it is rendered.
  return (
    <RadixTooltip.Provider delayDuration={400} skipDelayDuration={200}>
      <RadixTooltip.Root>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content className="ui-tooltip" side={side} sideOffset={6}>
            {content}
            {keys && <kbd className="ui-tooltip__keys">{keys}</kbd>}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
