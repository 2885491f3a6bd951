import type { Diagnostic } from '@callbot/shared';
import { i18n } from '../i18n/index.ts';

/**
 * A diagnostic as one line for a user: what, where (when the message does not
 * say), and what to do. The message and hint are `@callbot/shared`'s, in English.
 */
export function describeDiagnostic(d: Diagnostic): string {
  const where =
    d.path && !d.message.startsWith(d.path)
      ? ` ${i18n.t('errors.diagnosticAt', { path: d.path })}`
      : '';
  return `${d.message}${where}${d.hint ? ` ${d.hint}` : ''}`;
}
