import type { CallAnalytics } from '@callbot/shared';

/** Bars stacked by outcome: one label per bar, one series per outcome (in `order`, then the rest). */
export interface OutcomeSeries {
  labels: string[];
  series: { outcome: string; values: number[] }[];
  /** Calls by outcome over every bar, for the chart's words. */
  totals: Map<string, number>;
}

/** The outcomes drawn first (bottom of each bar), then any other the server names. */
const order = ['transferred', 'handed_off', 'hung_up', 'caller_hung_up', 'error', 'abandoned'];

function stack(bars: { label: string; outcomes: Record<string, number> }[]): OutcomeSeries {
  const seen = new Set(bars.flatMap((b) => Object.keys(b.outcomes)));
  const outcomes = [
    ...order.filter((o) => seen.has(o)),
    ...[...seen].filter((o) => !order.includes(o)).sort(),
  ];
  const totals = new Map<string, number>();
  const series = outcomes.map((outcome) => {
    const values = bars.map((b) =>
      Object.hasOwn(b.outcomes, outcome) ? (b.outcomes[outcome] ?? 0) : 0,
    );
    totals.set(
      outcome,
      values.reduce((a, b) => a + b, 0),
    );
    return { outcome, values };
  });
  return { labels: bars.map((b) => b.label), series, totals };
}

/** Calls by hour of the day (0–23, the period's time zone), by outcome. */
export function outcomesByHour(analytics: Pick<CallAnalytics, 'byHour'>): OutcomeSeries {
  const byHour = new Map(analytics.byHour.map((h) => [h.hour, h.outcomes]));
  return stack(
    Array.from({ length: 24 }, (_, hour) => ({
      label: String(hour).padStart(2, '0'),
      outcomes: byHour.get(hour) ?? {},
    })),
  );
}

/** Calls on each day of the period (days without calls drawn empty), by outcome. */
export function outcomesByDay(
  analytics: Pick<CallAnalytics, 'byDay' | 'from' | 'to'>,
): OutcomeSeries {
  const byDay = new Map(analytics.byDay.map((d) => [d.day, d.outcomes]));
  const days: string[] = [];
  const last = Date.parse(`${analytics.to.slice(0, 10)}T00:00:00Z`);
  for (
    let t = Date.parse(`${analytics.from.slice(0, 10)}T00:00:00Z`);
    t <= last && days.length < 400;
    t += 86_400_000
  )
    days.push(new Date(t).toISOString().slice(0, 10));
  return stack(days.map((day) => ({ label: day.slice(5), outcomes: byDay.get(day) ?? {} })));
}
