import { describe, expect, it } from 'vitest';
import { pricingCountry } from './country.ts';
import { examplePriceTable, priceTableSchema } from './priceTable.ts';

const BR_LINE = '+551130001000';
const MX_MOBILE = '+525512345678';
const US_NUMBER = '+12025550123';

describe('pricingCountry', () => {
  it("prices an inbound call by the caller's number, not the line's or the table's default", () => {
    expect(
      pricingCountry(examplePriceTable, { direction: 'inbound', from: MX_MOBILE, to: BR_LINE }),
    ).toBe('MX');
  });

  it('prices an outbound call by the number called', () => {
    expect(
      pricingCountry(examplePriceTable, { direction: 'outbound', from: BR_LINE, to: US_NUMBER }),
    ).toBe('US');
  });

  it('reads WhatsApp and SIP forms of a number', () => {
    expect(
      pricingCountry(examplePriceTable, {
        direction: 'inbound',
        from: `whatsapp:${MX_MOBILE}`,
        to: `whatsapp:${BR_LINE}`,
      }),
    ).toBe('MX');
    expect(
      pricingCountry(examplePriceTable, {
        direction: 'outbound',
        from: BR_LINE,
        to: `sip:${US_NUMBER}@pbx.example.com`,
      }),
    ).toBe('US');
  });

  it("falls back to the workspace's country, then to the table's default, when the number does not read", () => {
    const call = { direction: 'inbound' as const, from: 'anonymous', to: BR_LINE };
    expect(pricingCountry(examplePriceTable, call, 'ES')).toBe('ES');
    expect(pricingCountry(examplePriceTable, call)).toBe('BR');
    // A workspace country the table has no prices for is not used.
    const onlyMx = priceTableSchema.parse({
      ...examplePriceTable,
      defaultCountry: 'MX',
      countries: { MX: examplePriceTable.countries.MX },
    });
    expect(pricingCountry(onlyMx, call, 'ES')).toBe('MX');
  });

  it('keeps the country of a number the table does not price (no price rather than another country’s)', () => {
    expect(
      pricingCountry(
        examplePriceTable,
        { direction: 'inbound', from: '+4930901820', to: BR_LINE },
        'BR',
      ),
    ).toBe('DE');
  });
});
