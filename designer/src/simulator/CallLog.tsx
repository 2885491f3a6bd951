import { useTranslation } from 'react-i18next';
import { describeLine, inTranscript, lineRulesTitle } from './describeLine.ts';
import { formatCallTime } from './moments.ts';
import type { LogEntry } from './store.ts';

const entryClass = (entry: LogEntry) =>
  entry.line.kind === 'input' && !entry.line.accepted ? 'calllog__line--ignored' : '';

/** The conversation with times: what the bot said, what the caller gave (and what was ignored, and why). */
export function Transcript({ log }: { log: readonly LogEntry[] }) {
  const { t } = useTranslation();
  const lines = log.filter((e) => inTranscript(e.line));
  return (
    <section className="calllog" aria-labelledby="sim-transcript">
      <h3 id="sim-transcript">{t('simulator.transcript.title')}</h3>
      {lines.length === 0 ? (
        <p className="calllog__empty">{t('simulator.transcript.empty')}</p>
      ) : (
        <ol className="calllog__list" aria-labelledby="sim-transcript">
          {lines.map((entry, i) => (
            <li key={i} className={entryClass(entry)} title={lineRulesTitle(t, entry.line)}>
              <time>{formatCallTime(entry.line.t)}</time> {describeLine(t, entry.line)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Every line of the call; choosing one shows the state of the call at that moment. */
export function EventLog({
  log,
  selected,
  onSelect,
}: {
  log: readonly LogEntry[];
  selected: number | null;
  onSelect: (index: number | null) => void;
}) {
  const { t } = useTranslation();
  const chosen = selected === null ? undefined : log[selected];
  const yesNo = (b: boolean) => (b ? t('simulator.log.yes') : t('simulator.log.no'));
  return (
    <section className="calllog" aria-labelledby="sim-log">
      <h3 id="sim-log">{t('simulator.log.title')}</h3>
      <ol className="calllog__list" aria-labelledby="sim-log">
        {log.map((entry, i) => (
          <li key={i} className={entryClass(entry)} title={lineRulesTitle(t, entry.line)}>
            <button
              type="button"
              aria-pressed={selected === i}
              onClick={() => onSelect(selected === i ? null : i)}
            >
              <time>{formatCallTime(entry.line.t)}</time> {describeLine(t, entry.line)}
            </button>
          </li>
        ))}
      </ol>
      {chosen && (
        <section className="calllog__state" aria-labelledby="sim-state">
          <h4 id="sim-state">
            {t('simulator.log.stateAt', { time: formatCallTime(chosen.state.t) })}
          </h4>
          <dl>
            <dt>{t('simulator.log.node')}</dt>
            <dd>{chosen.state.node ?? t('simulator.log.none')}</dd>
            <dt>{t('simulator.log.speaking')}</dt>
            <dd>{yesNo(chosen.state.speaking)}</dd>
            <dt>{t('simulator.log.listening')}</dt>
            <dd>
              {chosen.state.listening
                ? `${t('simulator.log.yes')} (${chosen.state.modes
                    .map((m) => t(`simulator.indicator.modes.${m}`))
                    .join(', ')})`
                : t('simulator.log.no')}
            </dd>
            <dt>{t('simulator.log.outcome')}</dt>
            <dd>
              {chosen.state.outcome
                ? t(`simulator.line.outcomes.${chosen.state.outcome}`)
                : t('simulator.log.none')}
            </dd>
          </dl>
        </section>
      )}
    </section>
  );
}
