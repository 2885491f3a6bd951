import {
  estimateCallCost,
  type CallCost,
  type CallCostQuery,
  type CostPart,
  type PriceTable,
} from '@callbot/shared';
import type { Translate } from '../../i18n/index.ts';

/** An amount in hundredths of `currency`, as money in `locale`. */
export function formatMoney(hundredths: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(hundredths / 100);
}

/** The estimate, or `null` when the table has no prices for the country. */
export function estimateOrNull(table: PriceTable, query: CallCostQuery): CallCost | null {
  return Object.hasOwn(table.countries, query.country) ? estimateCallCost(table, query) : null;
}

const number = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);

/** Which tier a part of the price comes from, in words. */
export function describeTier(part: CostPart, t: Translate, locale: string): string {
  switch (part.rule) {
    case 'free':
      return t('cost.tier.free');
    case 'duration':
      if (part.upToMinutes === null) {
        return part.overMinutes === 0
          ? t('cost.tier.anyLength')
          : t('cost.tier.over', { over: number(part.overMinutes, locale) });
      }
      return part.overMinutes === 0
        ? t('cost.tier.upTo', { upTo: number(part.upToMinutes, locale) })
        : t('cost.tier.between', {
            over: number(part.overMinutes, locale),
            upTo: number(part.upToMinutes, locale),
          });
    case 'volume':
      return volumeTierWords(part, t, locale);
  }
}

/** A volume tier in words: the month's calls (as the FAQ counts them) or minutes. */
export function volumeTierWords(
  tier: { unit: 'calls' | 'minutes'; from: number; until: number | null },
  t: Translate,
  locale: string,
): string {
  if (tier.unit === 'calls') {
    // The tier from 1,000 holds the 1,001st call on.
    return tier.until === null
      ? t('rules.tier.callsFrom', { from: number(tier.from + 1, locale) })
      : t('rules.tier.callsBetween', {
          from: number(tier.from + 1, locale),
          until: number(tier.until, locale),
        });
  }
  return tier.until === null
    ? t('cost.tier.monthFrom', { from: number(tier.from, locale) })
    : t('cost.tier.monthBetween', {
        from: number(tier.from, locale),
        until: number(tier.until, locale),
      });
}
