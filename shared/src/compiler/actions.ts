import type { CallOutcome } from './events.ts';

/** Params of the `listen` action, which the runtime turns into the `listen` command. */
export type ListenParams =
  | {
      on: true;
      modes: ('dtmf' | 'speech')[];
      /** No-input timeout: the runtime sends `timer.noInput` after this much silence. */
      noInputMs?: number;
    }
  | { on: false };

/**
 * The actions the compiler refers to by name, with their params: the one
 * contract between the compiler (which emits them) and every runtime that
 * binds them (`@callbot/runtime`'s sessions, the test harness, the bench).
 * A binding hands it to xstate as the action map of `setup`, so a missing or
 * extra implementation, or one that misreads its params, is a type error.
 * `undefined`: the action takes no params (it reads the event or the context).
 *
 * @example
 * setup<MachineContext, MachineEvent, {}, {}, ActionCatalogue, GuardCatalogue>({
 *   actions: { startCall: ..., enterNode: (_, p) => trace(p.id), ... },
 *   guards,
 * });
 */
// A type literal, not an interface: xstate's `setup` wants an index-compatible record.
export type ActionCatalogue = {
  /** The call was answered (`call.started`): the call's clock starts. */
  startCall: undefined;
  /** A node is entered: the trace's `node` line, and the step caps. */
  enterNode: { id: string; kind: string; label: string };
  /** The output taken on the way to the next node, which its `node` line names (`via`). */
  takePort: { node: string; port: string };
  /** Say a fixed text (the `say` command). */
  say: { text: string; interruptible: boolean };
  /** Say the AI agent's reply (the `agent.reply` event's text). */
  sayReply: undefined;
  /** Stop the prompt being said (`say.cancel`), if any. */
  cancelSay: undefined;
  /** Listening starts (with its modes and no-input timer) or stops. */
  listen: ListenParams;
  /** A menu is entered anew: its no-input and no-match counters go back to 0. */
  resetCounters: undefined;
  /** The caller said nothing: count it. */
  noInput: undefined;
  /** The caller's input matched no option: count it, and report the input as `no_match`. */
  noMatch: undefined;
  /** A transfer found nobody available (R16). */
  noAgents: { team: string };
  /**
   * Queue the call for a team (the `transfer` command): the caller hears
   * `waitMessage` (or hold music) for at most `maxWaitMs`, after which the
   * runtime sends `timer.queue`.
   */
  transfer: { team: string; maxWaitMs: number; waitMessage?: string };
  /** Hand the call to a fallback bot (the `handoff` command). */
  handoff: { bot: string };
  /** The bot hangs up (the `hangup` command), and why. */
  hangup: { reason: string; node?: string; port?: string };
  /** An AI agent takes the call. */
  startAgent: { node: string; instructions: string; endpoint: string };
  /** The AI agent's node is left: its turns in flight stop mattering. */
  stopAgent: { node: string };
  /** The caller spoke to the AI agent (the `speech` event's text). */
  agentHear: undefined;
  /** The call ends with this outcome. */
  end: { outcome: CallOutcome };
};

export type ActionName = keyof ActionCatalogue;

/** A named action with its params, as the compiled machine holds it. */
export type ActionRef = {
  [K in ActionName]: ActionCatalogue[K] extends undefined
    ? { type: K; params?: undefined }
    : { type: K; params: ActionCatalogue[K] };
}[ActionName];

/** Every catalogued action name, in catalogue order (for tests and tools that list them). */
export const ACTION_NAMES = [
  'startCall',
  'enterNode',
  'takePort',
  'say',
  'sayReply',
  'cancelSay',
  'listen',
  'resetCounters',
  'noInput',
  'noMatch',
  'noAgents',
  'transfer',
  'handoff',
  'hangup',
  'startAgent',
  'stopAgent',
  'agentHear',
  'end',
] as const satisfies readonly ActionName[];

// Every name is listed: a catalogue entry missing from ACTION_NAMES fails to compile here.
const everyNameListed: Exclude<ActionName, (typeof ACTION_NAMES)[number]> extends never
  ? true
  : never = true;
void everyNameListed;
