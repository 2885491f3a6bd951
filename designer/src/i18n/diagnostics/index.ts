import type { Diagnostic } from '@callbot/shared';
import type { Translate } from '../index.ts';
import { portLabel } from '../nodeTerms.ts';
import type { diagnosticsEn } from './en.ts';

/** The shape every language's diagnostics must have: the English ones. */
export type DiagnosticsResources = typeof diagnosticsEn;

/** A diagnostic in the UI language. */
export interface DiagnosticText {
  message: string;
  hint?: string;
}

type LooseTranslate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Says a diagnostic of `@callbot/shared` in the UI language, from its `code`
 * and `params`. A diagnostic the designer has no words for (a schema error,
 * whose text comes from the schema itself) keeps `shared`'s English.
 *
 * @example
 * const { message, hint } = diagnosticText(d, t);
 */
export function diagnosticText(d: Diagnostic, t: Translate): DiagnosticText {
  const say = t as unknown as LooseTranslate;
  const key = `diagnostics.${d.code}`;
  const english: DiagnosticText = {
    message: d.message,
    ...(d.hint !== undefined && { hint: d.hint }),
  };
  if (!hasKey(say, `${key}.message`)) return english;
  const values = spokenValues(d, t);
  const context = d.code === 'menu.invalidKey' && d.params?.key === '' ? 'missing' : undefined;
  const message = say(`${key}.message`, { ...values, ...(context && { context }) });
  if (d.hint === undefined) return { message };
  const hint = hasKey(say, `${key}.hint`) ? say(`${key}.hint`, values) : d.hint;
  return { message, hint };
}

/** Whether `t` has a text for `key` (i18next answers the key itself when it has none). */
const hasKey = (say: LooseTranslate, key: string) => say(key, { defaultValue: '' }) !== '';

/** The params as the UI language names them: days, outputs and texts in words. */
function spokenValues(d: Diagnostic, t: Translate): Record<string, string | number> {
  const say = t as unknown as LooseTranslate;
  const values: Record<string, string | number> = { ...d.params };
  const { day, text, port, portId } = values;
  if (typeof day === 'string' && d.code.startsWith('schedule.'))
    values.day = say(`days.long.${day}`);
  if (typeof text === 'string') values.text = say(`diagnostics.texts.${text}`);
  if (typeof port === 'string' && typeof portId === 'string') {
    values.port = portLabel({ id: portId, label: port }, t);
  }
  return values;
}
