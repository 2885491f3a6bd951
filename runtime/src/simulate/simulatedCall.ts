import { estimateSpeechMs, type CallEvent } from '@callbot/shared';
import type { AgentAdapter } from '../agents/adapter.ts';
import { VirtualClock } from '../clock/virtualClock.ts';
import type { SessionMessage, TraceLine } from '../protocol.ts';
import { checkAgentTurn } from '../session/agentTurns.ts';
import {
  createCallSession,
  type CallSessionOptions,
  type RunnableFlow,
  type SessionSnapshot,
} from '../session/session.ts';
import { scriptSchema, type Script } from './script.ts';

/** An event the caller's side gives a simulated call (anything but `call.started`). */
export type SimulatedInput = Exclude<CallEvent, { type: 'call.started' }>;

/** How a simulated call is set up: the script's fields, without its steps. */
export interface SimulatedCallSetup {
  call: Script['call'];
  /** When the call happens (ISO 8601 with offset); schedules are read at this moment. */
  startAt?: string;
  /** The call's moment (epoch ms) when there is no `startAt`. */
  now?: number;
  agents?: Record<string, number>;
  wordsPerMinute?: number;
  maxMs?: number;
  /** Answers aiAgent nodes; without one, agent turns come as `agent.reply` inputs. */
  agent?: AgentAdapter;
  limits?: CallSessionOptions['limits'];
}

/** What the simulated call is doing now; `t` is virtual ms since the call started. */
export interface SimulatedSnapshot extends SessionSnapshot {
  t: number;
  /** Every trace line so far (a copy), as the simulator shows it. */
  transcript: TraceLine[];
}

export interface SimulatedCall {
  /** Answers the call (`call.started`) at virtual time 0. */
  start(): void;
  /** The caller (or the trainer) gives an event now; it is recorded for `toScript`. */
  send(event: SimulatedInput): void;
  /** Moves virtual time on by `ms` (rounded to whole ms), playing everything that falls due. */
  advance(ms: number): void;
  /** Moves virtual time on to `t` ms since the call started (never back). */
  runUntil(t: number): void;
  /** Jumps to the next moment something is due (a prompt ending, a timeout) and plays it; false when nothing is. */
  runNext(): boolean;
  /** When the next thing is due, in ms since the call started, if anything is. */
  nextDue(): number | undefined;
  /** Commands and trace lines, in order, from now on; returns the unsubscribe. */
  subscribe(listener: (message: SessionMessage) => void): () => void;
  getSnapshot(): SimulatedSnapshot;
  /** Every input given so far, at its time, as a script that `simulateCall` replays identically. */
  toScript(): Script;
}

/**
 * One call of a flow in virtual time, played interactively: the media layer
 * is simulated (each `say` ends after its estimated speaking time, a transfer
 * to a team with agents is answered, the call is cut at `maxMs`), time moves
 * only when told to, and every input is recorded with its moment. Nothing
 * due is ever left pending, so an input given at a moment comes after
 * whatever else falls due at that moment (and a replay does the same).
 *
 * @example
 * const call = createSimulatedCall(flow, { call, startAt: '2026-11-24T10:00:00-03:00' });
 * call.start();
 * call.runUntil(6000);
 * call.send({ type: 'dtmf', digit: '1' });
 * simulateCall(flow, call.toScript()); // the same transcript
 */
