import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../i18n/index.ts';
import { isoToTimeText, timeStyle, timeTextToIso } from './timeText.ts';
import { useTypedValue } from './useTypedValue.ts';
import './ui.css';

/**
 * A labelled time of day, written as the page's language writes it ("2:05 PM" in an
 * English page on a 12-hour clock, "14:05" in a Portuguese or Spanish one, whatever the
 * browser's language; the browser's time input follows the browser's). Typed that way or
 * as ISO's `HH:MM` in any language; `value` and `onChange` speak `HH:MM` (`''` for no
 * time). A typed time is taken on leaving the field or Enter, and something that is not a
 * time says so.
 */
export function TimeField({
  label,
  value,
  onChange,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The form cannot be sent without one (the browser says so). */
  required?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const style = timeStyle(formattingLocale(i18n.language));
  const { invalid, inputProps } = useTypedValue(
    value,
    isoToTimeText(value, style),
    (text) => timeTextToIso(text, style),
    onChange,
  );
  return (
    <div className="ui-field">
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="ui-input ui-time"
        autoComplete="off"
        required={required}
        placeholder={t(style.hour12 ? 'fields.time.pattern12' : 'fields.time.pattern24')}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        {...inputProps}
      />
      {invalid && (
        <p id={`${id}-error`} className="ui-field__error" role="alert">
          {t('fields.time.invalid', { example: isoToTimeText('14:30', style) })}
        </p>
      )}
    </div>
  );
}
