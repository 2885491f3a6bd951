/**
 * The IANA time zones this browser knows, sorted, with the ones the product
 * is made for first found by search like any other. `Intl.supportedValuesOf`
 * is in every browser the designer supports; UTC is added when the engine
 * leaves it out.
 */
export function timeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add('UTC');
  return [...zones].sort();
}
