import { z } from 'zod';

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
          message: 'the last tier has no upper limit (null)',
        });
      } else if (!last && (tier.upToMinutes === null || tier.upToMinutes <= previous)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'upToMinutes'],
          message: 'tiers go up: each limit is above the one before, only the last one is null',
        });
      }
    });
  });

/**
 * Priced by the month's volume (R21: WhatsApp calls the business starts):
 * each billed minute is charged at the rate of the tier the month's running
 * total of minutes is in when that minute is used, so a call that crosses a
 * threshold is charged at both rates. The first tier starts at minute 0.
 */
export const volumePricingSchema = z
  .strictObject({
    model: z.literal('volume'),
    tiers: z
      .array(z.strictObject({ fromMinutes: z.int().min(0).max(100_000_000), perMinute }))
      .min(1)
      .max(20),
  })
  .superRefine(({ tiers }, ctx) => {
    tiers.forEach((tier, i) => {
      const previous = tiers[i - 1];
      const wrong = previous ? tier.fromMinutes <= previous.fromMinutes : tier.fromMinutes !== 0;
      if (wrong) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'fromMinutes'],
          message: 'the first tier starts at 0 and each next one starts higher',
        });
      }
    });
  });

export const pricingSchema = z.discriminatedUnion('model', [
  freePricingSchema,
  durationPricingSchema,
  volumePricingSchema,
]);
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
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as BRL'),
  line: channelPricesSchema,
  whatsapp: channelPricesSchema,
  sip: channelPricesSchema,
});
export type CountryPrices = z.infer<typeof countryPricesSchema>;

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code such as BR');

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
    message: 'the default country needs prices in the table',
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

/** WhatsApp: free when the customer calls, per minute by monthly volume when the business calls (R21). */
const whatsapp = (rates: [number, number, number]) => ({
  inbound: { model: 'free' as const },
  outbound: {
    model: 'volume' as const,
    tiers: [
      { fromMinutes: 0, perMinute: rates[0] },
      { fromMinutes: 10_000, perMinute: rates[1] },
      { fromMinutes: 100_000, perMinute: rates[2] },
    ],
  },
});

const both = (pricing: Pricing) => ({ inbound: pricing, outbound: pricing });

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
      line: both(byDuration(15, 10)),
      whatsapp: whatsapp([30, 25, 20]),
      sip: both(byDuration(8, 5)),
    },
    MX: {
      currency: 'MXN',
      line: both(byDuration(60, 45)),
      whatsapp: whatsapp([110, 90, 75]),
      sip: both(byDuration(30, 20)),
    },
    US: {
      currency: 'USD',
      line: both(byDuration(3, 2)),
      whatsapp: whatsapp([6, 5, 4]),
      sip: both(byDuration(2, 1)),
    },
  },
});
