/**
 * The call protocol's output side: the commands the runtime gives the call
 * (media layer) and the trace lines it writes. See `docs/call-protocol.md`.
 */
import type { CallEvent, CallOutcome, TransferOutcome } from '@callbot/shared';

export type { CallOutcome, TransferOutcome } from '@callbot/shared';

export type ListenMode = 'dtmf' | 'speech';

/** What the runtime tells the call to do. */
export type Command =
  | { type: 'say'; promptId: string; text: string; interruptible: boolean }
  | { type: 'say.cancel'; promptId: string }
  | { type: 'listen'; on: boolean; modes: ListenMode[]; noInputMs?: number }
  /**
   * Queue the call for `team`: the caller hears `waitMessage` (hold music
   * without one) for at most `maxWaitSeconds`; the call answers with
   * `transfer.result`, or the runtime takes the no-agents path at the end.
   */
  | { type: 'transfer'; team: string; maxWaitSeconds: number; waitMessage?: string }
  | { type: 'handoff'; bot: string }
  | { type: 'handoff'; agent: string }
  | { type: 'hangup'; reason: string };

/** Why an input was not taken. */
export type InputRefusal = 'not_listening' | 'no_match' | 'call_over';

/** What happened, one line at a time; `t` is virtual ms since the call started. */
export type TraceLine = { t: number } & (
  | {
      kind: 'node';
      id: string;
      type: string;
      label: string;
      /** The output that led here, as `node:port`; absent for the first node of a call. */
      via?: string;
    }
  | { kind: 'say'; promptId: string; text: string; interruptible: boolean }
  | { kind: 'say.cancel'; promptId: string }
  | { kind: 'listen'; on: boolean }
  | { kind: 'input'; event: CallEvent; accepted: boolean; reason?: InputRefusal }
  | { kind: 'noinput'; count: number }
  /** `queued`: waiting for an agent of the team; then its outcome (or `no_agents`). */
  | { kind: 'transfer'; team: string; outcome: 'no_agents' | 'queued' | TransferOutcome }
  | { kind: 'handoff'; bot: string }
  | { kind: 'handoff'; agent: string }
  | { kind: 'hangup'; reason: string }
  | { kind: 'agent.error'; message: string }
  | { kind: 'end'; outcome: CallOutcome; durationMs: number; error?: string }
);

/** Everything a session emits, in order. */
export type SessionMessage =
  { channel: 'command'; command: Command } | { channel: 'trace'; line: TraceLine };
