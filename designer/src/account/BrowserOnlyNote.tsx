import { useTranslation } from 'react-i18next';

/** An account page opened in a browser-only designer: there are no accounts here. */
export function BrowserOnlyNote() {
  const { t } = useTranslation();
  return (
    <div className="workspace-page">
      <p role="status">{t('account.browserOnlyHint')}</p>
    </div>
  );
}
