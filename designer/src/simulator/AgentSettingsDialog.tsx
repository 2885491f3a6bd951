import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button.tsx';
import { Dialog } from '../ui/Dialog.tsx';
import { noAgentSettings, type AgentSettings } from './agentSettings.ts';

/** The designer's settings for AI agent turns in simulated calls: URL, model, API key. */
export function AgentSettingsDialog({
  settings,
  onSave,
  onClose,
}: {
  settings: AgentSettings;
  onSave: (settings: AgentSettings) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(settings);
  const field = (key: keyof AgentSettings, label: string, type = 'text') => (
    <label className="simsettings__field">
      {label}
      <input
        type={type}
        value={draft[key]}
        autoComplete="off"
        onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
      />
    </label>
  );
  return (
    <Dialog label={t('simulator.settings.title')} onClose={onClose}>
      <form
        className="simsettings"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(draft);
          onClose();
        }}
      >
        {field('url', t('simulator.settings.url'), 'url')}
        {field('model', t('simulator.settings.model'))}
        {field('apiKey', t('simulator.settings.apiKey'), 'password')}
        <p className="simsettings__note">{t('simulator.settings.note')}</p>
        <p>{t('simulator.settings.none')}</p>
        <div className="phone__row">
          <Button type="submit" variant="primary">
            {t('simulator.settings.save')}
          </Button>
          <Button
            onClick={() => {
              onSave(noAgentSettings);
              onClose();
            }}
          >
            {t('simulator.settings.forget')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
