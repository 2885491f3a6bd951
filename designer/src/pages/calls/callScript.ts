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
 * number, channel and moment, what the caller gave at the moment they gave
 * it (and the hang-up, when the caller hung up), and agents where its
 * transfers found some (a team that had none has none). Prompt ends and
 * transfer answers are the simulator's to play, as a real call's media
 * layer played them.
 */
export function scriptOfCall(detail: CallDetail, lines: readonly TraceLine[]): Script {
  const { call } = detail;
  const agents: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const line of lines) {
    if (line.kind !== 'transfer') continue;
    agents[line.team] = Math.max(agents[line.team] ?? 0, line.outcome === 'no_agents' ? 0 : 1);
  }
  const steps: Script['steps'] = lines.flatMap((line) =>
    line.kind === 'input' && callerEvents.has(line.event.type) && line.event.type !== 'call.started'
      ? [{ at: Math.round(line.t), event: line.event }]
      : [],
  );
  const end = lines.find((l) => l.kind === 'end');
  if (end?.kind === 'end' && end.outcome === 'caller_hung_up')
    steps.push({ at: Math.round(end.t), event: { type: 'call.ended', by: 'caller' } });
  return {
    call: { channel: call.channel, direction: call.direction, from: call.caller, to: call.line },
    startAt: call.startedAt,
    agents: { ...agents },
    wordsPerMinute: detail.wordsPerMinute,
    maxMs: Math.max(600_000, Math.ceil((end?.t ?? 0) + 1000)),
    steps,
  };
}
