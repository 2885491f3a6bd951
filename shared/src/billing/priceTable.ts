import { z } from 'zod';
import { fieldMessages } from '../workspace/fieldMessages.ts';

/** The channels a call comes by (as in the call protocol's `call.started`). */
export const billingChannels = ['line', 'whatsapp', 'sip'] as const;
export type BillingChannel = (typeof billingChannels)[number];

/** Who started the call: the customer (`inbound`) or the business (`outbound`). */
export const callDirections = ['inbound', 'outbound'] as const;
export type CallDirection = (typeof callDirections)[number];

/**
 * A price per minute in hundredths of the country's currency (cents,
 * centavos): whole numbers, so sums never drift.
 */
const perMinute = z.int().min(0).max(100_000_000);
const minutes = z.int().positive().max(100_000_000);

/** Calls that cost nothing extra (R21: WhatsApp calls the customer starts). */
export const freePricingSchema = z.strictObject({ model: z.literal('free') });

/**
 * Priced by the call's own duration (R20): the whole call is charged at the
 * rate of the first tier whose `upToMinutes` its billed minutes do not
 * exceed; the last tier has `upToMinutes: null` (no upper limit).
 */
export const durationPricingSchema = z
  .strictObject({
    model: z.literal('duration'),
    tiers: z
      .array(z.strictObject({ upToMinutes: minutes.nullable(), perMinute }))
      .min(1)
      .max(20),
  })
  .superRefine(({ tiers }, ctx) => {
    tiers.forEach((tier, i) => {
      const last = i === tiers.length - 1;
      const previous = tiers[i - 1]?.upToMinutes ?? 0;
      if (last && tier.upToMinutes !== null) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'upToMinutes'],
          message: fieldMessages.lastTierUnlimited,
        });
      } else if (!last && (tier.upToMinutes === null || tier.upToMinutes <= previous)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'upToMinutes'],
          message: fieldMessages.tiersGoUp,
        });
      }
    });
  });

/** What the month's volume of a volume pricing is counted in. */
export const volumeUnits = ['calls', 'minutes'] as const;
export type VolumeUnit = (typeof volumeUnits)[number];

const volumeTiers = z
  .array(z.strictObject({ from: z.int().min(0).max(100_000_000), perMinute }))
  .min(1)
  .max(20);

/**
 * Priced by the month's volume (R21: WhatsApp calls the business starts).
 * As the FAQ counts it, by the NUMBER OF CALLS (`unit: 'calls'`): the whole
 * call is charged at the rate of the tier the month's calls before it are
 * in (with tiers from 0 and from 1,000, the 1,001st call of the month gets
 * the second rate). With `unit: 'minutes'` (an option of the
 * table), each billed minute is charged at the rate of the tier the month's
 * running total of minutes is in, so a call that crosses a threshold is
 * charged at both rates. The first tier starts at 0.
 *
 * Tables written before `unit` existed (`fromMinutes` tiers) read as minutes
 * (see `legacyVolume`).
 */
export const volumePricingSchema = z
  .strictObject({
    model: z.literal('volume'),
    unit: z.enum(volumeUnits, fieldMessages.volumeUnit),
    tiers: volumeTiers,
  })
  .superRefine(({ tiers }, ctx) => {
    tiers.forEach((tier, i) => {
      const previous = tiers[i - 1];
      const wrong = previous ? tier.from <= previous.from : tier.from !== 0;
      if (wrong) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'from'],
          message: fieldMessages.volumeTiersStart,
        });
      }
    });
  });

/** A volume pricing written before `unit` existed (`fromMinutes` tiers) as the minutes it meant. */
function legacyVolume(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const v = value as { model?: unknown; unit?: unknown; tiers?: unknown };
  if (v.model !== 'volume' || v.unit !== undefined || !Array.isArray(v.tiers)) return value;
  const tiers: unknown[] = v.tiers;
  return {
    ...v,
    unit: 'minutes',
    tiers: tiers.map((tier) => {
      if (typeof tier !== 'object' || tier === null || !('fromMinutes' in tier)) return tier;
      const { fromMinutes, ...rest } = tier;
      return { ...rest, from: fromMinutes };
    }),
  };
}

export const pricingSchema = z.preprocess(
  legacyVolume,
  z.discriminatedUnion('model', [freePricingSchema, durationPricingSchema, volumePricingSchema]),
);
export type Pricing = z.infer<typeof pricingSchema>;
export type DurationPricing = z.infer<typeof durationPricingSchema>;
export type VolumePricing = z.infer<typeof volumePricingSchema>;

/** How one channel's calls are priced, by who starts them. */
export const channelPricesSchema = z.strictObject({
  inbound: pricingSchema,
  outbound: pricingSchema,
});

/** A country's prices: every channel, in the country's currency. */
export const countryPricesSchema = z.strictObject({
  /** ISO 4217, e.g. `BRL`; amounts are in its hundredths. */
  currency: z.string().regex(/^[A-Z]{3}$/, fieldMessages.currencyCode),
  line: channelPricesSchema,
  whatsapp: channelPricesSchema,
  sip: channelPricesSchema,
});
export type CountryPrices = z.infer<typeof countryPricesSchema>;

