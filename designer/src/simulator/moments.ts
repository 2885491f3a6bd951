import { estimateSpeechMs } from '@callbot/shared';
import type { CallOutcome, ListenMode, TraceLine } from '@callbot/runtime';

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

// The timeline is the runtime's, so a real call's (built by the server) and a simulated one are one picture.
export { inputLabel, timelineOf, type Span, type TimelineData } from '@callbot/runtime';
