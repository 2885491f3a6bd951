import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CSRF_HEADER,
  providerStatusSchema,
  sessionSchema,
  type ProviderStatus,
} from '@callbot/shared';
import { useCurrentWorkspace } from '../../account/AccountContext.tsx';

async function send(path: string, method: 'GET' | 'PUT' | 'DELETE', body?: unknown) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') {
    const session = sessionSchema.parse(
      await (await fetch('/api/session', { credentials: 'same-origin' })).json(),
    );
    if (session.csrfToken) headers[CSRF_HEADER] = session.csrfToken;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (json as { error?: { message?: unknown }; message?: unknown } | null) ?? {};
    const message = error.error?.message ?? error.message;
    throw new Error(typeof message === 'string' ? message : `HTTP ${response.status}`);
  }
  return providerStatusSchema.parse(json);
}

/**
 * The workspace's telephony provider, on a server: the sandbox, or the
 * workspace's Twilio account, which an owner enters here. What is entered is
 * sent once and kept encrypted on the server; it is never read back (the
 * page shows only the account SID's last characters). Nothing browser-only.
 */
export function ProviderSettings() {
  const { t } = useTranslation();
  const current = useCurrentWorkspace();
  const [status, setStatus] = useState<ProviderStatus | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [accountSid, setAccountSid] = useState('');
  const [authToken, setAuthToken] = useState('');
  const [template, setTemplate] = useState('');
  const path = current
    ? `/api/workspaces/${encodeURIComponent(current.workspace.id)}/provider`
    : null;

  const run = useCallback(async (action: () => Promise<ProviderStatus>, done?: string) => {
    try {
      setStatus(await action());
      setMessage(done ? { kind: 'status', text: done } : null);
    } catch (e) {
      setMessage({ kind: 'alert', text: (e as Error).message });
    }
  }, []);

  useEffect(() => {
    if (!path) return;
    const first = setTimeout(() => void run(() => send(path, 'GET')), 0);
    return () => clearTimeout(first);
  }, [path, run]);

  if (!current || !path || !status) return null;
  const isOwner = current.workspace.role === 'owner';
  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(
      () =>
        send(`${path}/credentials`, 'PUT', {
          accountSid: accountSid.trim(),
          authToken: authToken.trim(),
          ...(template.trim() && { permissionTemplateSid: template.trim() }),
        }),
      t('providerServer.settings.saved'),
    ).then(() => setAuthToken(''));
  };

  return (
    <section className="provider-settings" aria-labelledby="provider-settings-title">
      <h2 id="provider-settings-title">{t('providerServer.settings.title')}</h2>
      <p>
        {status.credentials
          ? t('providerServer.settings.twilio', {
              ending: status.credentials.accountSidEnding,
              by: status.credentials.updatedBy,
            })
          : t('providerServer.settings.sandbox')}
      </p>
      {!status.canStoreCredentials ? (
        <p>{t('providerServer.settings.noKey')}</p>
      ) : !isOwner ? (
        <p>{t('providerServer.settings.ownerOnly')}</p>
      ) : (
        <form className="sip-form" onSubmit={save}>
          <label>
            {t('providerServer.settings.accountSid')}
            <input
              value={accountSid}
              onChange={(e) => setAccountSid(e.target.value)}
              required
              autoComplete="off"
            />
          </label>
          <label>
            {t('providerServer.settings.authToken')}
            <input
              type="password"
              value={authToken}
              onChange={(e) => setAuthToken(e.target.value)}
              required
              autoComplete="off"
            />
          </label>
          <label>
            {t('providerServer.settings.template')}
            <input
              value={template}
              onChange={(e) => setTemplate(e.target.value)}
              autoComplete="off"
            />
          </label>
          <button type="submit">{t('providerServer.settings.save')}</button>
          {status.credentials && (
            <button
              type="button"
              onClick={() => void run(() => send(`${path}/credentials`, 'DELETE'))}
            >
              {t('providerServer.settings.remove')}
            </button>
          )}
        </form>
      )}
      {message && <p role={message.kind}>{message.text}</p>}
    </section>
  );
}
