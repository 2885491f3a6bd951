import { localTimeAt } from '../schedules/time.ts';
import type {
  BillingChannel,
  CallDirection,
  DurationPricing,
  PriceTable,
  VolumePricing,
  VolumeUnit,
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
  /**
   * The month's volume so far at the same prices (same country, channel and
   * direction), before this call: calls and billed minutes; none when unknown.
   */
  monthToDate?: MonthToDate;
}

/** A month's volume of calls so far: how many, and their billed minutes. */
export interface MonthToDate {
  calls: number;
  minutes: number;
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
      /** What the month's volume is counted in. */
      unit: VolumeUnit;
      /** The tier holds the month's calls (or minutes) from `from` up to `until` (`null`: no limit). */
      from: number;
      until: number | null;
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

function byVolume(pricing: VolumePricing, minutes: number, soFar: MonthToDate): CostPart[] {
  const part = (i: number, used: number): CostPart => ({
    rule: 'volume',
    minutes: used,
    perMinute: pricing.tiers[i]!.perMinute,
    amount: used * pricing.tiers[i]!.perMinute,
    unit: pricing.unit,
    from: pricing.tiers[i]!.from,
    until: pricing.tiers[i + 1]?.from ?? null,
  });
  if (pricing.unit === 'calls') {
    // The whole call at the rate of the tier the month's calls are in with it counted.
    const ordinal = soFar.calls;
    const i = pricing.tiers.findLastIndex((tier) => tier.from <= ordinal);
    return [part(Math.max(0, i), minutes)];
  }
  const start = soFar.minutes;
  const end = start + minutes;
  return pricing.tiers.flatMap((tier, i): CostPart[] => {
    const until = pricing.tiers[i + 1]?.from ?? null;
    const used = Math.min(end, until ?? Infinity) - Math.max(start, tier.from);
    return used > 0 ? [part(i, used)] : [];
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
  const whole = (n: number | undefined) => Math.max(0, Math.floor(n ?? 0));
  const soFar = {
    calls: whole(query.monthToDate?.calls),
    minutes: whole(query.monthToDate?.minutes),
  };
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

/** A call as the month-to-date volume counts it. */
export interface UsageRecord {
  /** When the call started (epoch ms). */
  at: number;
  /** How long it lasted; 0 for an attempt nobody answered. */
  durationMs: number;
}

/**
 * The month's volume so far (R21): the calls of `records` in the calendar
 * month of `now` in the workspace's `timeZone`, up to `now`, and their
 * billed minutes. The caller picks the records of one country, channel and
 * direction (the prices they share).
 */
export function monthToDate(
  records: Iterable<UsageRecord>,
  now: number,
  timeZone: string,
): MonthToDate {
  const month = localTimeAt(now, timeZone).date.slice(0, 7);
  let calls = 0;
  let minutes = 0;
  for (const r of records) {
    if (r.at > now || localTimeAt(r.at, timeZone).date.slice(0, 7) !== month) continue;
    calls += 1;
    minutes += billedMinutes(Math.max(0, r.durationMs));
  }
  return { calls, minutes };
}
