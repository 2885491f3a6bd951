import { describe, expect, it } from 'vitest';
import { billedMinutes, estimateCallCost, monthToDate, type CallCostQuery } from './estimate.ts';
import {
  examplePriceTable,
  priceTableSchema,
  priceTableWarnings,
  SOLD_COUNTRIES,
  type PriceTable,
} from './priceTable.ts';

const table: PriceTable = priceTableSchema.parse({
  label: 'Test prices',
  example: false,
  defaultCountry: 'BR',
  countries: {
    BR: {
      currency: 'BRL',
      line: {
        inbound: {
          model: 'duration',
          tiers: [
            { upToMinutes: 2, perMinute: 20 },
            { upToMinutes: null, perMinute: 12 },
          ],
        },
        outbound: {
          model: 'duration',
          tiers: [
            { upToMinutes: 2, perMinute: 25 },
            { upToMinutes: null, perMinute: 15 },
          ],
        },
      },
      whatsapp: {
        inbound: { model: 'free' },
        outbound: {
          model: 'volume',
          tiers: [
            { fromMinutes: 0, perMinute: 30 },
            { fromMinutes: 1000, perMinute: 20 },
          ],
        },
      },
      sip: {
        inbound: { model: 'duration', tiers: [{ upToMinutes: null, perMinute: 4 }] },
        outbound: { model: 'duration', tiers: [{ upToMinutes: null, perMinute: 6 }] },
      },
    },
  },
});

const cost = (query: Partial<CallCostQuery>) =>
  estimateCallCost(table, {
    country: 'BR',
    channel: 'line',
    direction: 'inbound',
    durationMs: 0,
    ...query,
  });

const seconds = (s: number) => s * 1000;

describe('billed minutes: every started minute counts', () => {
  it('rounds a partial minute up, and a call of no time to none', () => {
    expect(billedMinutes(0)).toBe(0);
    expect(billedMinutes(1)).toBe(1);
    expect(billedMinutes(seconds(60))).toBe(1);
    expect(billedMinutes(seconds(60) + 1)).toBe(2);
    expect(billedMinutes(seconds(120))).toBe(2);
    expect(billedMinutes(seconds(121))).toBe(3);
  });

  it('refuses a negative or unknown duration', () => {
    expect(() => billedMinutes(-1)).toThrow(RangeError);
    expect(() => billedMinutes(Number.NaN)).toThrow(RangeError);
  });
});

describe('line and SIP calls', () => {
  it('R20: a line call of up to 2 minutes is charged at the first price, all of it', () => {
    expect(cost({ durationMs: seconds(95) })).toMatchObject({
      amount: 40,
      currency: 'BRL',
      billedMinutes: 2,
      parts: [
        { rule: 'duration', minutes: 2, perMinute: 20, overMinutes: 0, upToMinutes: 2, amount: 40 },
      ],
    });
    expect(cost({ durationMs: seconds(120) }).amount).toBe(40);
  });

  it('R20: a line call over 2 minutes is charged at the other price, all of it', () => {
    expect(cost({ durationMs: seconds(121) })).toMatchObject({
      amount: 36,
      billedMinutes: 3,
      parts: [
        {
          rule: 'duration',
          minutes: 3,
          perMinute: 12,
          overMinutes: 2,
          upToMinutes: null,
          amount: 36,
        },
      ],
    });
  });

  it('R20: the table can price the business’s line calls apart from the customer’s', () => {
    expect(cost({ direction: 'outbound', durationMs: seconds(30) }).amount).toBe(25);
    expect(cost({ direction: 'outbound', durationMs: seconds(180) }).amount).toBe(45);
  });

  it('SIP calls have their own entry in the table', () => {
    expect(cost({ channel: 'sip', durationMs: seconds(600) }).amount).toBe(40);
    expect(cost({ channel: 'sip', direction: 'outbound', durationMs: seconds(600) }).amount).toBe(
      60,
    );
  });
});

