import type { ReactNode } from 'react';
import './ui.css';

export type Tone = 'neutral' | 'accent' | 'success' | 'warning' | 'danger' | 'info';

/** A short tag (a count, a kind, "Example figures"). */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return <span className={`ui-badge ui-badge--${tone}`}>{children}</span>;
}

/** A state with a dot before it ("Active", "Calls off"): the colour never carries it alone. */
export function StatusPill({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`ui-badge ui-badge--${tone} ui-status`}>
      <span className="ui-status__dot" aria-hidden="true" />
      {children}
    </span>
  );
}
