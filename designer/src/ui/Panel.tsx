import type { ReactNode } from 'react';
import './ui.css';

/**
 * A titled box of the page: a card on workspace pages, a docked panel's
 * frame in the editor. `actions` sit at the right of the title.
 */
export function Panel({
  title,
  actions,
  level = 2,
  className,
  children,
}: {
  title?: ReactNode;
  actions?: ReactNode;
  level?: 2 | 3;
  className?: string;
  children: ReactNode;
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={['ui-panel', className].filter(Boolean).join(' ')}>
      {(title !== undefined || actions !== undefined) && (
        <header className="ui-panel__header">
          {title !== undefined && <Heading className="ui-panel__title">{title}</Heading>}
          {actions !== undefined && <div className="ui-panel__actions">{actions}</div>}
        </header>
      )}
      <div className="ui-panel__body">{children}</div>
    </section>
  );
}
