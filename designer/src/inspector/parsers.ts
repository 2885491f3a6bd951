/**
 * How form text becomes a value of the document. Parsers never throw: text
 * that is not a number becomes `NaN`, which the schema then refuses with a
 * message next to the field.
 */

/** The text as typed. */
export const asText = (text: string): string => text;

/** Empty text removes an optional field (e.g. a menu's no-match message). */
export const optionalText = (text: string): string | undefined => (text === '' ? undefined : text);

/** A number; empty or non-numeric text is `NaN`. */
export const asNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/** An optional number: empty text removes it (the flow's default applies). */
export const optionalNumber = (text: string): number | undefined =>
  text.trim() === '' ? undefined : Number(text);

/** Comma-separated words: `"vendas, comprar"` is `['vendas', 'comprar']`. */
export const commaList = (text: string): string[] =>
  text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word !== '');

/** A value of the document as form text: nothing for an absent value. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.join(', ');
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '';
}
