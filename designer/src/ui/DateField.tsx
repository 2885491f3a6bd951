import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CalendarDays } from 'lucide-react';
import { formattingLocale } from '../i18n/index.ts';
import { IconButton } from './Button.tsx';
import { dateOrder, isoToText, textToIso } from './dateText.ts';
import { useTypedValue } from './useTypedValue.ts';
import './ui.css';

/**
 * A labelled day, written as the page's language writes it ("07/12/2026" in
 * a Portuguese page, whatever the browser's own language; the browser's
 * date input follows the browser's). Typed in that order, or picked from the
 * browser's calendar with the button beside it. `value` and `onChange` speak
 * `YYYY-MM-DD` (`''` for no day); a typed day is taken on leaving the field
 * or Enter, and something that is not a day says so. `error` is the id of the page's own message about the day (a
 * holiday already taken), if any.
 */
export function DateField({
  label,
  value,
  onChange,
  onTyped,
  error,
  required = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /**
   * Each typed text as it is taken: the day, `''` for none, or `null` for
   * something that is not a day (`value` then stays the one before it).
   */
  onTyped?: (value: string | null) => void;
  /** The form cannot be sent without one (the browser says so). */
  required?: boolean;
  error?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const order = dateOrder(formattingLocale(i18n.language));
  const { invalid, reset, inputProps } = useTypedValue(
    value,
    isoToText(value, order),
    (text) => {
      const iso = textToIso(text, order);
      onTyped?.(iso);
      return iso;
    },
    onChange,
  );
  const picker = useRef<HTMLInputElement>(null);
  const pattern = order.parts.map((part) => t(`fields.date.${part}`)).join(order.separator);

  return (
    <div className="ui-field">
      <label className="ui-field__label" htmlFor={id}>
        {label}
      </label>
      <div className="ui-date">
        <input
          id={id}
          className="ui-input ui-date__text"
          inputMode="numeric"
          autoComplete="off"
          required={required}
          placeholder={pattern}
          aria-invalid={invalid || error !== undefined || undefined}
          aria-describedby={invalid ? `${id}-error` : error}
          {...inputProps}
        />
        <IconButton
          size="sm"
          className="ui-date__pick"
          label={t('fields.date.pick', { field: label })}
          tooltip={false}
          icon={<CalendarDays />}
          onClick={() => picker.current?.showPicker?.()}
        />
        {/* The browser's calendar, opened by the button: never seen or reached itself. */}
        <input
          ref={picker}
          type="date"
          className="ui-date__native"
          tabIndex={-1}
          aria-hidden="true"
          value={value}
          onChange={(e) => {
            reset();
            onChange(e.target.value);
          }}
        />
      </div>
      {invalid && (
        <p id={`${id}-error`} className="ui-field__error" role="alert">
          {t('fields.date.invalid', { example: isoToText('2026-12-07', order) })}
        </p>
      )}
    </div>
  );
}
