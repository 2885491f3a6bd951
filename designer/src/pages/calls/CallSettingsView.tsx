import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS, type CallSettings } from '@callbot/shared';
import { Button } from '../../ui/Button.tsx';
import { errorMessage } from '../../ui/errorMessage.ts';
import { Select, TextField } from '../../ui/Field.tsx';
import { Switch } from '../../ui/Switch.tsx';
import { useCallsClient } from './callsContext.ts';

const SPEECH = { store: 'speechStore', redact: 'speechRedact', none: 'speechNone' } as const;

/**
 * How the workspace keeps its call records (issue 16, LGPD): how many days,
 * what becomes of what callers say, and whether viewers read transcripts.
 * Everyone reads them; only an owner changes them (the server checks it).
 */
export function CallSettingsView({ owner }: { owner: boolean }) {
  const { t } = useTranslation();
  const client = useCallsClient();
  const [form, setForm] = useState<CallSettings | null>(null);
  const [days, setDays] = useState('');
  const [message, setMessage] = useState<{ alert: boolean; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    client.settings().then(
      (settings) => {
        if (!live) return;
        setForm(settings);
        setDays(String(settings.retentionDays));
      },
      (error: unknown) => {
        if (live)
          setMessage({
            alert: true,
            text: t('callRecords.readFailed', { message: errorMessage(error, String(error)) }),
          });
      },
    );
    return () => {
      live = false;
    };
  }, [client, t]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setMessage(null);
    try {
      const saved = await client.putSettings({ ...form, retentionDays: Number(days) });
      setForm(saved);
      setDays(String(saved.retentionDays));
      setMessage({ alert: false, text: t('callRecords.saved') });
    } catch (error) {
      setMessage({
        alert: true,
        text: t('callRecords.failed', { message: errorMessage(error, String(error)) }),
      });
    }
  };

  return (
    <section aria-labelledby="call-records-title" className="call-records">
      <h1 id="call-records-title">{t('callRecords.title')}</h1>
      <p className="workspace-page__lead">{t('callRecords.lead')}</p>
      {form === null && message === null && (
        <p className="page__loading">{t('callRecords.loading')}</p>
      )}
      {form && (
        <form className="call-records__form" onSubmit={(e) => void save(e)}>
          <TextField
            label={t('callRecords.retention')}
            type="number"
            min={MIN_RETENTION_DAYS}
            max={MAX_RETENTION_DAYS}
            step={1}
            required
            value={days}
            readOnly={!owner}
            hint={t('callRecords.retentionNote', {
              min: MIN_RETENTION_DAYS,
              max: MAX_RETENTION_DAYS,
            })}
            onChange={(e) => setDays(e.target.value)}
          />
          <Select
            label={t('callRecords.speech')}
            value={form.speech}
            disabled={!owner}
            onChange={(e) => setForm({ ...form, speech: e.target.value as CallSettings['speech'] })}
          >
            {(Object.keys(SPEECH) as CallSettings['speech'][]).map((mode) => (
              <option key={mode} value={mode}>
                {t(`callRecords.${SPEECH[mode]}`)}
              </option>
            ))}
          </Select>
          <Switch
            label={t('callRecords.viewers')}
            checked={form.viewersSeeTranscripts}
            disabled={!owner}
            onChange={(viewersSeeTranscripts) => setForm({ ...form, viewersSeeTranscripts })}
          />
          {owner ? (
            <Button type="submit">{t('callRecords.save')}</Button>
          ) : (
            <p>{t('callRecords.ownerOnly')}</p>
          )}
        </form>
      )}
      {message && <p role={message.alert ? 'alert' : 'status'}>{message.text}</p>}
    </section>
  );
}
