/**
 * The compiled machine is plain JSON: xstate v5 config whose actions, guards
 * and delays are data. These types describe exactly what the compiler emits,
 * so the output can be serialized, diffed, exported and shown to users; the
 * runtime binds the named actions and guards with xstate's `setup()`.
 */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** A named action with its parameters, e.g. `{ type: 'say', params: { text } }`. */
export interface ActionRef {
  type: string;
  params?: { [key: string]: JsonValue | undefined };
}

/** A named guard with its parameters, e.g. `{ type: 'dtmfIs', params: { digit: '1' } }`. */
export interface GuardRef {
  type: string;
  params?: { [key: string]: JsonValue | undefined };
}

export interface TransitionConfig {
  target?: string;
  guard?: GuardRef;
  actions?: ActionRef[];
  description?: string;
}

/** The tags every consumer reads to know whether the bot speaks or listens (R17, R18). */
export type StateTag = 'speaking' | 'listening';

/** Params of the `listen` action, which the runtime turns into the `listen` command. */
export type ListenParams =
  | {
      on: true;
      modes: ('dtmf' | 'speech')[];
      /** No-input timeout: the runtime sends `timer.noInput` after this much silence. */
      noInputMs?: number;
    }
  | { on: false };

export interface StateConfig {
  description?: string;
  type?: 'final';
  tags?: StateTag[];
  meta?: { node?: string; outcome?: CallOutcome };
  entry?: ActionRef[];
  exit?: ActionRef[];
  initial?: string;
  states?: Record<string, StateConfig>;
  on?: Record<string, TransitionConfig[]>;
  always?: TransitionConfig[];
}

/** How a call ends (see the call protocol); `error` when the run is stopped by a safety cap. */
export type CallOutcome = 'transferred' | 'handed_off' | 'hung_up' | 'caller_hung_up' | 'error';

/** The context the compiled machine starts with. The runtime may add to it. */
export interface MachineContext {
  /** No-input timeouts so far at the current menu (reset when a menu is entered). */
  noInput: number;
  /** No-match inputs so far at the current menu (reset when a menu is entered). */
  noMatch: number;
}

export interface MachineConfig extends StateConfig {
  id: 'callbot';
  /** The flow document's schema version this machine was compiled from. */
  version: string;
  context: MachineContext;
  initial: string;
  states: Record<string, StateConfig>;
}
