import { describe, expect, it } from 'vitest';
import { billedMinutes, estimateCallCost, type CallCostQuery } from './estimate.ts';
import { examplePriceTable, priceTableSchema, type PriceTable } from './priceTable.ts';

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
      parts: [{ rule: 'volume', minutes: 3, perMinute: 30, fromMinutes: 0, untilMinutes: 1000 }],
    });
  });

  it('R21: the rate falls once the month’s volume passes a tier', () => {
    const later = cost({
      channel: 'whatsapp',
      direction: 'outbound',
      durationMs: seconds(150),
      monthlyMinutesSoFar: 5000,
    });
    expect(later.amount).toBe(60);
    expect(later.parts).toEqual([
      {
        rule: 'volume',
        minutes: 3,
        perMinute: 20,
        amount: 60,
        fromMinutes: 1000,
        untilMinutes: null,
      },
    ]);
  });

  it('R21: a call that crosses a volume threshold is charged at both rates', () => {
    const crossing = cost({
      channel: 'whatsapp',
      direction: 'outbound',
      durationMs: seconds(240),
      monthlyMinutesSoFar: 999,
    });
    expect(crossing.parts.map((p) => [p.minutes, p.rule === 'free' ? 0 : p.perMinute])).toEqual([
      [1, 30],
      [3, 20],
    ]);
    expect(crossing.amount).toBe(90);
  });
});

describe('price tables', () => {
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
      'countries.BR.line.outbound.tiers.0.fromMinutes',
      'defaultCountry',
    ]);
  });
});
