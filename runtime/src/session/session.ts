/**
 * A call session: one call of a flow, driven by call events, emitting
 * commands and trace lines (the call protocol): the public API. Beside it,
 * one job per module: the call's inside (`core.ts`), the machine binding,
 * the AI agent's turns, the saved call's schema and the flow cache.
 */
import type { CallEvent, CallOutcome } from '@callbot/shared';
import type { SessionMessage } from '../protocol.ts';
import { SessionCore } from './core.ts';
import { prepareFlow, type RunnableFlow } from './flows.ts';
import type { CallSessionOptions } from './options.ts';
import { readPersistedCall, type PersistedCall } from './persisted.ts';

declare global {
  // Explicit resource management (`using`), as TypeScript's esnext.disposable and @types/node declare it.
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}

/** `Symbol.dispose`, or the name TypeScript's `using` falls back to where the engine has none yet. */
const DISPOSE: typeof Symbol.dispose =
  (Symbol as { dispose?: typeof Symbol.dispose }).dispose ??
  (Symbol.for('Symbol.dispose') as typeof Symbol.dispose);

/**
 * What the session is doing now, for a UI or a log: a fresh object each time.
 *
 * @example
 * const { status, listening } = session.getSnapshot();
 */
export interface SessionSnapshot {
  status: 'waiting' | 'in_call' | 'ended';
  /** The node the call is at, once it has started. */
  node: string | null;
  listening: boolean;
  speaking: boolean;
  outcome: CallOutcome | null;
  /** Trace lines written so far (the lines themselves went to the listeners). */
  lines: number;
}

/**
 * One call of a flow. Commands and trace lines go to the listeners, in
 * order, once each event has been fully applied; an event sent from inside
 * a listener waits its turn and is applied right after.
 *
 * @example
 * using session = createCallSession(flow, { directory });
 * session.subscribe((m) => (m.channel === 'command' ? media.do(m.command) : log(m.line)));
 * session.send({ type: 'call.started', channel: 'line', direction: 'inbound', from, to });
 */
export interface CallSession {
  /**
   * Gives the session one event of the call protocol. Throws `SessionError`
   * for a malformed event or a disposed session; never for a well-formed one.
   */
  send(event: CallEvent): void;
  /** Receives every command and trace line from now on, in order; returns the unsubscribe. */
  subscribe(listener: (message: SessionMessage) => void): () => void;
  getSnapshot(): SessionSnapshot;
  /**
   * The call as JSON; `restoreCallSession` continues it exactly. Throws
   * `SessionError` while events sent from a listener still wait to be applied.
   */
  persist(): PersistedCall;
  /** Stops the session: its timer is cleared, listeners detached, agent turns in flight ignored. */
  dispose(): void;
  [Symbol.dispose](): void;
}

/** What callers hold: the public methods only (the machine's hooks stay inside). */
class Session implements CallSession {
  readonly #core: SessionCore;

  constructor(core: SessionCore) {
    this.#core = core;
  }

  send(event: CallEvent): void {
    this.#core.send(event);
  }

  subscribe(listener: (message: SessionMessage) => void): () => void {
    return this.#core.subscribe(listener);
  }

  getSnapshot(): SessionSnapshot {
    return this.#core.getSnapshot();
  }

  persist(): PersistedCall {
    return this.#core.persist();
  }

  dispose(): void {
    this.#core.dispose();
  }

  [DISPOSE](): void {
    this.#core.dispose();
  }
}

/**
 * Starts a call session for a flow document (compiled here, once per
 * document) or a machine config from `compileFlow`. The call begins when it
 * receives `call.started`. The flow is frozen: to change it, make a new one.
 * For JSON from outside, `loadFlow` (from `@callbot/shared`) first.
 *
 * @example
 * const session = createCallSession(flow, { directory: (team) => queue.available(team) });
 * session.subscribe((m) => { if (m.channel === 'command') media.do(m.command); });
 * session.send({ type: 'call.started', channel: 'line', direction: 'inbound', from, to });
 */
export function createCallSession(
  flow: RunnableFlow,
  options: CallSessionOptions = {},
): CallSession {
  return new Session(new SessionCore(prepareFlow(flow), options));
}

/**
 * Continues a call from `session.persist()`, with the same flow: the rest of
 * the call is what it would have been had it never stopped. The saved call
 * is checked whole (schema, and against the flow's machine); a malformed one
 * throws `SessionError` naming the field.
 *
 * @example
 * const saved = JSON.stringify(session.persist());
 * session.dispose();
 * // ...later, maybe on another machine:
 * const again = restoreCallSession(flow, JSON.parse(saved), { clock });
 */
export function restoreCallSession(
  flow: RunnableFlow,
  saved: unknown,
  options: CallSessionOptions = {},
): CallSession {
  const prepared = prepareFlow(flow);
  const call = readPersistedCall(saved, prepared.config, prepared.fingerprint);
  return new Session(new SessionCore(prepared, options, call));
}

/**
 * The fingerprint of a flow's compiled machine, as `persist()` records it: a
 * persisted call continues only on a flow with the same fingerprint.
 *
 * @example
 * store.save({ flow, fingerprint: machineFingerprint(flow) });
 */
export function machineFingerprint(flow: RunnableFlow): string {
  return prepareFlow(flow).fingerprint;
}

export type { PersistedCall } from './persisted.ts';
export type { RunnableFlow } from './flows.ts';
export { SessionError } from './errors.ts';
export {
  DEFAULT_LIMITS,
  type AgentDirectory,
  type CallSessionOptions,
  type SessionLimits,
} from './options.ts';
