/** Names that must stay unique: flows in the library, test cases in a flow. */

/** Lower case without accents, for matching names as people type them. */
export const foldForSearch = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const NUMBERED = /^(.*) \((\d+)\)$/;
const sameName = (a: string, b: string) => foldForSearch(a.trim()) === foldForSearch(b.trim());

/**
 * `name`, or when one of `taken` is that name already (ignoring case and accents),
 * the first free "<name> (2)", "<name> (3)"... A name that is numbered
 * already counts on from its base: "Recepção (2)" taken gives "Recepção (3)".
 */
export function uniqueName(name: string, taken: readonly string[], maxLength: number): string {
  const isTaken = (candidate: string) => taken.some((t) => sameName(t, candidate));
  if (!isTaken(name)) return name;
  const base = NUMBERED.exec(name)?.[1] ?? name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, maxLength - suffix.length).trimEnd()}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
