import { describe, expect, it } from 'vitest';
import { e164Schema } from './fields.ts';

const problem = (value: unknown) => {
  const r = e164Schema.safeParse(value);
  return r.success ? null : r.error.issues.map((i) => i.message).join('; ');
};

describe('e164Schema', () => {
  it.each([
    ['+551130000000', 'a São Paulo fixed line'],
    ['+5511912345678', 'a São Paulo mobile'],
    ['+558001234567', 'a Brazilian toll-free number'],
    ['+14158675309', 'a US number'],
    ['+447911123456', 'a UK mobile'],
    ['+4915112345678', 'a German mobile'],
    ['+15551234567', 'a US number in the 555 range: the country and the length are right'],
  ])('accepts %s (%s)', (number) => {
    expect(e164Schema.parse(number)).toBe(number);
  });

  it.each([
    ['011 3000-0000', /^expected a phone number in international format: \+ then the country code/],
    ['+55 11 3000 0000', /^expected a phone number in international format/],
    ['5511300000000', /^expected a phone number in international format/],
    ['', /^expected a phone number in international format/],
    ['+', /^expected a phone number in international format/],
    ['+55113000000000000', /^\+5511300… has 17 digits: a phone number has at most 15$/],
    ['+99912345678', /^\+99912345678 does not start with a country calling code$/],
    ['+5511300', /^\+5511300 is too short for a phone number of its country$/],
    ['+551130000000000', /^\+551130000000000 is too long for a phone number of its country$/],
    ['+4402071234567', /^\+4402071234567 is not in E\.164: write it as \+442071234567$/],
  ])('refuses %j, saying why', (value, why) => {
    expect(problem(value)).toMatch(why);
  });

  it('refuses what is not a string', () => {
    expect(problem(5511300000000)).toMatch(/expected string/);
    expect(problem(null)).toMatch(/expected string/);
  });

  it('refuses a very long input quickly, without echoing it whole', () => {
    const message = problem(`+${'9'.repeat(100_000)}`);
    expect(message).toMatch(/has 100000 digits: a phone number has at most 15$/);
    expect(message!.length).toBeLessThan(80);
  });
});