describe('WhatsApp calls', () => {
  it('R21: a WhatsApp call the customer starts costs nothing, however long', () => {
    expect(cost({ channel: 'whatsapp', durationMs: seconds(3600) })).toMatchObject({
      amount: 0,
      billedMinutes: 60,
      parts: [{ rule: 'free', minutes: 60 }],
    });
  });

  it('R21: a WhatsApp call the business starts is charged per minute', () => {
    expect(
      cost({ channel: 'whatsapp', direction: 'outbound', durationMs: seconds(150) }),
    ).toMatchObject({
      amount: 90,
      parts: [{ rule: 'volume', minutes: 3, perMinute: 30, unit: 'minutes', from: 0, until: 1000 }],
    });
  });

  it('R21: the rate falls once the month’s volume passes a tier', () => {
    const later = cost({
      channel: 'whatsapp',
      direction: 'outbound',
      durationMs: seconds(150),
      monthToDate: { calls: 0, minutes: 5000 },
    });
    expect(later.amount).toBe(60);
    expect(later.parts).toEqual([
      {
        rule: 'volume',
        minutes: 3,
        perMinute: 20,
        amount: 60,
        unit: 'minutes',
        from: 1000,
        until: null,
      },
    ]);
  });

  it('R21: a call that crosses a volume threshold is charged at both rates', () => {
    const crossing = cost({
      channel: 'whatsapp',
      direction: 'outbound',
      durationMs: seconds(240),
      monthToDate: { calls: 0, minutes: 999 },
    });
    expect(crossing.parts.map((p) => [p.minutes, p.rule === 'free' ? 0 : p.perMinute])).toEqual([
      [1, 30],
      [3, 20],
    ]);
    expect(crossing.amount).toBe(90);
  });
});

describe('volume by number of calls (R21, as the FAQ counts it)', () => {
  const byCalls = priceTableSchema.parse({
    ...table,
    countries: {
      BR: {
        ...table.countries.BR,
        whatsapp: {
          inbound: { model: 'free' },
          outbound: {
            model: 'volume',
            unit: 'calls',
            tiers: [
              { from: 0, perMinute: 30 },
              { from: 1000, perMinute: 20 },
            ],
          },
        },
      },
    },
  });
  const call = (monthToDate: { calls: number; minutes: number }) =>
    estimateCallCost(byCalls, {
      country: 'BR',
      channel: 'whatsapp',
      direction: 'outbound',
      durationMs: seconds(150),
      monthToDate,
    });

  it('R21: tiers count the month’s calls: the 1,001st call of the month is charged at the lower rate, whole', () => {
    expect(call({ calls: 999, minutes: 999_999 })).toMatchObject({
      amount: 90,
      parts: [{ rule: 'volume', unit: 'calls', minutes: 3, perMinute: 30, from: 0, until: 1000 }],
    });
    expect(call({ calls: 1000, minutes: 0 })).toMatchObject({
      amount: 60,
      parts: [
        { rule: 'volume', unit: 'calls', minutes: 3, perMinute: 20, from: 1000, until: null },
      ],
    });
  });

  it('R21: a table written with minute tiers (fromMinutes) still reads, as minutes', () => {
    const legacy = priceTableSchema.parse(table).countries.BR!.whatsapp.outbound;
    expect(legacy).toMatchObject({
      model: 'volume',
      unit: 'minutes',
      tiers: [{ from: 0 }, { from: 1000 }],
    });
  });
});

