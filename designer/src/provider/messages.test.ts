import { describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { ProviderError } from './client.ts';
import { providerErrorMessage } from './messages.ts';

describe('provider error messages', () => {
  const t = i18n.getFixedT('en');

  it('R1: a refused WhatsApp verification says why the number cannot take calls', () => {
    const error = new ProviderError({
      code: 'verification_refused',
      status: 422,
      message: '+5511987654321 is a personal WhatsApp account',
      reason: 'personal_account',
    });
    expect(providerErrorMessage(error, t)).toBe(
      'This number cannot be connected for WhatsApp calls. It is a personal WhatsApp number: only WhatsApp Business numbers can take calls.',
    );
    expect(providerErrorMessage(error, i18n.getFixedT('pt-BR'))).toContain('WhatsApp Business');
  });

  it('R7: a release refused while the request is in process says so, in each language', () => {
    const error = new ProviderError({ code: 'order_in_progress', status: 409, message: 'x' });
    expect(providerErrorMessage(error, t)).toContain('received or in process');
    expect(providerErrorMessage(error, i18n.getFixedT('pt-BR'))).toContain('em processo');
    expect(providerErrorMessage(error, i18n.getFixedT('es'))).toContain('en proceso');
  });

  it('a taken number asks for another one; anything else is the provider refusing', () => {
    const taken = new ProviderError({ code: 'number_taken', status: 409, message: 'x' });
    expect(providerErrorMessage(taken, t)).toBe(
      'Someone else bought this number meanwhile. Pick another number.',
    );
    expect(providerErrorMessage(new Error('boom'), t)).toBe('The provider refused the request.');
  });
});
