import { Switch as RadixSwitch } from 'radix-ui';
import { useId, type ReactNode } from 'react';
import './ui.css';

/**
 * An on/off switch and its label, one control: clicking the text toggles
 * it too. `hint` is read after the name.
 */
export function Switch({
  checked,
  onChange,
  label,
  hint,
  disabled,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="ui-switch">
      <RadixSwitch.Root
        id={id}
        className="ui-switch__track"
        checked={checked}
        onCheckedChange={onChange}
        disabled={disabled ?? false}
        {...(hint !== undefined && { 'aria-describedby': hintId })}
      >
        <RadixSwitch.Thumb className="ui-switch__thumb" />
      </RadixSwitch.Root>
      <span className="ui-switch__text">
        <label htmlFor={id} className="ui-switch__label">
          {label}
        </label>
        {hint !== undefined && (
          <span id={hintId} className="ui-switch__hint">
            {hint}
          </span>
        )}
      </span>
    </div>
  );
}
