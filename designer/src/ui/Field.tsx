import {
  forwardRef,
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
} from 'react';
import './ui.css';

interface FieldFrame {
  label: ReactNode;
  /** Help under the field, read after its name. */
  hint?: ReactNode;
  /** What is wrong with the value; marks the field invalid. */
  error?: ReactNode;
}

function Frame({
  id,
  label,
  hint,
  error,
  children,
}: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className="ui-field">
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint !== undefined && (
        <p id={`${id}-hint`} className="ui-field__hint">
          {hint}
        </p>
      )}
      {error !== undefined && error !== null && error !== false && (
        <p id={`${id}-error`} className="ui-field__error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, { hint, error }: FieldFrame): string | undefined {
  const ids = [
    hint !== undefined && `${id}-hint`,
    error !== undefined && error !== null && error !== false && `${id}-error`,
  ].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

export type TextFieldProps = FieldFrame & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled text input with its hint and error, wired for assistive technology. */
export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, hint, error, className, ...rest },
  ref,
) {
  const id = useId();
  const invalid = error !== undefined && error !== null && error !== false;
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <input
        ref={ref}
        id={id}
        className={['ui-input', className].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, { label, hint, error })}
        {...rest}
      />
    </Frame>
  );
});

export type SelectProps = FieldFrame & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

/**
 * A labelled choice among options (`<option>` children). The platform's own
 * list, styled: it works with every keyboard, screen reader and phone, and
 * forms and tests pick options as in any page.
 */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, hint, error, className, children, ...rest },
  ref,
) {
  const id = useId();
  return (
    <Frame id={id} label={label} hint={hint} error={error}>
      <select
        ref={ref}
        id={id}
        className={['ui-select', className].filter(Boolean).join(' ')}
        aria-describedby={describedBy(id, { label, hint, error })}
        {...rest}
      >
        {children}
      </select>
    </Frame>
  );
});
