import { Slot } from 'radix-ui';
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Tooltip } from './Tooltip.tsx';
import './ui.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** primary: the one main action of a screen; secondary (default); ghost: toolbars; danger: deletes. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** An icon before the text (a lucide-react element), hidden from assistive technology. */
  icon?: ReactNode;
  /** Renders the child element (a link) with the button's look instead of a <button>. */
  asChild?: boolean;
}

/** The class names of a button's look, for elements that are not `Button` (a file input's label). */
export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md'): string {
  return `ui-button ui-button--${variant} ui-button--${size}`;
}

/**
 * A button of the kit. Always `type="button"` unless told otherwise, so it
 * never submits a form by accident.
 *
 * @example
 * <Button variant="primary" icon={<Play />} onClick={start}>Start call</Button>
 */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', icon, asChild, className, children, type, ...rest },
  ref,
) {
  const classes = [buttonClass(variant, size), className].filter(Boolean).join(' ');
  if (asChild) {
    return (
      <Slot.Root ref={ref} className={classes} {...rest}>
        {children}
      </Slot.Root>
    );
  }
  return (
    <button ref={ref} type={type ?? 'button'} className={classes} {...rest}>
      {icon && (
        <span className="ui-button__icon" aria-hidden="true">
          {icon}
        </span>
      )}
      {children}
    </button>
  );
});

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'icon' | 'asChild'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: ReactNode;
  /** Keys shown in the tooltip after the label ("Ctrl+Z"). */
  keys?: string;
  /** A longer tooltip than the name (what the next undo would take back); `false` for none. */
  tooltip?: string | false;
}

/**
 * A button that shows only an icon: its `label` is its accessible name and
 * its tooltip, so nobody has to guess what it does.
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, keys, tooltip, variant = 'ghost', size = 'md', className, ...rest },
  ref,
) {
  const button = (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      className={[buttonClass(variant, size), 'ui-button--icon', className]
        .filter(Boolean)
        .join(' ')}
      {...rest}
    >
      <span className="ui-button__icon" aria-hidden="true">
        {icon}
      </span>
    </button>
  );
  if (tooltip === false) return button;
  return (
    <Tooltip content={tooltip ?? label} keys={keys}>
      {button}
    </Tooltip>
  );
});
