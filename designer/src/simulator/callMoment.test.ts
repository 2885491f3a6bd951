import { describe, expect, it } from 'vitest';
import { isoInZone, wallMomentAt } from './callMoment.ts';

describe('isoInZone', () => {
  it('gives the instant of a wall-clock time with the zone’s offset', () => {
    expect(isoInZone({ date: '2026-11-29', time: '03:00', timeZone: 'America/Sao_Paulo' })).toBe(
      '2026-11-29T03:00:00-03:00',
    );
    expect(isoInZone({ date: '2026-07-01', time: '09:30', timeZone: 'Europe/Lisbon' })).toBe(
      '2026-07-01T09:30:00+01:00',
    );
    expect(isoInZone({ date: '2026-01-10', time: '23:45', timeZone: 'Asia/Kolkata' })).toBe(
      '2026-01-10T23:45:00+05:30',
    );
    expect(isoInZone({ date: '2026-01-10', time: '00:00', timeZone: 'UTC' })).toBe(
      '2026-01-10T00:00:00+00:00',
    );
  });

  it('moves a time in a daylight-saving gap on by the gap', () => {
    // New York skips 02:00-03:00 on 2026-03-08.
    expect(isoInZone({ date: '2026-03-08', time: '02:30', timeZone: 'America/New_York' })).toBe(
      '2026-03-08T03:30:00-04:00',
    );
  });
});

describe('wallMomentAt', () => {
  it('reads an instant as the date and time of a zone', () => {
    expect(wallMomentAt(Date.parse('2026-11-29T06:00:00Z'), 'America/Sao_Paulo')).toEqual({
      date: '2026-11-29',
      time: '03:00',
      timeZone: 'America/Sao_Paulo',
    });
  });
});
