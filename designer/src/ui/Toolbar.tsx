import { Toolbar as RadixToolbar } from 'radix-ui';
import type { ReactNode } from 'react';
import './ui.css';

/**
 * A row of controls that is one Tab stop: arrow keys move inside it
 * (WAI-ARIA toolbar). Wrap each control in `ToolbarItem`.
 */
export function Toolbar({ label, children }: { label: string; children: ReactNode }) {
  return (
    <RadixToolbar.Root className="ui-toolbar" aria-label={label}>
      {children}
    </RadixToolbar.Root>
  );
}

/** One control of a `Toolbar` (the child must take a ref: a `Button`, an `IconButton`). */
export function ToolbarItem({ children }: { children: ReactNode }) {
  return <RadixToolbar.Button asChild>{children}</RadixToolbar.Button>;
}

export function ToolbarSeparator() {
  return <RadixToolbar.Separator className="ui-toolbar__separator" />;
}
