import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CSRF_HEADER } from '@callbot/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { installValidityMessages } from '../../forms/validityMessages.ts';
import { i18n } from '../../i18n/index.ts';
import { createCallsClient } from './callsClient.ts';
import { CallsClientProvider } from './callsContext.ts';
import { CallSettingsView } from './CallSettingsView.tsx';
import { createFakeCallsClient } from './testing.ts';

function show(owner: boolean) {
  const client = createFakeCallsClient([]);
  render(
    <CallsClientProvider value={client}>
      <CallSettingsView owner={owner} />
    </CallsClientProvider>,
  );
  return client;
}

describe('call records settings', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it('says the days it takes under the field, and refuses 0 in the page’s language', async () => {
    await i18n.changeLanguage('pt-BR');
    const uninstall = installValidityMessages(document, i18n);
    try {
      const client = show(true);
      const user = userEvent.setup();
      const days = await screen.findByRole('spinbutton', { name: 'Guardar chamadas por (dias)' });
      expect(document.getElementById(days.getAttribute('aria-describedby')!)?.textContent).toMatch(
        /^De 1 a 3\.650 dias\. /,
      );
      await user.clear(days);
      await user.type(days, '0');
      await user.click(screen.getByRole('button', { name: 'Salvar' }));
      expect((days as HTMLInputElement).validationMessage).toBe('Digite um valor de 1 a 3.650.');
      expect((await client.settings()).retentionDays).toBe(365);
    } finally {
      uninstall();
    }
  });

  it('lets an owner keep calls 30 days, mask what callers say and let viewers read transcripts', async () => {
    const client = show(true);
    const user = userEvent.setup();
    const days = await screen.findByRole('spinbutton', { name: 'Keep calls for (days)' });
    expect(days).toHaveProperty('value', '365');
    await user.clear(days);
    await user.type(days, '30');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'What callers say' }),
      'Keep it with digits and e-mail addresses masked',
    );
    await user.click(screen.getByRole('switch', { name: 'Viewers may read transcripts' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('status')).textContent).toBe('Saved.');
    expect(await client.settings()).toEqual({
      retentionDays: 30,
      speech: 'redact',
      viewersSeeTranscripts: true,
    });
  });

  it('shows the settings to others without letting them change them', async () => {
    show(false);
    const days = await screen.findByRole('spinbutton', { name: 'Keep calls for (days)' });
    expect(days).toHaveProperty('readOnly', true);
    expect(screen.getByRole('combobox', { name: 'What callers say' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    screen.getByText('Only an owner of the workspace can change these settings.');
  });

  it("says the server's refusal in words", async () => {
    const client = createCallsClient({
      workspaceId: 'ws1',
      fetch: (input, init) => {
        const url =
          typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        if (url === '/api/session')
          return Promise.resolve(
            Response.json({ csrfToken: 'tok', user: null, setupNeeded: false, workspaces: [] }),
          );
        if (init?.method === 'PUT') {
          expect(new Headers(init.headers).get(CSRF_HEADER)).toBe('tok');
          return Promise.resolve(
            Response.json(
              { error: 'invalid_request', message: 'retentionDays: too big.' },
              { status: 422 },
            ),
          );
        }
        return Promise.resolve(
          Response.json({ retentionDays: 365, speech: 'store', viewersSeeTranscripts: false }),
        );
      },
    });
    render(
      <CallsClientProvider value={client}>
        <CallSettingsView owner />
      </CallsClientProvider>,
    );
    const user = userEvent.setup();
    await screen.findByRole('spinbutton', { name: 'Keep calls for (days)' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The settings could not be saved: retentionDays: too big.',
    );
  });
});
