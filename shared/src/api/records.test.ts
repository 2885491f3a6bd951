import { describe, expect, it } from 'vitest';
import { ifMatch, parseIfMatch, pricesRequestSchema } from './records.ts';
import { examplePriceTable } from '../billing/priceTable.ts';

describe('If-Match revisions', () => {
  it('reads what ifMatch writes, quoted or not, and says what is wrong otherwise', () => {
    expect(parseIfMatch(ifMatch(3))).toBe(3);
    expect(parseIfMatch('0')).toBe(0);
    expect(parseIfMatch(' W/"12" ')).toBe(12);
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('*')).toBe('If-Match: expected a revision number, e.g. "3"');
    expect(parseIfMatch('"-1"')).toBe('If-Match: expected a revision number, e.g. "3"');
    expect(parseIfMatch('"1", "2"')).toBe('If-Match: expected a revision number, e.g. "3"');
  });
});

describe('the prices request', () => {
  it('takes a price table or null, and refuses anything else, naming the field', () => {
    expect(pricesRequestSchema.safeParse({ priceTable: null }).success).toBe(true);
    expect(pricesRequestSchema.safeParse({ priceTable: examplePriceTable }).success).toBe(true);
    const extra = pricesRequestSchema.safeParse({ priceTable: null, currency: 'BRL' });
    expect(extra.success).toBe(false);
    expect(JSON.stringify(extra.error?.issues)).toContain('currency');
  });
});
