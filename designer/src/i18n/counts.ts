import type { en } from './en.ts';
import type { Translate } from './index.ts';

/** The things `counts` has words for: `flows` for `counts.flows_one` / `_other` / `_zero`. */
export type CountNoun = keyof typeof en.counts extends `${infer N}_${'zero' | 'one' | 'other'}`
  ? N
  : never;

/**
 * Each count in words, in its plural form ("1 flow", "3 flows", "0 fluxos"),
 * for sentences that name several counts at once: i18next picks one plural
 * form per key, so a sentence with five counts takes five counted words.
 *
 * @example t('workspace.file.imported', countWords(t, { flows: 1, teams: 2 }))
 */
export function countWords<K extends CountNoun>(
  t: Translate,
  counts: Readonly<Record<K, number>>,
): Record<K, string> {
  const say = t as unknown as (key: string, options: { count: number }) => string;
  const out = {} as Record<K, string>;
  for (const noun of Object.keys(counts) as K[]) {
    out[noun] = say(`counts.${noun}`, { count: counts[noun] });
  }
  return out;
}
