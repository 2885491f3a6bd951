/**
 * The one rule for names of a workspace's records that flows refer to (a
 * transfer's team, a fallback bot's bot): publishing checks them, a running
 * call finds them, R2's checklist counts them and a rename follows them,
 * all with these functions, so a name that publishes is a name a call finds.
 *
 * Two names are the same when they read the same: Unicode forms (NFC) and
 * the spaces around and between words do not count, nor does case ("VENDAS"
 * is "Vendas"). Accents do count: in Portuguese and Spanish they tell words
 * apart ("país" and "pais", "Sé" and "Se"), and a flow picks its team from
 * the workspace's own list, accents included, so a name typed without them
 * is told it is unknown and offered the right one rather than matched in
 * silence.
 */

/**
 * The key a name is compared by.
 *
 * @example
 * nameKey('  Suporte   Técnico ') === nameKey('suporte técnico'); // true
 */
export const nameKey = (name: string): string =>
  name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('pt-BR');

/** Whether two names are the same name (see `nameKey`). */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/**
 * The record a flow names `ref`: the one whose id or name is written exactly
 * so, else the one whose name or id is the same name (`sameName`). An exact
 * match wins, so two records whose names differ only in case are still told
 * apart.
 */
export function findNamed<T extends { id: string; name?: string }>(
  records: readonly T[],
  ref: string,
): T | undefined {
  const exact = records.find((r) => r.id === ref || r.name === ref);
  if (exact !== undefined) return exact;
  const key = nameKey(ref);
  return records.find(
    (r) => (r.name !== undefined && nameKey(r.name) === key) || nameKey(r.id) === key,
  );
}
