/** A time of day as the page's language writes it: a 12-hour clock (with its AM and PM) or 24-hour. */
export interface TimeStyle {
  locale: string;
  hour12: boolean;
  /** The language's words for before and after noon ("AM", "p.m."). */
  am: string;
  pm: string;
}

const at = (hour: number, minute: number) => Date.UTC(2026, 0, 1, hour, minute);

/**
 * How `locale` writes a time: English as Intl writes it (12-hour in en-US, 24-hour in
 * en-GB); Portuguese and Spanish always on a 24-hour clock, as their pages do.
 */
export function timeStyle(locale: string): TimeStyle {
  const period = (hour: number) =>
    new Intl.DateTimeFormat(locale, { hour: 'numeric', hour12: true, timeZone: 'UTC' })
      .formatToParts(at(hour, 0))
      .find((part) => part.type === 'dayPeriod')?.value ?? (hour < 12 ? 'AM' : 'PM');
  const cycle = new Intl.DateTimeFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  return {
    locale,
    hour12: locale.split('-')[0] === 'en' && (cycle === 'h12' || cycle === 'h11'),
    am: period(9),
    pm: period(21),
  };
}

/** `14:05` written in `style` ("2:05 PM", "14:05"); a value that is not `HH:MM` is `''`. */
export function isoToTimeText(iso: string, style: TimeStyle): string {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(iso);
  if (!match) return '';
  return (
    new Intl.DateTimeFormat(style.locale, {
      hour: style.hour12 ? 'numeric' : '2-digit',
      minute: '2-digit',
      hourCycle: style.hour12 ? 'h12' : 'h23',
      timeZone: 'UTC',
    })
      .format(at(Number(match[1]), Number(match[2])))
      // Intl puts a narrow no-break space before AM: a plain one is what people type.
      .replace(/\s/gu, ' ')
  );
}

/** A day period as typed, for comparing: lower case, without dots or spaces ("p. m." is "pm"). */
const bare = (text: string) => text.toLowerCase().replace(/[\s.]/gu, '');

/**
 * What a person typed, read as `style` writes times ("2:05 PM", "2:05pm", "2 p.m.", "14:05",
 * "1405"; ISO's `HH:MM` in any language), as `HH:MM`; `''` for nothing typed, `null` for
 * something that is not a time of day.
 */
export function timeTextToIso(text: string, style: TimeStyle): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const match = /^(\d{1,2})(?:[:.h]?(\d{2}))?\s*(\D*)$/u.exec(trimmed);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const period = bare(match[3]!);
  const am = period !== '' && [bare(style.am), 'a', 'am'].includes(period);
  const pm = period !== '' && [bare(style.pm), 'p', 'pm'].includes(period);
  if (period !== '' && !am && !pm) return null;
  if (minute > 59) return null;
  if (am || pm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (pm ? 12 : 0);
  } else if (hour > 23) return null;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(hour)}:${two(minute)}`;
}
