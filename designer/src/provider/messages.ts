import type { TFunction } from 'i18next';
import { verificationRefusals, type VerificationRefusal } from './api.ts';
import { ProviderError } from './client.ts';

const isRefusal = (reason: string | undefined): reason is VerificationRefusal =>
  (verificationRefusals as readonly (string | undefined)[]).includes(reason);

/**
 * What to tell the user about a failed provider request, in the UI language:
 * the error's code, and for a refused WhatsApp verification its reason (R1).
 */
export function providerErrorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ProviderError)) return t('provider.errors.unknown');
  const message = t(`provider.errors.${error.code}`);
  return error.code === 'verification_refused' && isRefusal(error.reason)
    ? `${message} ${t(`provider.refusals.${error.reason}`)}`
    : message;
}
