import { useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCallTime, type TimelineData } from './moments.ts';
import { countWords } from '../i18n/counts.ts';

/** The drawing's width before it is measured (and where nothing lays pages out, as in tests). */
const WIDTH = 420;
const HEIGHT = 100;
const ROW = { speaking: 38, listening: 58, inputs: 78 } as const;
/** The markers' row at the top: numbered pills, one per node entered (or per run of them). */
const MARKER = { top: 2, height: 14 } as const;
/** A 9 px bold digit's width, rounded up, so a pill never falls short of its number. */
const DIGIT_WIDTH = 6;
const MARKER_GAP = 3;
const BAR = 14;
/** Room for the rows' names ("Escuchando") at the UI's small type size. */
const LEFT = 72;
const RIGHT = 4;

/** A numbered marker: nodes `first`..`last` (0-based), drawn from `left`, `width` wide. */
export interface Marker {
  first: number;
  last: number;
  text: string;
  left: number;
  width: number;
}

const marker = (first: number, last: number, xs: readonly number[], width: number): Marker => {
  const text = first === last ? String(first + 1) : `${first + 1}–${last + 1}`;
  const size = Math.max(MARKER.height, 6 + text.length * DIGIT_WIDTH);
  const centre = (xs[first]! + xs[last]!) / 2;
  const left = Math.min(Math.max(centre - size / 2, 0), width - RIGHT - size);
  return { first, last, text, left, width: size };
};

/**
 * The markers of nodes entered at `xs` (in order), in one row that never
 * overlaps: each node gets its number over its line, and nodes entered too
 * close together to tell apart (milliseconds apart) share one marker, "2–4".
 * The steps list under the timeline names every number in full.
 */
export function placeMarkers(xs: readonly number[], width: number = WIDTH): Marker[] {
  const placed: Marker[] = [];
  const clash = (a: Marker, b: Marker) => b.left < a.left + a.width + MARKER_GAP;
  xs.forEach((_, i) => {
    placed.push(marker(i, i, xs, width));
    // Join the marker before while they would touch (a joined one is wider: check again).
    while (placed.length > 1 && clash(placed.at(-2)!, placed.at(-1)!)) {
      const b = placed.pop()!;
      const a = placed.pop()!;
      placed.push(marker(a.first, b.last, xs, width));
    }
  });
  return placed;
}

/**
 * The drawing's width in CSS pixels, as laid out, so one unit of its viewBox
 * is one pixel: its text keeps the UI's type size at any width (a scaled
 * viewBox made the rows' names huge on a wide page).
 */
function useDrawnWidth() {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(WIDTH);
  useLayoutEffect(() => {
    const svg = ref.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > LEFT) setWidth(measured);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, []);
  return [ref, width] as const;
}

/**
 * The call over virtual time: speaking and listening as bars, inputs as marks
 * (ignored ones hollow and red), each node entered as a line with a numbered
 * marker, and under it the steps: each number with its time and the node's
 * name in full (so names never overlap or get cut, however close together
 * the nodes were entered). The SVG's title and description sum it up for
 * screen readers. One component for the simulator and a recorded call.
 */
export function Timeline({ data }: { data: TimelineData }) {
  const { t } = useTranslation();
  const id = useId();
  const [ref, width] = useDrawnWidth();
  const span = Math.max(data.end, 1000);
  const x = (ms: number) => LEFT + ((width - LEFT - 8) * ms) / span;
  const ignored = data.inputs.filter((i) => !i.accepted).length;
  const markers = placeMarkers(
    data.nodes.map((n) => x(n.t)),
    width,
  );
  const name = (n: TimelineData['nodes'][number]) => n.label || n.id;
  return (
    <div className="timeline">
      <svg
        ref={ref}
        className="timeline__chart"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
      >
        <title id={`${id}-title`}>{t('simulator.timeline.title')}</title>
        <desc id={`${id}-desc`}>
          {t('simulator.timeline.summary', {
            ...countWords(t, {
              prompts: data.speaking.length,
              inputs: data.inputs.length,
              ignored,
            }),
            listening: t('counts.times', { count: data.listening.length }),
            nodes: t('common.nodes', { count: data.nodes.length }),
          })}
        </desc>
        <text x={4} y={ROW.speaking + 4} className="timeline__row">
          {t('simulator.timeline.speaking')}
        </text>
        <text x={4} y={ROW.listening + 4} className="timeline__row">
          {t('simulator.timeline.listening')}
        </text>
        <text x={4} y={ROW.inputs + 4} className="timeline__row">
          {t('simulator.timeline.inputs')}
        </text>
        {data.nodes.map((n, i) => (
          <line
            key={`n${i}`}
            x1={x(n.t)}
            x2={x(n.t)}
            y1={MARKER.top + MARKER.height}
            y2={88}
            className="timeline__node"
          >
            <title>{`${i + 1} · ${formatCallTime(n.t)} ${name(n)}`}</title>
          </line>
        ))}
        {markers.map((m) => (
          <g key={`m${m.first}`} className="timeline__marker">
            <title>
              {data.nodes
                .slice(m.first, m.last + 1)
                .map((n, i) => `${m.first + i + 1} · ${formatCallTime(n.t)} ${name(n)}`)
                .join('\n')}
            </title>
            <rect
              x={m.left}
              y={MARKER.top}
              width={m.width}
              height={MARKER.height}
              rx={MARKER.height / 2}
            />
            <text x={m.left + m.width / 2} y={MARKER.top + 10} textAnchor="middle">
              {m.text}
            </text>
          </g>
        ))}
        {data.speaking.map((s, i) => (
          <rect
            key={`s${i}`}
            className="timeline__speaking"
            x={x(s.from)}
            y={ROW.speaking - BAR / 2}
            width={Math.max(1, x(s.to) - x(s.from))}
            height={BAR}
          >
            <title>{`${t('simulator.timeline.speaking')} ${formatCallTime(s.from)}–${formatCallTime(s.to)}`}</title>
          </rect>
        ))}
        {data.listening.map((s, i) => (
          <rect
            key={`l${i}`}
            className="timeline__listening"
            x={x(s.from)}
            y={ROW.listening - BAR / 2}
            width={Math.max(1, x(s.to) - x(s.from))}
            height={BAR}
          >
            <title>{`${t('simulator.timeline.listening')} ${formatCallTime(s.from)}–${formatCallTime(s.to)}`}</title>
          </rect>
        ))}
        {data.inputs.map((m, i) => (
          <circle
            key={`i${i}`}
            className={m.accepted ? 'timeline__input' : 'timeline__input timeline__input--ignored'}
            cx={x(m.t)}
            cy={ROW.inputs}
            r={5}
          >
            <title>{`${formatCallTime(m.t)} ${m.label}`}</title>
          </circle>
        ))}
        <text x={width - RIGHT} y={HEIGHT - 3} textAnchor="end" className="timeline__row">
          {formatCallTime(data.end)}
        </text>
      </svg>
      {data.nodes.length > 0 && (
        <ol className="timeline__steps" aria-label={t('timeline.steps')}>
          {data.nodes.map((n, i) => (
            <li key={i}>
              <span className="timeline__step-number" aria-hidden="true">
                {i + 1}
              </span>
              <span className="timeline__step-time">{formatCallTime(n.t)}</span>
              <span className="timeline__step-name">{name(n)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
