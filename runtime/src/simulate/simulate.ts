import type { CallOutcome, TraceLine } from '../protocol.ts';
import type { CallSessionOptions, RunnableFlow } from '../session/session.ts';
import type { Script } from './script.ts';
import { createSimulatedCall } from './simulatedCall.ts';

export interface SimulationResult {
  lines: TraceLine[];
  outcome: CallOutcome | null;
  durationMs: number;
}

/** A step whose moment is known (ms since the call started). */
interface Timed {
  at: number;
  event: Script['steps'][number]['event'];
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
 * agents is answered, and the script's steps arrive at their moments (an
 * `at` step after whatever else falls due at the same moment). This is what
 * `callbot simulate` prints and what the designer's recorded tests run: a
 * batch driver of {@link createSimulatedCall}.
 *
 * @example
 * const { lines, outcome } = simulateCall(flow, scriptSchema.parse(json));
 */
export function simulateCall(
  flow: RunnableFlow,
  script: Script,
  options: SimulateOptions = {},
): SimulationResult {
  const call = createSimulatedCall(flow, {
    call: script.call,
    ...(script.startAt !== undefined && { startAt: script.startAt }),
    ...(options.now !== undefined && { now: options.now }),
    agents: script.agents,
    wordsPerMinute: script.wordsPerMinute,
    maxMs: script.maxMs,
    ...(options.limits && { limits: options.limits }),
  });
  const lines: TraceLine[] = [];
  const ended = () => call.getSnapshot().status === 'ended';

  // Steps of the `when` kind go in order, each armed by the next trigger after the one before fired.
  const whenSteps = script.steps.filter((s) => 'when' in s);
  let nextWhen = 0;
  /** The `when` step whose trigger came: its moment is known. */
  const armed: { step: Timed | null } = { step: null };
  const trigger = (kind: 'listening' | 'say') => {
    const step = whenSteps[nextWhen];
    if (armed.step || !step || step.when !== kind) return;
    armed.step = { at: call.getSnapshot().t + step.delay, event: step.event };
  };
  call.subscribe((message) => {
    if (message.channel === 'trace') {
      lines.push(message.line);
      options.onLine?.(message.line);
      return;
    }
    const { command } = message;
    if (command.type === 'say') trigger('say');
    else if (command.type === 'listen' && command.on) trigger('listening');
  });

  // `at` steps in order of time (a stable sort keeps equal times in script order).
  const atSteps: Timed[] = script.steps.filter((s) => 'at' in s).sort((a, b) => a.at - b.at);
  let i = 0;
  call.start();
  while (!ended()) {
    const step = atSteps[i];
    const next = step && (!armed.step || step.at <= armed.step.at) ? step : armed.step;
    const due = call.nextDue();
    // Whatever falls due by a step's moment is played before the step.
    if (due !== undefined && (!next || due <= next.at)) {
      call.runNext();
      continue;
    }
    if (!next) break;
    call.runUntil(next.at);
    if (next === step) i++;
    else {
      armed.step = null;
      nextWhen++;
    }
    call.send(next.event);
  }
  const snapshot = call.getSnapshot();
  const end = lines.findLast((l) => l.kind === 'end');
  return {
    lines,
    outcome: snapshot.outcome,
    durationMs: end?.kind === 'end' ? end.durationMs : snapshot.t,
  };
}
