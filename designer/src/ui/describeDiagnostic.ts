import type { Diagnostic } from '@callbot/shared';

/** A diagnostic as one line for a user: what, where (when the message does not say), and what to do. */
export function describeDiagnostic(d: Diagnostic): string {
  const where = d.path && !d.message.startsWith(d.path) ? ` (at ${d.path})` : '';
  return `${d.message}${where}${d.hint ? ` ${d.hint}` : ''}`;
}
