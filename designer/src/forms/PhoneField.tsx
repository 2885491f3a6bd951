import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPhone, parsePhoneInput, phoneCountry } from './phone.ts';
import '../ui/ui.css';

export interface PhoneFieldProps {
  label: string;
  /** What the field shows: as typed, or formatted once it was left with a valid number. */
  value: string;
  onChange: (text: string) => void;
  /** Whose national numbers are typed without +: the workspace's country, else the UI locale's. */
  defaultCountry?: string | undefined;
  /** The id of a note that describes the field. */
  describedBy?: string;
  /** For forms read with `FormData`: a hidden field of this name carries the E.164 number. */
  name?: string;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

/**
 * A phone number field: takes the number in any common form ("+55 (11)
 * 3000-0000", "0055 11 3000 0000", "(11) 3000-0000" in Brazil), shows it
 * formatted for its country once left, and says plainly when it is not a
 * number: under the field, as the kit's fields say their errors, once it is
 * left or its form is sent. Something that is not a number holds its form
 * back (the input's custom validity), so a form's submit handler only ever
 * sees a number or, when not required, nothing. Callers store
 * `parsePhoneInput(value, country)`'s E.164.
 */
export function PhoneField({
  label,
  value,
  onChange,
  defaultCountry,
  describedBy,
  name,
  required,
  disabled,
  className,
}: PhoneFieldProps) {
  const { t } = useTranslation();
  const problemId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [left, setLeft] = useState(false);
  const country = phoneCountry(defaultCountry);
  const parsed = parsePhoneInput(value, country);
  const problem =
    !parsed.ok && parsed.problem === 'invalid' ? t('phone.invalid', { text: value.trim() }) : '';
  const invalid = left && problem !== '';
  const described = [describedBy, invalid ? problemId : undefined].filter(Boolean).join(' ');
  useEffect(() => input.current?.setCustomValidity(problem), [problem]);
  return (
    <>
      <label className={className}>
        {label}
        <input
          ref={input}
          className="ui-input"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          value={value}
          required={required}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={described || undefined}
          onChange={(e) => {
            setLeft(false);
            onChange(e.target.value);
          }}
          onBlur={() => {
            setLeft(true);
            if (parsed.ok) onChange(formatPhone(parsed.e164));
          }}
          onInvalid={(e) => {
            // Empty but required: the browser says so (in the page's language, forms/validityMessages.ts).
            if (problem === '') return;
            // Not a number: said once, under the field, not again in the browser's bubble.
            e.preventDefault();
            setLeft(true);
            e.currentTarget.focus();
          }}
        />
        {name !== undefined && (
          <input type="hidden" name={name} value={parsed.ok ? parsed.e164 : value.trim()} />
        )}
      </label>
      {invalid && (
        <p id={problemId} className="ui-field__error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
