import { describe, expect, it } from 'vitest';
import { outcomesByDay, outcomesByHour } from './outcomeSeries.ts';

describe('the outcome charts’ bars', () => {
  it('has 24 hours, each stacked by outcome, the usual outcomes first', () => {
    const bars = outcomesByHour({
      byHour: [
        { hour: 10, outcomes: { caller_hung_up: 1, transferred: 2 } },
        { hour: 23, outcomes: { transferred: 1, ended_before_start: 1 } },
      ],
    });
    expect(bars.labels).toHaveLength(24);
    expect(bars.labels[10]).toBe('10');
    expect(bars.series.map((s) => s.outcome)).toEqual([
      'transferred',
      'caller_hung_up',
      'ended_before_start',
    ]);
    expect(bars.series[0]!.values[10]).toBe(2);
    expect(bars.series[0]!.values[23]).toBe(1);
    expect(bars.totals.get('transferred')).toBe(3);
  });

  it('has every day of the period, days without calls empty', () => {
    const bars = outcomesByDay({
      from: '2026-11-29',
      to: '2026-12-02',
      byDay: [{ day: '2026-12-01', outcomes: { hung_up: 4 } }],
    });
    expect(bars.labels).toEqual(['11-29', '11-30', '12-01', '12-02']);
    expect(bars.series).toEqual([{ outcome: 'hung_up', values: [0, 0, 4, 0] }]);
  });
});
