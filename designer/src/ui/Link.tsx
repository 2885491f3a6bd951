import type { AnchorHTMLAttributes, ReactNode } from 'react';
import './ui.css';

/**
 * A link of the kit: `inline` in running text, `quiet` for navigation
 * (underlined on hover), with an optional icon before the text.
 */
export function Link({
  variant = 'inline',
  icon,
  className,
  children,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & {
  variant?: 'inline' | 'quiet';
  icon?: ReactNode;
}) {
  return (
    <a className={[`ui-link ui-link--${variant}`, className].filter(Boolean).join(' ')} {...rest}>
      {icon && (
        <span className="ui-link__icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </a>
  );
}
