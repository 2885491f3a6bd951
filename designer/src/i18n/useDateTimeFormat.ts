import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from './index.ts';

/**
 * Dates and times ("Dec 1, 2026, 2:22 PM") in the UI language, with the
 * browser's regional variant of it; in `timeZone` when given.
 *
 * @example
 * const dateFormat = useDateTimeFormat();
 * dateFormat.format(flow.updatedAt);
 */
export function useDateTimeFormat(timeZone?: string): Intl.DateTimeFormat {
  const { i18n } = useTranslation();
  const { language } = i18n;
  return useMemo(
    () =>
      new Intl.DateTimeFormat(formattingLocale(language), {
        dateStyle: 'medium',
        timeStyle: 'short',
        ...(timeZone !== undefined && { timeZone }),
      }),
    [language, timeZone],
  );
}
