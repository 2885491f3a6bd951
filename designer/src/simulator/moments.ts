import { estimateSpeechMs } from '@callbot/shared';
import type { CallOutcome, InputRefusal, ListenMode, TraceLine } from '@callbot/runtime';

/** What the call was doing at one moment: what the indicator and the event log show. */
export interface CallMoment {
  /** Virtual ms since the call started. */
  t: number;
  node: string | null;
  speaking: boolean;
  listening: boolean;
  /** How the bot listens, while it does. */
  modes: ListenMode[];
  outcome: CallOutcome | null;
}

export const callNotStarted: CallMoment = {
  t: 0,
  node: null,
  speaking: false,
  listening: false,
  modes: [],
  outcome: null,
};

/** The moment a trace line leaves the call in. */
export interface FoldedMoment extends CallMoment {
  /** When the prompt being said ends by itself (its estimated speaking time). */
  speakingUntil: number;
}

/**
 * The call's state after `line`, from the state before it. A prompt ends
 * after its estimated speaking time, as the simulator's media layer plays it.
 * `modes` are the listening modes of the `listen` command the line reports.
 */
export function foldMoment(
  before: FoldedMoment,
  line: TraceLine,
  wordsPerMinute: number,
  modes: ListenMode[],
): FoldedMoment {
  const speaking = before.speaking && line.t < before.speakingUntil;
  const next: FoldedMoment = { ...before, t: line.t, speaking };
  switch (line.kind) {
    case 'node':
      return { ...next, node: line.id };
    case 'say':
      return {
        ...next,
        speaking: true,
        speakingUntil: line.t + estimateSpeechMs(line.text, wordsPerMinute),
      };
    case 'say.cancel':
      return { ...next, speaking: false };
    case 'listen':
      return { ...next, listening: line.on, modes: line.on ? modes : [] };
    case 'end':
      return { ...next, speaking: false, listening: false, modes: [], outcome: line.outcome };
    default:
      return next;
  }
}

/** `mm:ss.s` of virtual ms since the call started, as the transcript shows times. */
export function formatCallTime(ms: number): string {
  const tenths = Math.floor(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths % 600) / 10;
  return `${String(minutes).padStart(2, '0')}:${seconds.toFixed(1).padStart(4, '0')}`;
}

export interface Span {
  from: number;
  to: number;
}

export interface TimelineData {
  /** The end of the drawn time, in ms. */
  end: number;
  speaking: Span[];
  listening: Span[];
  inputs: { t: number; label: string; accepted: boolean; reason: InputRefusal | null }[];
  nodes: { t: number; id: string; label: string }[];
}

/** What the caller gave, in a few words (a key, or what they said). */
export function inputLabel(line: Extract<TraceLine, { kind: 'input' }>): string {
  const { event } = line;
  switch (event.type) {
    case 'dtmf':
      return event.digit;
    case 'speech':
    case 'agent.reply':
      return `“${event.text}”`;
    default:
      return event.type;
  }
}

/** The bars, marks and labels of a call's timeline, up to `now` ms. */
export function timelineOf(
  lines: readonly TraceLine[],
  now: number,
  wordsPerMinute: number,
): TimelineData {
  const data: TimelineData = { end: now, speaking: [], listening: [], inputs: [], nodes: [] };
  let saying: { from: number; until: number } | null = null;
  let listeningFrom: number | null = null;
  const stopSaying = (t: number) => {
    if (saying) data.speaking.push({ from: saying.from, to: Math.min(t, saying.until) });
    saying = null;
  };
  for (const line of lines) {
    switch (line.kind) {
      case 'say':
        stopSaying(line.t);
        saying = { from: line.t, until: line.t + estimateSpeechMs(line.text, wordsPerMinute) };
        break;
      case 'say.cancel':
        stopSaying(line.t);
        break;
      case 'listen':
        if (line.on && listeningFrom === null) listeningFrom = line.t;
        if (!line.on && listeningFrom !== null) {
          data.listening.push({ from: listeningFrom, to: line.t });
          listeningFrom = null;
        }
        break;
      case 'input':
        data.inputs.push({
          t: line.t,
          label: inputLabel(line),
          accepted: line.accepted,
          reason: line.reason ?? null,
        });
        break;
      case 'node':
        data.nodes.push({ t: line.t, id: line.id, label: line.label });
        break;
      case 'end':
        data.end = line.t;
        break;
      default:
        break;
    }
  }
  stopSaying(data.end);
  if (listeningFrom !== null) data.listening.push({ from: listeningFrom, to: data.end });
  return data;
}
