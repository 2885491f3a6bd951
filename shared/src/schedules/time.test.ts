import { describe, it, expect } from 'vitest';
import { isValidTimeZone, localTimeAt, parseClockTime } from './time.ts';

const at = (iso: string): number => Date.parse(iso);

describe('isValidTimeZone', () => {
  it.each(['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'UTC', 'Asia/Kolkata'])(
    'accepts %s',
    (tz) => {
      expect(isValidTimeZone(tz)).toBe(true);
    },
  );

  it.each(['', 'Mars/Olympus', 'not a zone', '%%%', ' UTC', '+03:00', '-0300'])(
    'rejects %j',
    (tz) => {
      expect(isValidTimeZone(tz)).toBe(false);
    },
  );

  it('gives the same answer when asked again (cached)', () => {
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isValidTimeZone('Europe/Lisbon')).toBe(true);
    expect(isValidTimeZone('Europe/Lisbon')).toBe(true);
  });
});

describe('localTimeAt', () => {
  it('reads wall time in São Paulo (UTC-3)', () => {
    expect(localTimeAt(at('2026-06-01T12:00:00Z'), 'America/Sao_Paulo')).toEqual({
      date: '2026-06-01',
      day: 'mon',
      minutes: 9 * 60,
    });
  });

  it('reads local midnight as minute 0 of the new day', () => {
    expect(localTimeAt(at('2026-06-02T03:00:00Z'), 'America/Sao_Paulo')).toEqual({
      date: '2026-06-02',
      day: 'tue',
      minutes: 0,
    });
    expect(localTimeAt(at('2026-06-02T02:59:59.999Z'), 'America/Sao_Paulo')).toEqual({
      date: '2026-06-01',
      day: 'mon',
      minutes: 1439,
    });
  });

  it('handles half-hour offsets', () => {
    expect(localTimeAt(at('2026-01-05T18:29:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2026-01-05',
      day: 'mon',
      minutes: 23 * 60 + 59,
    });
  });

  it('throws a RangeError for an unknown zone', () => {
    expect(() => localTimeAt(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parseClockTime', () => {
  it.each([
    ['00:00', 0],
    ['09:30', 570],
    ['23:59', 1439],
    ['24:00', 1440],
  ])('%s is %i minutes', (time, minutes) => {
    expect(parseClockTime(time)).toBe(minutes);
  });

  it.each(['24:01', '25:00', '9:00', '09:60', '', '09:00:00'])('rejects %j', (time) => {
    expect(() => parseClockTime(time)).toThrow(RangeError);
  });
});
