import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCallTime, type TimelineData } from './moments.ts';
import { countWords } from '../i18n/counts.ts';

const WIDTH = 420;
const ROW = { speaking: 38, listening: 58, inputs: 78 } as const;
/** Node labels take the first of these rows where they do not overlap the one before. */
const LABEL_ROWS = [10, 22] as const;
/** A 10 px label's widest character, so a width estimate never falls short. */
const CHAR_WIDTH = 6;
const LABEL_GAP = 4;
const BAR = 14;
const LEFT = 58;
const RIGHT = 4;

/** A node label placed on the timeline: `anchor` end when it would run past the right edge. */
export interface PlacedLabel {
  x: number;
  y: number;
  anchor: 'start' | 'end';
}

/**
 * Places the labels of nodes entered at `xs` (in order), `LABEL_ROWS` rows
 * deep: each in the first row where it overlaps no other, written leftwards
 * of its line where it would run past the right edge. A label that fits no
 * row is left out (`null`): its line stays, and the transcript names it.
 */
export function placeLabels(
  labels: readonly { x: number; text: string }[],
  width: number = WIDTH,
): (PlacedLabel | null)[] {
  const rowEnds = LABEL_ROWS.map(() => -Infinity);
  return labels.map(({ x, text }) => {
    const size = text.length * CHAR_WIDTH;
    const anchor = x + 2 + size > width - RIGHT ? 'end' : 'start';
    const from = anchor === 'start' ? x + 2 : x - 2 - size;
    if (from < 0) return null;
    const row = rowEnds.findIndex((end) => from > end + LABEL_GAP);
    if (row === -1) return null;
    rowEnds[row] = from + size;
    return { x: anchor === 'start' ? x + 2 : x - 2, y: LABEL_ROWS[row]!, anchor };
  });
}

/**
 * The call over virtual time: speaking and listening as bars, inputs as marks
 * (ignored ones hollow and red), node changes as labels. The same is in the
 * transcript; the SVG's title and description sum it up for screen readers.
 */
export function Timeline({ data }: { data: TimelineData }) {
  const { t } = useTranslation();
  const id = useId();
  const span = Math.max(data.end, 1000);
  const x = (ms: number) => LEFT + ((WIDTH - LEFT - 8) * ms) / span;
  const ignored = data.inputs.filter((i) => !i.accepted).length;
  const places = placeLabels(data.nodes.map((n) => ({ x: x(n.t), text: n.id })));
  const labels = data.nodes.map((n, i) => ({ ...n, x: x(n.t), place: places[i] ?? null }));
  return (
    <svg
      className="timeline"
      viewBox={`0 0 ${WIDTH} 100`}
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
      {labels.map((n, i) => (
        <g key={`n${i}`}>
          <line
            x1={n.x}
            x2={n.x}
            y1={(n.place?.y ?? LABEL_ROWS[0]) - 8}
            y2={88}
            className="timeline__node"
          >
            <title>{`${formatCallTime(n.t)} ${n.id}`}</title>
          </line>
          {n.place && (
            <text
              x={n.place.x}
              y={n.place.y}
              textAnchor={n.place.anchor}
              className="timeline__label"
            >
              {n.id}
            </text>
          )}
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
      <text x={WIDTH - RIGHT} y={98} textAnchor="end" className="timeline__row">
        {formatCallTime(data.end)}
      </text>
    </svg>
  );
}
