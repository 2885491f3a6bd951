import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { READY_STATE, type MachineConfig } from '@callbot/shared';
import { outlineMachine, type OutlineState, type OutlineTransition } from './machineOutline.ts';

/** A transition in words: "on prompt.ended → horario, takePort(…)"; "at once, if scheduleIs(…) → fechado". */
function Transition({ transition }: { transition: OutlineTransition }) {
  const { t } = useTranslation();
  const { event, guard, target, actions } = transition;
  return (
    <li className="machine-outline__transition">
      {event === null ? t('machineView.always') : t('machineView.on', { event })}
      {guard !== null && <> {t('machineView.if', { guard })}</>}
      {' → '}
      <strong>{target ?? t('machineView.stays')}</strong>
      {actions.length > 0 && <>{t('machineView.doing', { actions: actions.join(', ') })}</>}
    </li>
  );
}

function State({ state }: { state: OutlineState }) {
  const { t } = useTranslation();
  // The compiler's own words are English; the machine's first state only waits for the call.
  const about = state.path === READY_STATE ? t('machineView.ready') : state.description;
  return (
    <li className="machine-outline__state">
      <p className="machine-outline__head">
        <code className="machine-outline__key">{state.key}</code>
        {state.initial && <span className="machine-outline__mark">{t('machineView.initial')}</span>}
        {state.tags.map((tag) => (
          <span key={tag} className={`machine-outline__tag machine-outline__tag--${tag}`}>
            {t(`machineView.tags.${tag}`)}
          </span>
        ))}
        {state.outcome && (
          <span className="machine-outline__mark">
            {t('machineView.final', { outcome: t(`simulator.line.outcomes.${state.outcome}`) })}
          </span>
        )}
        {state.node !== undefined && (
          <span className="machine-outline__node">
            {t('machineView.node', { node: state.node })}
          </span>
        )}
      </p>
      {about && <p className="machine-outline__about">{about}</p>}
      {state.entry.length > 0 && (
        <p className="machine-outline__does">
          {t('machineView.entry', { actions: state.entry.join(', ') })}
        </p>
      )}
      {state.exit.length > 0 && (
        <p className="machine-outline__does">
          {t('machineView.exit', { actions: state.exit.join(', ') })}
        </p>
      )}
      {state.transitions.length > 0 && (
        <ul className="machine-outline__transitions">
          {state.transitions.map((tr, i) => (
            <Transition key={i} transition={tr} />
          ))}
        </ul>
      )}
      {state.children.length > 0 && <States states={state.children} />}
    </li>
  );
}

function States({ states }: { states: OutlineState[] }) {
  return (
    <ul className="machine-outline__states">
      {states.map((s) => (
        <State key={s.path} state={s} />
      ))}
    </ul>
  );
}

/**
 * The compiled machine as an indented tree: each state with its tags
 * (speaking, listening), what it does on entry and exit, and where each
 * event leads. Pure presentation of `outlineMachine`.
 */
export function MachineOutline({ machine }: { machine: MachineConfig }) {
  const { t } = useTranslation();
  const outline = useMemo(() => outlineMachine(machine), [machine]);
  return (
    <section className="machine-outline" aria-label={t('machineView.outline')} tabIndex={0}>
      {outline.root.length > 0 && (
        <>
          <p>{t('machineView.anywhere')}</p>
          <ul className="machine-outline__transitions">
            {outline.root.map((tr, i) => (
              <Transition key={i} transition={tr} />
            ))}
          </ul>
        </>
      )}
      <States states={outline.states} />
    </section>
  );
}
