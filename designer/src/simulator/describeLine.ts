import type { TraceLine } from '@callbot/runtime';
import type { TFunction } from 'i18next';

type Input = Extract<TraceLine, { kind: 'input' }>;

function describeInput(t: TFunction, line: Input): string {
  const { event } = line;
  const why = line.reason ? t(`simulator.line.reasons.${line.reason}`) : '';
  if (event.type === 'agent.reply') {
    return line.accepted
      ? t('simulator.line.agentReply', { text: event.text })
      : t('simulator.line.agentReplyIgnored', { text: event.text, why });
  }
  const what =
    event.type === 'dtmf'
      ? t('simulator.line.dtmf', { digit: event.digit })
      : event.type === 'speech'
        ? t('simulator.line.speech', { text: event.text })
        : event.type === 'call.ended'
          ? t('simulator.line.hangUp')
          : t('simulator.line.event', { type: event.type });
  return line.accepted
    ? t('simulator.line.input', { what })
    : t('simulator.line.inputIgnored', { what, why });
}

/**
 * A trace line in words, as the transcript and the event log say it; an
 * input that was not taken says why (R17, R18).
 */
export function describeLine(t: TFunction, line: TraceLine): string {
  switch (line.kind) {
    case 'node':
      return t('simulator.line.node', { label: line.label, id: line.id });
    case 'say':
      return t('simulator.line.say', { text: line.text });
    case 'say.cancel':
      return t('simulator.line.sayCancel');
    case 'listen':
      return t(line.on ? 'simulator.line.listenOn' : 'simulator.line.listenOff');
    case 'input':
      return describeInput(t, line);
    case 'noinput':
      return t('simulator.line.noinput', { count: line.count });
    case 'transfer':
      return t('simulator.line.transfer', {
        team: line.team,
        outcome: t(`simulator.line.transferOutcomes.${line.outcome}`),
      });
    case 'handoff':
      return 'bot' in line
        ? t('simulator.line.handoffBot', { bot: line.bot })
        : t('simulator.line.handoffAgent', { agent: line.agent });
    case 'hangup':
      return t('simulator.line.hangup', { reason: hangupReason(t, line.reason) });
    case 'agent.error':
      return t('simulator.line.agentError', { message: line.message });
    case 'end':
      return t('simulator.line.end', { outcome: t(`simulator.line.outcomes.${line.outcome}`) });
  }
}

const hangupReasons = ['flow_ended', 'unconnected_port', 'loop_detected', 'runtime_error'] as const;
type HangupReason = (typeof hangupReasons)[number];
const isHangupReason = (reason: string): reason is HangupReason =>
  (hangupReasons as readonly string[]).includes(reason);

/** Why the bot hung up, in words; a reason the designer has no words for stays as the runtime said it. */
function hangupReason(t: TFunction, reason: string): string {
  return isHangupReason(reason) ? t(`transcript.hangupReasons.${reason}`) : reason;
}

/** The domain rules behind a line (an input ignored while the bot speaks: R17, R18), for a tooltip. */
export function lineRules(line: TraceLine): string[] {
  return line.kind === 'input' && line.reason === 'not_listening' ? ['R17', 'R18'] : [];
}

/** The tooltip naming a line's rules ("Rules R17, R18"), or undefined when it has none. */
export function lineRulesTitle(t: TFunction, line: TraceLine): string | undefined {
  const rules = lineRules(line);
  return rules.length === 0
    ? undefined
    : t('transcript.rules', { count: rules.length, rules: rules.join(', ') });
}

/** Lines a trainer reads as the conversation (the event log shows every line). */
export const inTranscript = (line: TraceLine): boolean =>
  line.kind !== 'listen' && line.kind !== 'node';
