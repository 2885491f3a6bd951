import { useTranslation } from 'react-i18next';
import type { CallMoment } from './moments.ts';
import type { SimulatorState } from './store.ts';

type IndicatorState = 'none' | 'ended' | 'speakingListening' | 'listening' | 'speaking' | 'idle';

/** Which of its states the indicator shows for a moment of the call. */
export function indicatorState(moment: CallMoment, phase: SimulatorState['phase']): IndicatorState {
  if (phase === 'setup') return 'none';
  if (phase === 'ended' || moment.outcome !== null) return 'ended';
  if (moment.speaking && moment.listening) return 'speakingListening';
  if (moment.listening) return 'listening';
  if (moment.speaking) return 'speaking';
  return 'idle';
}

/**
 * The heart of the simulator: a live region that always says whether the bot
 * is speaking, listening (and to what), or neither, with a microphone that
 * shows the same at a glance (colour, icon and words).
 */
export function ListeningIndicator({
  moment,
  phase,
}: {
  moment: CallMoment;
  phase: SimulatorState['phase'];
}) {
  const { t } = useTranslation();
  const state = indicatorState(moment, phase);
  const modes = moment.modes.map((m) => t(`simulator.indicator.modes.${m}`)).join(', ');
  const [label, detail] = {
    none: [t('simulator.indicator.noCall'), ''],
    ended: [t('simulator.indicator.ended'), ''],
    speakingListening: [
      t('simulator.indicator.speakingListening'),
      t('simulator.indicator.speakingListeningDetail'),
    ],
    listening: [
      t('simulator.indicator.listening'),
      t('simulator.indicator.listeningDetail', { modes }),
    ],
    speaking: [t('simulator.indicator.speaking'), t('simulator.indicator.speakingDetail')],
    idle: [t('simulator.indicator.notListening'), t('simulator.indicator.notListeningDetail')],
  }[state];
  const open = state === 'listening' || state === 'speakingListening';
  return (
    <div
      className={`indicator indicator--${state}`}
      role="status"
      aria-label={t('simulator.indicator.name')}
    >
      <svg className="indicator__mic" viewBox="0 0 24 24" width="36" height="36" aria-hidden="true">
        <rect x="9" y="3" width="6" height="11" rx="3" />
        <path d="M6 11a6 6 0 0 0 12 0M12 17v4M8 21h8" fill="none" strokeWidth="2" />
        {!open && <line x1="4" y1="4" x2="20" y2="20" strokeWidth="2.5" />}
      </svg>
      <span className="indicator__text">
        <strong>{label}</strong>
        {detail && <span className="indicator__detail"> · {detail}</span>}
      </span>
    </div>
  );
}
