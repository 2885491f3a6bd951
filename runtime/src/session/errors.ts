import type { Diagnostic } from '@callbot/shared';

/**
 * A flow that cannot run, an event or saved call that is not well formed,
 * or a session used after `dispose()`. `field` names what is wrong in a
 * saved call or an event (`snapshot.value`, `agent.messages[3].content`).
 *
 * @example
 * try {
 *   restoreCallSession(flow, saved);
 * } catch (error) {
 *   if (error instanceof SessionError) log.warn(error.field, error.message);
 * }
 */
export class SessionError extends Error {
  override readonly name = 'SessionError';

  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Thrown from inside the machine to stop a run that loops without listening. */
export class LoopError extends Error {}
