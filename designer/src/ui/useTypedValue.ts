import { useState, type ChangeEvent, type KeyboardEvent } from 'react';

/**
 * A value typed as text in the page's language (a day, a time): shown as `shown` until
 * typed over; what is typed is read with `read` on leaving the field or Enter, and given
 * to `onChange` if it is a value and a new one (`null` from `read`: not a value, `invalid`).
 */
export function useTypedValue(
  value: string,
  shown: string,
  read: (text: string) => string | null,
  onChange: (value: string) => void,
) {
  // What is being typed, until it is taken (null: the value, as written).
  const [typing, setTyping] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const take = () => {
    if (typing === null) return;
    const next = read(typing);
    if (next === null) return setInvalid(true);
    setInvalid(false);
    setTyping(null);
    if (next !== value) onChange(next);
  };
  return {
    invalid,
    /** Drops what was typed (the value came from elsewhere, e.g. a picker). */
    reset: () => {
      setTyping(null);
      setInvalid(false);
    },
    /** For the text input. */
    inputProps: {
      value: typing ?? shown,
      onChange: (e: ChangeEvent<HTMLInputElement>) => setTyping(e.target.value),
      onBlur: take,
      onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          take();
        }
      },
    },
  };
}
