/**
 * The compiled machine is plain JSON: xstate v5 config whose actions, guards
 * and delays are data. These types describe exactly what the compiler emits,
 * so the output can be serialized, diffed, exported and shown to users; the
 * runtime binds the named actions and guards with xstate's `setup()`.
 */
import type { ActionRef } from './actions.ts';
import type { CallOutcome } from './events.ts';
import type { GuardName } from './guards.ts';

export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue | undefined };

/** A named guard with its parameters, e.g. `{ type: 'dtmfIs', params: { digit: '1' } }`. */
export interface GuardRef {
  type: GuardName;
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
