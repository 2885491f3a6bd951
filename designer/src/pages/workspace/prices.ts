import type { Pricing, PriceTable } from '@callbot/shared';
import { priceTableSchema } from '@callbot/shared';
import type { Translate } from '../../i18n/index.ts';
import { volumeTierWords } from '../../simulator/cost/callCost.ts';
import { fieldProblems, type FieldProblem } from '../../persistence/index.ts';

/** One tier of a pricing, in words, with its rate per minute (hundredths). */
export interface TierInWords {
  words: string;
  perMinute: number | null;
}

const number = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);

/**
 * A pricing's tiers in words: "Calls up to 2 min" / "Calls over 2 min" (R20),
 * "Free" (R21, the customer calls), "Monthly minutes 0 to 10,000" (R21, the
 * business calls, by the month's volume).
 */
export function tiersInWords(pricing: Pricing, t: Translate, locale: string): TierInWords[] {
  switch (pricing.model) {
    case 'free':
      return [{ words: t('cost.tier.free'), perMinute: null }];
    case 'duration':
      return pricing.tiers.map((tier, i) => {
        const over = pricing.tiers[i - 1]?.upToMinutes ?? 0;
        const words =
          tier.upToMinutes === null
            ? over === 0
              ? t('cost.tier.anyLength')
              : t('cost.tier.over', { over: number(over, locale) })
            : over === 0
              ? t('cost.tier.upTo', { upTo: number(tier.upToMinutes, locale) })
              : t('cost.tier.between', {
                  over: number(over, locale),
                  upTo: number(tier.upToMinutes, locale),
                });
        return { words, perMinute: tier.perMinute };
      });
    case 'volume':
      return pricing.tiers.map((tier, i) => ({
        words: volumeTierWords(
          { unit: pricing.unit, from: tier.from, until: pricing.tiers[i + 1]?.from ?? null },
          t,
          locale,
        ),
        perMinute: tier.perMinute,
      }));
  }
}

export type ReadPriceTable =
  | { ok: true; table: PriceTable }
  /** Which field and why, in the schema's words. */
  | { ok: false; problems: FieldProblem[] };

/** A price-table file's text through `priceTableSchema`. */
export function readPriceTable(text: string): ReadPriceTable {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'parse error';
    return { ok: false, problems: [{ path: '', message: `the file is not JSON (${detail})` }] };
  }
  const parsed = priceTableSchema.safeParse(raw);
  return parsed.success
    ? { ok: true, table: parsed.data }
    : { ok: false, problems: fieldProblems(parsed.error) };
}
