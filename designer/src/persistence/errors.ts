import type { Diagnostic } from '@callbot/shared';

/** What went wrong with the browser's storage, so the UI can say what to do. */
export type StorageErrorKind = 'quota' | 'blocked' | 'closed' | 'unknown';

const STORAGE_MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    'The browser has no room left to save this flow. Your latest changes are kept in this tab: export the flow, or delete old flows and versions, then try again.',
  blocked:
    'The designer cannot use its storage because another tab is still running an older or newer version of it. Close or reload the other designer tabs; your latest changes are kept in this tab.',
  closed:
    'The connection to the browser storage was lost (another tab may have upgraded the designer). Export the flow to keep your latest changes, then reload the page.',
  unknown:
    'The browser refused to save or read the flows. Your latest changes are kept in this tab: export the flow to keep them.',
};

/**
 * A failure of IndexedDB, in words a user understands. The original Dexie or
 * DOM error is kept as `cause` for the console.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';

  constructor(
    readonly kind: StorageErrorKind,
    options: { cause?: unknown; message?: string } = {},
  ) {
    super(options.message ?? STORAGE_MESSAGES[kind], { cause: options.cause });
  }
}

/**
 * A save refused because the stored flow moved on since it was opened: another
 * tab (or window) saved it meanwhile. Nothing was written.
 */
export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError';

  constructor(
    readonly flowId: string,
    readonly expectedRevision: number,
    readonly actualRevision: number,
  ) {
    super(
      `This flow was changed in another tab (it is now at revision ${actualRevision}, this tab has revision ${expectedRevision}). Nothing was overwritten: reload the flow to see the other changes, or save yours as a copy.`,
    );
  }
}

/** The flow (or version) asked for is not stored: deleted, maybe in another tab. */
export class FlowNotFoundError extends Error {
  override readonly name = 'FlowNotFoundError';

  constructor(
    readonly flowId: string,
    readonly versionId?: number,
  ) {
    super(
      versionId === undefined
        ? 'This flow no longer exists in this browser (it may have been deleted in another tab).'
        : 'This version of the flow no longer exists in this browser.',
    );
  }
}

/**
 * A stored flow (or version) that does not read as a flow document, or a name
 * that no flow may have. `diagnostics` say which field and why.
 */
export class InvalidFlowError extends Error {
  override readonly name = 'InvalidFlowError';

  constructor(
    readonly diagnostics: readonly Diagnostic[],
    message?: string,
  ) {
    super(message ?? diagnostics.map((d) => d.message).join(' '));
  }
}

/** A test case name the flow already has: names tell test cases apart, so they are unique per flow. */
export class DuplicateTestCaseNameError extends Error {
  override readonly name = 'DuplicateTestCaseNameError';

  constructor(
    readonly testCaseName: string,
    /** A free name to offer instead, e.g. "Vendas (2)". */
    readonly suggestion: string,
  ) {
    super(
      `This flow already has a test case called "${testCaseName}": choose another name, e.g. "${suggestion}".`,
    );
  }
}

/** The errors the persistence layer means to report as they are. */
const isOwnError = (error: unknown): boolean =>
  error instanceof StorageError ||
  error instanceof RevisionConflictError ||
  error instanceof FlowNotFoundError ||
  error instanceof InvalidFlowError ||
  error instanceof DuplicateTestCaseNameError;

const nameOf = (error: unknown): string | undefined =>
  error !== null && typeof error === 'object' && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;

/** Dexie wraps the DOM error that caused a failure in `inner` (sometimes twice). */
function* causeChain(error: unknown): Generator<unknown> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && current !== undefined; depth++) {
    yield current;
    const next: unknown =
      typeof current === 'object' && 'inner' in current ? current.inner : undefined;
    current = next;
  }
}

function kindOf(error: unknown): StorageErrorKind {
  for (const link of causeChain(error)) {
    switch (nameOf(link)) {
      case 'QuotaExceededError':
        return 'quota';
      case 'VersionError':
        return 'blocked';
      case 'DatabaseClosedError':
      case 'InvalidStateError':
        return 'closed';
    }
  }
  return 'unknown';
}

/**
 * Turns anything a storage call threw into a typed error: the persistence
 * layer's own errors pass through, everything else becomes a `StorageError`.
 */
export function toStorageError(error: unknown): Error {
  if (isOwnError(error)) return error as Error;
  const kind = kindOf(error);
  if (kind === 'unknown' && nameOf(error) === 'MissingAPIError') {
    return new StorageError('unknown', {
      cause: error,
      message:
        'This browser offers no storage to the designer (a private window may forbid it). Flows cannot be kept here: export your work before closing the tab.',
    });
  }
  return new StorageError(kind, { cause: error });
}
