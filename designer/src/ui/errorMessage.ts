import { i18n } from '../i18n/index.ts';
import {
  DuplicateTestCaseNameError,
  FlowNotFoundError,
  RevisionConflictError,
  StorageError,
} from '../persistence/errors.ts';

const causeName = (error: Error): unknown =>
  error.cause !== null && typeof error.cause === 'object' && 'name' in error.cause
    ? error.cause.name
    : undefined;

/**
 * What went wrong, for the user, in the UI language: the storage layer's own
 * errors are said again in words of the current language; any other error
 * keeps its message (a flow's diagnostics come from `@callbot/shared`, in
 * English); a thrown non-error is `fallback`.
 */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof StorageError) {
    return causeName(error) === 'MissingAPIError'
      ? i18n.t('errors.storage.missing')
      : i18n.t(`errors.storage.${error.kind}`);
  }
  if (error instanceof RevisionConflictError) {
    return i18n.t('errors.revisionConflict', {
      actual: error.actualRevision,
      expected: error.expectedRevision,
    });
  }
  if (error instanceof FlowNotFoundError) {
    return error.versionId === undefined
      ? i18n.t('errors.flowNotFound')
      : i18n.t('errors.versionNotFound');
  }
  if (error instanceof DuplicateTestCaseNameError) {
    return i18n.t('testCaseReview.duplicateName', {
      name: error.testCaseName,
      suggestion: error.suggestion,
    });
  }
  return error instanceof Error ? error.message : fallback;
}
