/** A day as the page's language writes it: the order of its parts and the separator. */
export interface DateOrder {
  parts: readonly ('day' | 'month' | 'year')[];
  separator: string;
}

/** How `locale` writes a day in digits ("dd/mm/yyyy" in pt-BR, "mm/dd/yyyy" in en-US). */
export function dateOrder(locale: string): DateOrder {
  const parts = new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(Date.UTC(2026, 11, 7));
  return {
    parts: parts.flatMap((p) =>
      p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : [],
    ),
    separator: parts.find((p) => p.type === 'literal')?.value ?? '/',
  };
}

/** `2026-12-07` written in `order` ("07/12/2026"); an empty value stays empty. */
export function isoToText(iso: string, order: DateOrder): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return '';
  const value = { year: match[1]!, month: match[2]!, day: match[3]! };
  return order.parts.map((part) => value[part]).join(order.separator);
}

/**
 * What a person typed, read in `order` ("7/12/2026", "07.12.2026" and
 * "07122026" alike, or ISO's 2026-12-07 in any language), as `2026-12-07`; `''` for nothing typed, `null` for
 * something that is not a day of the calendar.
 */
export function textToIso(text: string, order: DateOrder): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  let pieces = trimmed.split(/\D+/).filter(Boolean);
  // A four-digit first piece is the ISO order (2026-12-07), whatever the language's.
  const read: DateOrder =
    pieces.length === 3 && pieces[0]!.length === 4
      ? { parts: ['year', 'month', 'day'], separator: '-' }
      : order;
  // Digits only: day and month two each, the year four.
  if (pieces.length === 1 && pieces[0]!.length === 8) {
    const digits = pieces[0]!;
    let at = 0;
    pieces = read.parts.map((part) => {
      const size = part === 'year' ? 4 : 2;
      at += size;
      return digits.slice(at - size, at);
    });
  }
  if (pieces.length !== 3) return null;
  const value = { day: 0, month: 0, year: 0 };
  read.parts.forEach((part, i) => (value[part] = Number(pieces[i])));
  if (pieces[read.parts.indexOf('year')]!.length !== 4) return null;
  const date = new Date(Date.UTC(value.year, value.month - 1, value.day));
  if (
    date.getUTCFullYear() !== value.year ||
    date.getUTCMonth() !== value.month - 1 ||
    date.getUTCDate() !== value.day
  )
    return null;
  return date.toISOString().slice(0, 10);
}
