import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCallTime, type TimelineData } from './moments.ts';
import { countWords } from '../i18n/counts.ts';

const WIDTH = 420;
const ROW = { speaking: 38, listening: 58, inputs: 78 } as const;
/** Node labels take the first of these rows where they do not overlap the one before. */
const LABEL_ROWS = [10, 22] as const;
const CHAR_WIDTH = 5.5;
const BAR = 14;
const LEFT = 58;

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
  const rowEnds = LABEL_ROWS.map(() => -Infinity);
  const labels = data.nodes.map((n) => {
    const at = x(n.t);
    const free = rowEnds.findIndex((end) => at > end + 4);
    const row = free === -1 ? rowEnds.indexOf(Math.min(...rowEnds)) : free;
    rowEnds[row] = at + 2 + n.id.length * CHAR_WIDTH;
    return { ...n, x: at, y: LABEL_ROWS[row]! };
  });
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
          <line x1={n.x} x2={n.x} y1={n.y + 2} y2={88} className="timeline__node" />
          <text x={n.x + 2} y={n.y} className="timeline__label">
            {n.id}
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
      <text x={WIDTH - 4} y={98} textAnchor="end" className="timeline__row">
        {formatCallTime(data.end)}
      </text>
    </svg>
  );
}