const countryCode = z.string().regex(/^[A-Z]{2}$/, fieldMessages.priceCountryCode);

/**
 * What calls cost, per country and channel (R20, R21). Tables are data: the
 * product ships `examplePriceTable`; a workspace can have its own.
 */
export const priceTableSchema = z
  .strictObject({
    /** What the UI calls the table. */
    label: z.string().trim().min(1).max(120),
    /** True for figures that only illustrate: the UI says "Example figures". */
    example: z.boolean(),
    /** The country used when a call's country is not known. */
    defaultCountry: countryCode,
    countries: z.record(countryCode, countryPricesSchema),
  })
  .refine((table) => table.defaultCountry in table.countries, {
    path: ['defaultCountry'],
    message: fieldMessages.defaultCountryPriced,
  });
export type PriceTable = z.infer<typeof priceTableSchema>;

/** Line and SIP calls: one rate up to 2 minutes, another above (R20), for either direction. */
const byDuration = (upTo2: number, above: number): DurationPricing => ({
  model: 'duration',
  tiers: [
    { upToMinutes: 2, perMinute: upTo2 },
    { upToMinutes: null, perMinute: above },
  ],
});

/**
 * WhatsApp: free when the customer calls, per minute by the month's number
 * of calls when the business calls (R21: the more calls, the lower the rate).
 */
const whatsapp = (rates: [number, number, number]) => ({
  inbound: { model: 'free' as const },
  outbound: {
    model: 'volume' as const,
    unit: 'calls' as const,
    tiers: [
      { from: 0, perMinute: rates[0] },
      { from: 1_000, perMinute: rates[1] },
      { from: 10_000, perMinute: rates[2] },
    ],
  },
});

const both = (pricing: Pricing) => ({ inbound: pricing, outbound: pricing });

/**
 * The countries the product sells numbers in (the provider's list): the
 * example table has figures for every one of them.
 */
export const SOLD_COUNTRIES = ['BR', 'MX', 'US', 'AR', 'CO', 'ES'] as const;

/**
 * Example figures, not real prices: they show how R20 and R21 shape a bill
 * until a workspace sets its own table. The UI labels them as examples.
 */
export const examplePriceTable: PriceTable = priceTableSchema.parse({
  label: 'Example figures',
  example: true,
  defaultCountry: 'BR',
  countries: {
    BR: {
      currency: 'BRL',
      line: both(byDuration(15, 12)),
      whatsapp: whatsapp([30, 25, 20]),
      sip: both(byDuration(8, 6)),
    },
    MX: {
      currency: 'MXN',
      line: both(byDuration(60, 45)),
      whatsapp: whatsapp([110, 90, 75]),
      sip: both(byDuration(30, 24)),
    },
    US: {
      currency: 'USD',
      line: both(byDuration(3, 3)),
      whatsapp: whatsapp([6, 5, 4]),
      sip: both(byDuration(2, 2)),
    },
    AR: {
      currency: 'ARS',
      line: both(byDuration(1_500, 1_200)),
      whatsapp: whatsapp([2_800, 2_300, 1_900]),
      sip: both(byDuration(800, 650)),
    },
    CO: {
      currency: 'COP',
      line: both(byDuration(9_000, 7_500)),
      whatsapp: whatsapp([16_000, 13_000, 11_000]),
      sip: both(byDuration(5_000, 4_000)),
    },
    ES: {
      currency: 'EUR',
      line: both(byDuration(3, 3)),
      whatsapp: whatsapp([5, 4, 3]),
      sip: both(byDuration(2, 2)),
    },
  },
});

/** A table's figures that look wrong, for the one who imports it: which country, channel and direction. */
export interface PriceTableWarning {
  code: 'longerCallCheaper';
  country: string;
  channel: BillingChannel;
  direction: CallDirection;
  /** The longer call that costs less than a call of `minutes` minutes: `minutes + 1`. */
  minutes: number;
  message: string;
}

/**
 * R20's tables charge the whole call at its tier's rate, so a rate over
 * 2 minutes low enough makes a 121 s call cheaper than a 120 s one. Each
 * duration tier boundary where one more minute costs less is flagged.
 */
export function priceTableWarnings(table: PriceTable): PriceTableWarning[] {
  return Object.entries(table.countries).flatMap(([country, prices]) =>
    billingChannels.flatMap((channel) =>
      callDirections.flatMap((direction): PriceTableWarning[] => {
        const pricing = prices[channel][direction];
        if (pricing.model !== 'duration') return [];
        return pricing.tiers.flatMap((tier, i) => {
          const next = pricing.tiers[i + 1];
          const u = tier.upToMinutes;
          if (next === undefined || u === null) return [];
          if ((u + 1) * next.perMinute >= u * tier.perMinute) return [];
          return [
            {
              code: 'longerCallCheaper',
              country,
              channel,
              direction,
              minutes: u,
              message: `${country} ${channel} ${direction}: a call of ${u + 1} minutes costs less than one of ${u} minutes (${(u + 1) * next.perMinute} against ${u * tier.perMinute}); check the rate over ${u} minutes.`,
            },
          ];
        });
      }),
    ),
  );
}
