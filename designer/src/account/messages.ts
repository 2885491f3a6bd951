import { i18n } from '../i18n/index.ts';
import { AccountApiError } from './client.ts';

/**
 * What went wrong with an accounts request, in the UI language. `context`
 * tells a wrong password (a 401 at sign-in) from a session that ended, and a
 * gone invitation from a gone workspace (both 404).
 */
export function accountMessage(
  error: unknown,
  context: 'signIn' | 'setup' | 'invitation' | 'workspace' = 'workspace',
): string {
  if (!(error instanceof AccountApiError)) {
    return i18n.t('account.errors.server', { message: (error as Error)?.message ?? '' });
  }
  switch (error.kind) {
    case 'unreachable':
      return i18n.t('account.errors.unreachable');
    case 'unauthorized':
      return context === 'signIn' || context === 'invitation'
        ? i18n.t('account.errors.wrongPassword')
        : i18n.t('account.errors.signedOut');
    case 'throttled':
      // Whole minutes, rounded up: "in 0 minutes" would invite a refused attempt.
      return i18n.t('account.errors.throttled', {
        count: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)),
      });
    case 'setupToken':
      return i18n.t('account.errors.setupToken');
    case 'notFound':
      return context === 'invitation'
        ? i18n.t('account.errors.invitationGone')
        : i18n.t('account.errors.notMember');
    case 'emailTaken':
      return i18n.t('account.errors.emailTaken');
    case 'csrf':
      return i18n.t('account.errors.csrf');
    case 'forbidden':
      return i18n.t('account.errors.forbidden');
    case 'lastOwner':
      return i18n.t('account.errors.lastOwner');
    case 'tokenNameTaken':
      return i18n.t('account.errors.tokenNameTaken', { existing: error.existing?.name ?? '' });
    case 'invalid':
      return i18n.t('account.errors.invalid', { message: error.message });
    case 'alreadyMember':
    case 'server':
      return i18n.t('account.errors.server', { message: error.message });
  }
}
