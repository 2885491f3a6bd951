import { BarChart } from 'chartist';
import { useEffect, useRef } from 'react';
import type { OutcomeSeries } from './outcomeSeries.ts';
import 'chartist/dist/index.css';

/** The outcomes with a colour of their own; any other is drawn grey. */
const coloured = new Set(['transferred', 'handed_off', 'hung_up', 'caller_hung_up', 'error']);
const outcomeClass = (outcome: string) => (coloured.has(outcome) ? outcome : 'other');

/**
 * Calls as bars stacked by outcome, drawn by Chartist (SVG), with a legend.
 * The figure's accessible name says the whole in words (`summary`); the
 * bars are for the eye.
 */
export function OutcomeChart({
  title,
  summary,
  bars,
  outcomeName,
}: {
  title: string;
  summary: string;
  bars: OutcomeSeries;
  outcomeName: (outcome: string) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const chart = new BarChart(
      box.current,
      {
        labels: bars.labels,
        series: bars.series.map((s) => ({
          name: s.outcome,
          data: s.values,
          className: `outcome-chart__series outcome--${outcomeClass(s.outcome)}`,
        })),
      },
      {
        stackBars: true,
        height: 160,
        chartPadding: { top: 8, right: 4, bottom: 0, left: 0 },
        axisY: { onlyInteger: true },
        // Every label of 24 hours fits; of many days, one in four.
        axisX: {
          labelInterpolationFnc: (label: unknown, index: number) =>
            bars.labels.length <= 24 || index % 4 === 0 ? String(label) : '',
        },
      },
    );
    return () => {
      chart.detach();
    };
  }, [bars]);
  return (
    <figure className="outcome-chart" role="img" aria-label={`${title}: ${summary}`}>
      <figcaption className="outcome-chart__title">{title}</figcaption>
      <div ref={box} className="outcome-chart__bars" aria-hidden="true" />
      <ul className="outcome-chart__legend" aria-hidden="true">
        {bars.series.map((s) => (
          <li key={s.outcome}>
            <span className={`outcome-chart__swatch outcome--${outcomeClass(s.outcome)}`} />
            {outcomeName(s.outcome)}
          </li>
        ))}
      </ul>
    </figure>
  );
}
