let names: readonly string[] | undefined;

/**
 * The IANA time zones this browser knows, for the time-zone pickers'
 * suggestions (`Intl.supportedValuesOf`, where available; otherwise none, and
 * the user types the name).
 */
export function timeZoneNames(): readonly string[] {
  if (names === undefined) {
    let supported: string[];
    try {
      supported =
        typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    } catch {
      supported = [];
    }
    names = [...new Set(['UTC', ...supported])].sort();
  }
  return names;
}

/** Language tags offered for a flow's prompts; any BCP 47 tag is accepted. */
export const commonLocales: readonly string[] = ['pt-BR', 'pt-PT', 'es', 'es-MX', 'en-US', 'en-GB'];

/** Whether `tag` is a BCP 47 language tag (`pt-BR`, `es`). */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
