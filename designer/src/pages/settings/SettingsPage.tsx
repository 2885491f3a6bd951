import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getCountries } from 'libphonenumber-js';
import { callbotLanguages, roleAtLeast, timeZoneSchema } from '@callbot/shared';
import { useCurrentWorkspace, useOptionalAccount } from '../../account/AccountContext.tsx';
import { useSettings, useWorkspace } from '../../app/WorkspaceContext.tsx';
import { workspaceMessage } from '../../app/workspaceMessages.ts';
import { workspaceSyncOf } from '../../persistence/remote/sync.ts';
import { Save } from 'lucide-react';
import { Button } from '../../ui/Button.tsx';
import { Select, TextField } from '../../ui/Field.tsx';
import { timeZones } from './timeZones.ts';
import './settings.css';
import { EditOnly, ReadOnlyFields } from '../../account/ReadOnly.tsx';

type Language = (typeof callbotLanguages)[number];

/**
 * The workspace's settings: its time zone (searchable among the IANA zones)
 * and country — this browser's own in browser-only mode — and, on a server,
 * its name (an owner's to change) and the language of the default callbot's
 * prompts.
 */
export function SettingsPage() {
  const {
    t,
    i18n: { language: uiLanguage },
  } = useTranslation();
  const workspace = useWorkspace();
  const sync = workspaceSyncOf(workspace);
  const current = useCurrentWorkspace();
  const account = useOptionalAccount();
  const settings = useSettings();
  const zones = useMemo(() => timeZones(), []);
  const countries = useMemo(() => {
    const names = new Intl.DisplayNames([uiLanguage], { type: 'region' });
    return getCountries()
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, uiLanguage));
  }, [uiLanguage]);

  const [form, setForm] = useState<{
    name: string;
    timeZone: string;
    country: string;
    language: Language;
  } | null>(null);
  const [message, setMessage] = useState<{ alert: boolean; text: string } | null>(null);

  // The form starts from what is stored, once read (and again after a save).
  const stored = settings.value?.settings;
  const [server, setServer] = useState<{ name: string; language: Language } | null>(null);
  useEffect(() => {
    if (!sync) return;
    let live = true;
    sync.readServerSettings().then(
      (read) => live && setServer({ name: read.name, language: read.defaultCallbotLanguage }),
      (error: unknown) => live && setMessage({ alert: true, text: workspaceMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [sync]);
  const ready = stored !== undefined && (!sync || server !== null);
  if (ready && form === null) {
    setForm({
      name: server?.name ?? '',
      timeZone: stored.timeZone,
      country: stored.country,
      language: server?.language ?? 'pt-BR',
    });
  }

  const owner = current !== null && roleAtLeast(current.workspace.role, 'owner');
  // Any zone the engine knows (an alias too, e.g. America/Argentina/Buenos_Aires), as the server checks it.
  const zoneKnown = form === null || timeZoneSchema.safeParse(form.timeZone).success;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!form || !zoneKnown) return;
    setMessage(null);
    try {
      await workspace.updateSettings({ timeZone: form.timeZone, country: form.country });
      if (sync && server) {
        if (owner && form.name.trim() !== server.name) {
          await sync.renameWorkspace(form.name.trim());
          // The header names the workspace too.
          await account?.refresh().catch(() => {});
        }
        if (form.language !== server.language) await sync.saveCallbotLanguage(form.language);
        setServer({ name: form.name.trim(), language: form.language });
      }
      setMessage({ alert: false, text: t('wspages.settings.saved') });
    } catch (error) {
      setMessage({ alert: true, text: workspaceMessage(error) });
    }
  };

  return (
    <div className="workspace-page settings-page">
      <h1>{t('wspages.settings.title')}</h1>
      <p className="workspace-page__lead">{t('wspages.settings.intro')}</p>
      {!sync && <p className="settings-page__note">{t('wspages.settings.browserOnly')}</p>}
      {settings.error && <p role="alert">{settings.error}</p>}
      {form && (
        <ReadOnlyFields>
          <form className="settings-page__form" onSubmit={(e) => void save(e)}>
            {sync && (
              <TextField
                label={t('wspages.settings.name')}
                value={form.name}
                maxLength={100}
                required
                readOnly={!owner}
                hint={owner ? undefined : t('wspages.settings.ownerOnly')}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
              />
            )}
            <TextField
              label={t('wspages.settings.timeZone')}
              value={form.timeZone}
              list="settings-time-zones"
              autoComplete="off"
              spellCheck={false}
              hint={t('wspages.settings.timeZoneHelp')}
              error={
                zoneKnown
                  ? undefined
                  : t('wspages.settings.timeZoneUnknown', { zone: form.timeZone })
              }
              onChange={(e) => setForm({ ...form, timeZone: e.target.value })}
            />
            <datalist id="settings-time-zones">
              {zones.map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
            <Select
              label={t('wspages.settings.country')}
              value={form.country}
              onChange={(e) => setForm({ ...form, country: e.target.value })}
            >
              {countries.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </Select>
            {sync && (
              <Select
                label={t('wspages.settings.language')}
                value={form.language}
                onChange={(e) => setForm({ ...form, language: e.target.value as Language })}
              >
                {callbotLanguages.map((code) => (
                  <option key={code} value={code}>
                    {t(`wspages.settings.languages.${code}`)}
                  </option>
                ))}
              </Select>
            )}
            <EditOnly>
              <div>
                <Button type="submit" variant="primary" icon={<Save />} disabled={!zoneKnown}>
                  {t('wspages.settings.save')}
                </Button>
              </div>
            </EditOnly>
          </form>
        </ReadOnlyFields>
      )}
      {message && (
        <p role={message.alert ? 'alert' : 'status'} className="settings-page__message">
          {message.text}
        </p>
      )}
    </div>
  );
}
