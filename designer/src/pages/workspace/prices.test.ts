import { describe, expect, it } from 'vitest';
import { examplePriceTable } from '@callbot/shared';
import { i18n } from '../../i18n/index.ts';
import { readPriceTable, tiersInWords } from './prices.ts';

const t = i18n.getFixedT('en');
const br = examplePriceTable.countries.BR!;

describe('tiersInWords', () => {
  it('R20: line calls in two tiers, up to 2 minutes and above', () => {
    expect(tiersInWords(br.line.inbound, t, 'en').map((tier) => tier.words)).toEqual([
      'Calls up to 2 min',
      'Calls over 2 min',
    ]);
  });

  it('R21: WhatsApp calls free when the customer calls, by monthly volume when the business calls', () => {
    expect(tiersInWords(br.whatsapp.inbound, t, 'en')).toEqual([
      { words: 'Free: WhatsApp calls the customer starts cost nothing extra', perMinute: null },
    ]);
    expect(tiersInWords(br.whatsapp.outbound, t, 'en').map((tier) => tier.words)).toEqual([
      'Calls 1 to 1,000 of the month',
      'Calls 1,001 to 10,000 of the month',
      'Calls of the month from 10,001',
    ]);
  });
});

describe('readPriceTable', () => {
  it('accepts a valid table', () => {
    expect(readPriceTable(JSON.stringify(examplePriceTable))).toEqual({
      ok: true,
      table: examplePriceTable,
    });
  });

  it('refuses a table with a bad tier, naming the field and why', () => {
    const broken = structuredClone(examplePriceTable);
    broken.countries.BR!.line.inbound = {
      model: 'duration',
      tiers: [{ upToMinutes: 2, perMinute: 30 }],
    };
    expect(readPriceTable(JSON.stringify(broken))).toEqual({
      ok: false,
      problems: [
        {
          path: 'countries.BR.line.inbound.tiers[0].upToMinutes',
          message: 'the last tier has no upper limit (null)',
          code: 'lastTierUnlimited',
        },
      ],
    });
  });

  it('refuses text that is not JSON', () => {
    const read = readPriceTable('nope');
    expect(read.ok).toBe(false);
  });
});
