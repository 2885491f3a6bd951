import type { Diagnostic } from '@callbot/shared';

/**
 * One diagnostic on one line, columns two spaces apart, parts that are not
 * known left out:
 * `error  menu  nodes[4].data.options[0].key  Key 1 is used by ...  (hint: ...)`.
 */
export function formatDiagnostic(d: Diagnostic): string {
  const parts: string[] = [d.severity];
  if (d.nodeId !== undefined) parts.push(d.nodeId);
  if (d.path !== undefined && !d.message.startsWith(`${d.path}:`)) parts.push(d.path);
  parts.push(oneLine(d.message));
  if (d.hint !== undefined) parts.push(`(hint: ${oneLine(d.hint)})`);
  return parts.join('  ');
}

/** `2 errors, 1 warning`. */
export function summarize(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

/** A diagnostic as the reason in `callbot: FILE: reason`: the field first, then why. */
export function reasonOf(d: Diagnostic): string {
  const message = oneLine(d.message);
  return d.path !== undefined && !message.startsWith(`${d.path}:`)
    ? `${d.path}: ${message}`
    : message;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** User text (labels, keywords) could hold line breaks; a report line must stay one line. */
export const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');