export function createSimulatedCall(flow: RunnableFlow, setup: SimulatedCallSetup): SimulatedCall {
  const startMs = setup.startAt !== undefined ? Date.parse(setup.startAt) : (setup.now ?? 0);
  const clock = new VirtualClock(startMs);
  const wordsPerMinute = setup.wordsPerMinute ?? 150;
  const maxMs = setup.maxMs ?? 600_000;
  const agents = { ...setup.agents };
  // Team names come from the flow: looked up as own keys only, never off Object.prototype.
  const available = new Map(Object.entries(agents));
  const transcript: TraceLine[] = [];
  const steps: Script['steps'] = [];
  const elapsed = () => clock.now() - startMs;

  const record = (event: SimulatedInput) => {
    if (session.getSnapshot().status === 'ended') return;
    steps.push({ at: elapsed(), event });
  };
  // An agent's turns are recorded as the `agent.reply` inputs they become, so a replay needs no model.
  const { agent } = setup;
  const recordingAgent: AgentAdapter | undefined =
    agent &&
    (async (request) => {
      try {
        const turn = await agent(request);
        const checked = checkAgentTurn(turn);
        // A turn the session refuses takes the agent.error path: the transfer port.
        record(
          checked.ok
            ? {
                type: 'agent.reply',
                text: checked.turn.text,
                ...(checked.turn.done && { done: true }),
                ...(checked.turn.transfer && { transfer: true }),
              }
            : { type: 'agent.reply', text: '', transfer: true },
        );
        return turn;
      } catch (error) {
        record({ type: 'agent.reply', text: '', transfer: true });
        throw error;
      }
    });

  const session = createCallSession(flow, {
    clock,
    directory: (team) => available.get(team) ?? 0,
    ...(recordingAgent && { agent: recordingAgent }),
    ...(setup.limits && { limits: setup.limits }),
  });
  const ended = () => session.getSnapshot().status === 'ended';

  // The media layer.
  const prompts = new Map<string, unknown>();
  session.subscribe((message) => {
    if (message.channel === 'trace') {
      if (message.line.kind !== 'input' || message.line.reason !== 'call_over') {
        transcript.push(message.line);
      }
      return;
    }
    const command = message.command;
    switch (command.type) {
      case 'say': {
        const { promptId } = command;
        prompts.set(
          promptId,
          clock.setTimeout(
            () => {
              prompts.delete(promptId);
              session.send({ type: 'prompt.ended', promptId });
            },
            estimateSpeechMs(command.text, wordsPerMinute),
          ),
        );
        return;
      }
      case 'say.cancel':
        clock.clearTimeout(prompts.get(command.promptId));
        prompts.delete(command.promptId);
        return;
      case 'transfer':
        // The runtime only rings a team that has agents, so the simulated transfer is answered.
        clock.setTimeout(() => session.send({ type: 'transfer.result', outcome: 'answered' }), 0);
        return;
      default:
        return;
    }
  });

  const runUntil = (t: number) => {
    // Virtual time is whole milliseconds, as scripts write it.
    const at = startMs + Math.round(t);
    while (!ended()) {
      const due = clock.nextDue();
      if (due === undefined || due > at) break;
      clock.runNext();
    }
    if (!ended()) clock.advanceTo(Math.max(at, clock.now()));
  };

  return {
    start() {
      clock.setTimeout(() => session.send({ type: 'call.ended', by: 'network' }), maxMs);
      session.send({ type: 'call.started', ...setup.call, at: setup.startAt ?? isoAt(startMs) });
      runUntil(elapsed());
    },
    send(event) {
      record(event);
      session.send(event);
      // What the input made due at once (a transfer's answer) is played now, so nothing due is ever pending.
      runUntil(elapsed());
    },
    advance: (ms) => runUntil(elapsed() + ms),
    runUntil,
    runNext() {
      const due = clock.nextDue();
      if (due === undefined || ended()) return false;
      runUntil(due - startMs);
      return true;
    },
    nextDue() {
      const due = clock.nextDue();
      return due === undefined || ended() ? undefined : due - startMs;
    },
    subscribe: (listener) => session.subscribe(listener),
    getSnapshot: () => ({ ...session.getSnapshot(), t: elapsed(), transcript: [...transcript] }),
    toScript: () =>
      scriptSchema.parse({
        call: setup.call,
        startAt: setup.startAt ?? isoAt(startMs),
        agents,
        wordsPerMinute,
        maxMs,
        steps,
      }),
  };
}

/** An epoch-ms moment as ISO 8601 in UTC (`new Date(ms)` is a pure conversion, not a clock read). */
const isoAt = (ms: number): string => new Date(ms).toISOString();
