import type { Diagnostic } from '@callbot/shared';
import { i18n } from '../i18n/index.ts';
import { diagnosticText } from '../i18n/diagnostics/index.ts';

/**
 * A diagnostic as one line for a user, in the UI language: what, where (when
 * the message does not say), and what to do.
 */
export function describeDiagnostic(d: Diagnostic): string {
  const { t } = i18n;
  const { message, hint } = diagnosticText(d, t);
  const where =
    d.path && !d.message.startsWith(d.path) ? ` ${t('errors.diagnosticAt', { path: d.path })}` : '';
  return `${message}${where}${hint ? ` ${hint}` : ''}`;
}
