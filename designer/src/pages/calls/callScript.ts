import type { Script, TraceLine } from '@callbot/runtime';
import type { CallDetail } from '@callbot/shared';
import { traceLineSchema } from '../../simulator/tests/transcript.ts';

/** What the caller gave, which a replay gives again (the media layer's own events it plays itself). */
const callerEvents = new Set(['dtmf', 'speech', 'agent.reply']);

/**
 * A recorded call's trace lines, read through the runtime's trace schema
 * (the server's are read leniently); lines left without their words (a
 * role that does not read transcripts) or of another version are left out.
 */
export function traceOf(detail: CallDetail): TraceLine[] {
  return detail.events.flatMap(({ line }) => {
    const parsed = traceLineSchema.safeParse(line);
    return parsed.success ? [parsed.data] : [];
  });
}

/**
 * The script that replays a recorded call in the simulator: the same
 * number, channel and moment, what the caller gave (and the hang-up, when
 * the caller hung up), and agents where its transfers found some (a team
 * that had none has none). Prompt ends and transfer answers are the
 * simulator's to play, as a real call's media layer played them.
 *
 * What the caller gave while the bot listened is replayed when the
 * simulator listens again, as long after as it came in the call: a real
 * voice does not speak at the simulator's estimated words per minute, so
 * the call's own moments would put a key the bot took inside a prompt the
 * simulator is still saying (and replay it as ignored). What came while
 * the bot was not listening, or a second time in one listening, keeps its
 * moment.
 */
export function scriptOfCall(detail: CallDetail, lines: readonly TraceLine[]): Script {
  const { call } = detail;
  const agents: Record<string, number> = Object.create(null) as Record<string, number>;
  const steps: Script['steps'] = [];
  /**
   * The last listening: when it began, when it ended (null: under way; a caller's hang-up ends
   * it at the moment of the hang-up, so its `end` line comes after), whether a step took it.
   */
  let listening: { since: number; until: number | null; used: boolean } | null = null;
  const give = (t: number, event: Script['steps'][number]['event']) => {
    if (listening && !listening.used && (listening.until === null || listening.until === t)) {
      listening.used = true;
      steps.push({ when: 'listening', delay: Math.max(0, Math.round(t - listening.since)), event });
    } else steps.push({ at: Math.round(t), event });
  };
  for (const line of lines) {
    if (line.kind === 'transfer') {
      agents[line.team] = Math.max(agents[line.team] ?? 0, line.outcome === 'no_agents' ? 0 : 1);
    } else if (line.kind === 'listen') {
      if (line.on) listening = { since: line.t, until: null, used: false };
      else if (listening) listening.until = line.t;
    } else if (
      line.kind === 'input' &&
      callerEvents.has(line.event.type) &&
      line.event.type !== 'call.started'
    ) {
      give(line.t, line.event);
    } else if (line.kind === 'end' && line.outcome === 'caller_hung_up') {
      give(line.t, { type: 'call.ended', by: 'caller' });
    }
  }
  const end = lines.find((l) => l.kind === 'end');
  return {
    call: { channel: call.channel, direction: call.direction, from: call.caller, to: call.line },
    startAt: call.startedAt,
    agents: { ...agents },
    wordsPerMinute: detail.wordsPerMinute,
    maxMs: Math.max(600_000, Math.ceil((end?.t ?? 0) + 1000)),
    steps,
  };
}
