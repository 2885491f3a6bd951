import type { FieldProblem } from '@callbot/shared';

// Field problems are shared with the server, which checks the same records.
export { fieldProblems, type FieldProblem } from '@callbot/shared';

/** What a workspace change can be refused for; the UI translates by code. */
export type WorkspaceRefusalCode =
  /** The record does not pass its schema: `problems` say which field and why. */
  | 'invalid'
  /** The team, schedule, line or flow is not stored (deleted in another tab, maybe). */
  | 'notFound'
  /** The default team cannot be deleted while other teams exist: choose another default first. */
  | 'team.defaultWithOthers'
  /** A named schedule used by flows cannot be deleted: `flows` names them. */
  | 'schedule.inUse'
  /** Another team, bot or schedule has the same name (`sameName`): `existing` names it. */
  | 'team.nameTaken'
  | 'bot.nameTaken'
  | 'schedule.nameTaken'
  /** Another customer has the number (R13-R15 count per number): `customer` names it. */
  | 'customer.numberTaken'
  /** A rule of the domain refused it (e.g. R7: a line in process): `rule` says which. */
  | 'rule';

/**
 * A workspace change refused before anything was written: an invalid record,
 * a missing one, or a rule of the domain. `params` carry what the UI shows.
 */
export class WorkspaceRefusal extends Error {
  override readonly name = 'WorkspaceRefusal';

  constructor(
    readonly code: WorkspaceRefusalCode,
    message: string,
    readonly params: {
      problems?: FieldProblem[];
      flows?: { id: string; name: string }[];
      rule?: string;
      id?: string;
      existing?: { id: string; name: string };
      customer?: { id: string; number: string; name?: string };
    } = {},
  ) {
    super(message);
  }
}
