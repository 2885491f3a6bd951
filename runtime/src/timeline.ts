/**
 * A call's speaking/listening timeline from its trace lines: the picture the
 * designer's simulator draws, and the one the server builds from a real
 * call's recorded lines, so that both are the same for the same inputs.
 */
import { estimateSpeechMs } from '@callbot/shared';
import type { InputRefusal, TraceLine } from './protocol.ts';

/** The speaking speed the simulator estimates prompts with, unless set otherwise. */
export const DEFAULT_WORDS_PER_MINUTE = 150;

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

/**
 * A recorded call's trace lines timed as the caller heard them. On a real
 * call the server writes everything one request makes at the request's
 * moment (a greeting, the next node, a menu's prompt and its listening all
 * at once), and the provider then plays the prompts one after the other;
 * the simulator's media layer plays them the same way, each prompt taking
 * its estimated speaking time. So a line is moved to when what was said
 * before it in the same answer has been said (`t` never moves earlier), and
 * the caller's inputs keep their moments: the same inputs at the same
 * moments give the simulator's own lines, and its picture.
 *
 * @example
 * timelineOf(playedInOrder(recorded, 150), durationMs, 150)
 */
export function playedInOrder(lines: readonly TraceLine[], wordsPerMinute: number): TraceLine[] {
  let playedUntil = 0;
  return lines.map((line) => {
    const t = Math.max(line.t, playedUntil);
    if (line.kind === 'say' && !line.interruptible) {
      playedUntil = t + estimateSpeechMs(line.text, wordsPerMinute);
    }
    return t === line.t ? line : { ...line, t };
  });
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
