import type {
  BillingChannel,
  CallDirection,
  DurationPricing,
  PriceTable,
  VolumePricing,
} from './priceTable.ts';

const MINUTE_MS = 60_000;

/**
 * The minutes a call is billed for: every started minute counts, so 0:01 is
 * 1 minute, 2:00 is 2 and 2:01 is 3; a call of 0 ms is 0 minutes.
 *
 * @example billedMinutes(121_000) // 3
 */
export function billedMinutes(durationMs: number): number {
  if (!Number.isFinite(durationMs) || durationMs < 0) {
    throw new RangeError(`A call lasts 0 ms or more, not ${durationMs}.`);
  }
  return Math.ceil(durationMs / MINUTE_MS);
}

export interface CallCostQuery {
  /** ISO 3166 code with prices in the table, e.g. `BR`. */
  country: string;
  channel: BillingChannel;
  direction: CallDirection;
  durationMs: number;
  /** Minutes of calls already billed this month at the same prices (volume tiers); 0 when unknown. */
  monthlyMinutesSoFar?: number;
}

/** One part of a call's price, with what a sentence about it needs. Amounts are in hundredths. */
export type CostPart =
  | { rule: 'free'; minutes: number }
  | {
      rule: 'duration';
      minutes: number;
      perMinute: number;
      amount: number;
      /** The tier holds calls over `overMinutes` and up to `upToMinutes` (`null`: no limit). */
      overMinutes: number;
      upToMinutes: number | null;
    }
  | {
      rule: 'volume';
      minutes: number;
      perMinute: number;
      amount: number;
      /** The tier holds the month's minutes from `fromMinutes` up to `untilMinutes` (`null`: no limit). */
      fromMinutes: number;
      untilMinutes: number | null;
    };

export interface CallCost {
  /** In hundredths of `currency`. */
  amount: number;
  currency: string;
  billedMinutes: number;
  /** In the order the minutes are used; one part unless a call crosses a volume threshold. */
  parts: CostPart[];
  /** The table's own words: whether its figures are examples, and its label. */
  example: boolean;
  tableLabel: string;
}

function byDuration(pricing: DurationPricing, minutes: number): CostPart {
  const index = pricing.tiers.findIndex((t) => t.upToMinutes === null || minutes <= t.upToMinutes);
  // The schema makes the last tier unlimited, so one always matches.
  const tier = pricing.tiers[index]!;
  return {
    rule: 'duration',
    minutes,
    perMinute: tier.perMinute,
    amount: minutes * tier.perMinute,
    overMinutes: pricing.tiers[index - 1]?.upToMinutes ?? 0,
    upToMinutes: tier.upToMinutes,
  };
}

function byVolume(pricing: VolumePricing, minutes: number, soFar: number): CostPart[] {
  const start = soFar;
  const end = soFar + minutes;
  return pricing.tiers.flatMap((tier, i): CostPart[] => {
    const untilMinutes = pricing.tiers[i + 1]?.fromMinutes ?? null;
    const used = Math.min(end, untilMinutes ?? Infinity) - Math.max(start, tier.fromMinutes);
    if (used <= 0) return [];
    return [
      {
        rule: 'volume',
        minutes: used,
        perMinute: tier.perMinute,
        amount: used * tier.perMinute,
        fromMinutes: tier.fromMinutes,
        untilMinutes,
      },
    ];
  });
}

/**
 * What one call costs by a price table (R20, R21), rounded up to started
 * minutes (`billedMinutes`). Throws a `RangeError` for a country without
 * prices in the table or a negative duration.
 *
 * @example
 * estimateCallCost(examplePriceTable, {
 *   country: 'BR', channel: 'line', direction: 'inbound', durationMs: 95_000,
 * }); // { amount: 30, currency: 'BRL', billedMinutes: 2, parts: [{ rule: 'duration', ... }], ... }
 */
export function estimateCallCost(table: PriceTable, query: CallCostQuery): CallCost {
  const prices = Object.hasOwn(table.countries, query.country)
    ? table.countries[query.country]
    : undefined;
  if (!prices) {
    throw new RangeError(`The price table "${table.label}" has no prices for ${query.country}.`);
  }
  const minutes = billedMinutes(query.durationMs);
  const soFar = Math.max(0, Math.floor(query.monthlyMinutesSoFar ?? 0));
  const pricing = prices[query.channel][query.direction];
  const parts: CostPart[] =
    pricing.model === 'free'
      ? [{ rule: 'free', minutes }]
      : pricing.model === 'duration'
        ? [byDuration(pricing, minutes)]
        : byVolume(pricing, minutes, soFar);
  return {
    amount: parts.reduce((sum, part) => sum + (part.rule === 'free' ? 0 : part.amount), 0),
    currency: prices.currency,
    billedMinutes: minutes,
    parts,
    example: table.example,
    tableLabel: table.label,
  };
}