describe('price tables', () => {
  it('R21: the example table has prices for every country sold, labelled as examples, tiers by calls', () => {
    expect(examplePriceTable.example).toBe(true);
    expect(Object.keys(examplePriceTable.countries).sort()).toEqual([...SOLD_COUNTRIES].sort());
    for (const prices of Object.values(examplePriceTable.countries)) {
      expect(prices.whatsapp.outbound).toMatchObject({ model: 'volume', unit: 'calls' });
    }
    expect(priceTableWarnings(examplePriceTable)).toEqual([]);
  });

  it('R20: a table where the rate over 2 minutes makes a 121 s call cheaper than a 120 s one is flagged, naming country and channel', () => {
    const cheapLong = priceTableSchema.parse({
      ...table,
      countries: {
        BR: {
          ...table.countries.BR,
          line: {
            inbound: {
              model: 'duration',
              tiers: [
                { upToMinutes: 2, perMinute: 15 },
                { upToMinutes: null, perMinute: 8 },
              ],
            },
            outbound: table.countries.BR!.line.outbound,
          },
        },
      },
    });
    const at = (ms: number) =>
      estimateCallCost(cheapLong, {
        country: 'BR',
        channel: 'line',
        direction: 'inbound',
        durationMs: ms,
      }).amount;
    expect(at(seconds(121))).toBeLessThan(at(seconds(120)));
    // 15 → 8 per minute on inbound line calls, and the test table's 25 → 15 on outbound ones (50 > 45).
    const warnings = priceTableWarnings(cheapLong);
    expect(warnings.map((w) => [w.code, w.country, w.channel, w.direction, w.minutes])).toEqual([
      ['longerCallCheaper', 'BR', 'line', 'inbound', 2],
      ['longerCallCheaper', 'BR', 'line', 'outbound', 2],
    ]);
    expect(warnings[0]!.message).toContain('BR line inbound');
  });

  it('ships example figures, labelled as such, with every channel for its default country', () => {
    expect(examplePriceTable.example).toBe(true);
    expect(examplePriceTable.label).toMatch(/example/i);
    const br = estimateCallCost(examplePriceTable, {
      country: examplePriceTable.defaultCountry,
      channel: 'line',
      direction: 'inbound',
      durationMs: seconds(61),
    });
    expect(br).toMatchObject({ example: true, currency: 'BRL', billedMinutes: 2 });
    expect(br.amount).toBeGreaterThan(0);
  });

  it('R20 and R21 hold in every country of the example table', () => {
    for (const country of Object.keys(examplePriceTable.countries)) {
      const at = (query: Pick<CallCostQuery, 'channel' | 'direction' | 'durationMs'>) =>
        estimateCallCost(examplePriceTable, { country, ...query });
      const shortRate = at({ channel: 'line', direction: 'inbound', durationMs: seconds(120) });
      const longRate = at({ channel: 'line', direction: 'inbound', durationMs: seconds(121) });
      expect(shortRate.parts[0]).toMatchObject({ upToMinutes: 2 });
      expect(longRate.parts[0]).toMatchObject({ overMinutes: 2, upToMinutes: null });
      expect(
        at({ channel: 'whatsapp', direction: 'inbound', durationMs: seconds(300) }).amount,
      ).toBe(0);
      expect(
        at({ channel: 'whatsapp', direction: 'outbound', durationMs: seconds(300) }).amount,
      ).toBeGreaterThan(0);
    }
  });

  it('says which country has no prices, rather than guessing', () => {
    expect(() => cost({ country: 'AR' })).toThrow(/no prices for AR/);
    expect(() => cost({ country: 'constructor' })).toThrow(RangeError);
  });

  it('refuses tiers that do not go up, and a default country without prices', () => {
    const broken = {
      ...table,
      defaultCountry: 'AR',
      countries: {
        BR: {
          ...table.countries.BR,
          line: {
            inbound: {
              model: 'duration',
              tiers: [
                { upToMinutes: 2, perMinute: 1 },
                { upToMinutes: 2, perMinute: 1 },
              ],
            },
            outbound: { model: 'volume', tiers: [{ fromMinutes: 5, perMinute: 1 }] },
          },
        },
      },
    };
    const result = priceTableSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'countries.BR.line.inbound.tiers.1.upToMinutes',
      'countries.BR.line.outbound.tiers.0.from',
      'defaultCountry',
    ]);
  });
});

describe('monthToDate', () => {
  it('R21: counts the calls of the calendar month in the workspace’s time zone, with their billed minutes', () => {
    const records = [
      // 31 Oct 22:30 in Mexico City: still October there, already November in UTC.
      { at: Date.parse('2026-10-31T22:30:00-06:00'), durationMs: 60_000 },
      { at: Date.parse('2026-11-02T10:00:00-06:00'), durationMs: 121_000 },
      { at: Date.parse('2026-11-20T10:00:00-06:00'), durationMs: 0 },
      // After "now": not counted yet.
      { at: Date.parse('2026-11-25T10:00:00-06:00'), durationMs: 60_000 },
    ];
    const now = Date.parse('2026-11-21T12:00:00-06:00');
    expect(monthToDate(records, now, 'America/Mexico_City')).toEqual({ calls: 2, minutes: 3 });
    expect(monthToDate(records, now, 'UTC')).toEqual({ calls: 3, minutes: 4 });
  });
});
