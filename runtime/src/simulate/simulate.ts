import { estimateSpeechMs, type CallEvent } from '@callbot/shared';
import { VirtualClock } from '../clock/virtualClock.ts';
import type { CallOutcome, TraceLine } from '../protocol.ts';
import { createCallSession, type CallSessionOptions } from '../session/session.ts';
import type { Script } from './script.ts';

export interface SimulationResult {
  lines: TraceLine[];
  outcome: CallOutcome | null;
  durationMs: number;
}

export interface SimulateOptions {
  /** The call's moment (epoch ms) when the script has no `startAt`. */
  now?: number;
  /** Each trace line as it is written. */
  onLine?: (line: TraceLine) => void;
  limits?: CallSessionOptions['limits'];
}

/**
 * Runs one call of a flow in virtual time, playing the media layer: each
 * `say` ends by itself after its speaking time, a transfer to a team with
 * agents is answered, and the script's steps arrive at their moments. This is
 * what `callbot simulate` prints and what the designer's recorded tests run.
 *
 * @example
 * const { lines, outcome } = simulateCall(flow, scriptSchema.parse(json));
 */
export function simulateCall(
  flow: unknown,
  script: Script,
  options: SimulateOptions = {},
): SimulationResult {
  const startMs = script.startAt !== undefined ? Date.parse(script.startAt) : (options.now ?? 0);
  const clock = new VirtualClock(startMs);
  const session = createCallSession(flow, {
    clock,
    directory: (team) => script.agents[team] ?? 0,
    ...(options.limits && { limits: options.limits }),
  });
  const lines: TraceLine[] = [];
  const send = (event: CallEvent) => session.send(event);

  // Steps of the `when` kind go in order, each armed by the next trigger after the one before fired.
  const whenSteps = script.steps.filter((s) => 'when' in s);
  let nextWhen = 0;
  let armed = false;
  const trigger = (kind: 'listening' | 'say') => {
    const step = whenSteps[nextWhen];
    if (armed || !step || step.when !== kind) return;
    armed = true;
    clock.setTimeout(() => {
      armed = false;
      nextWhen++;
      send(step.event);
    }, step.delay);
  };

  const prompts = new Map<string, unknown>();
  session.subscribe((message) => {
    if (message.channel === 'trace') {
      lines.push(message.line);
      options.onLine?.(message.line);
      return;
    }
    const command = message.command;
    switch (command.type) {
      case 'say': {
        const ms = estimateSpeechMs(command.text, script.wordsPerMinute);
        const { promptId } = command;
        prompts.set(
          promptId,
          clock.setTimeout(() => {
            prompts.delete(promptId);
            send({ type: 'prompt.ended', promptId });
          }, ms),
        );
        trigger('say');
        return;
      }
      case 'say.cancel':
        clock.clearTimeout(prompts.get(command.promptId));
        prompts.delete(command.promptId);
        return;
      case 'listen':
        if (command.on) trigger('listening');
        return;
      case 'transfer':
        // The runtime only rings a team that has agents, so the simulated transfer is answered.
        clock.setTimeout(() => send({ type: 'transfer.result', outcome: 'answered' }), 0);
        return;
      default:
        return;
    }
  });

  for (const step of script.steps) {
    if ('at' in step) clock.setTimeout(() => send(step.event), step.at);
  }
  clock.setTimeout(() => send({ type: 'call.ended', by: 'network' }), script.maxMs);

  send({
    type: 'call.started',
    ...script.call,
    at: script.startAt ?? isoAt(startMs),
  });
  while (session.getSnapshot().status !== 'ended' && clock.runNext()) {
    // each timer sends one event; the session does the rest
  }
  const end = lines.findLast((l) => l.kind === 'end');
  return {
    lines,
    outcome: session.getSnapshot().outcome,
    durationMs: end?.kind === 'end' ? end.durationMs : clock.now() - startMs,
  };
}

/** An epoch-ms moment as ISO 8601 in UTC (`new Date(ms)` is a pure conversion, not a clock read). */
const isoAt = (ms: number): string => new Date(ms).toISOString();
