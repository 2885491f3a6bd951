/**
 * Text that PostgreSQL's jsonb and XML can both carry. jsonb refuses the NUL
 * character and lone surrogates (half of a character outside the BMP, such
 * as a broken emoji); a provider's field or an agent's reply may hold them.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without NUL characters, lone surrogates replaced by U+FFFD. */
export const cleanText = (text: string): string =>
  text.replace(LONE_SURROGATE, '\uFFFD').replace(/\0/g, '');

/**
 * JSON text for a jsonb column, with every string cleaned. JSON.stringify
 * writes NUL as `\u0000` and a lone surrogate as `\udXXX`, so the common case
 * (neither) costs one scan of the text.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value);
  if (!/\\u0000|\\ud[89a-f]/i.test(text)) return text;
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? cleanText(v) : v));
}
