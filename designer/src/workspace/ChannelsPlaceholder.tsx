import { useTranslation } from 'react-i18next';

/** The channels and customers pages' place until the channels work fills it. */
export function ChannelsPlaceholder({ page }: { page: 'channels' | 'customers' }) {
  const { t } = useTranslation();
  return (
    <div className="workspace-page">
      <h1>{t(`nav.${page}`)}</h1>
      <p>{t('workspace.comingSoon')}</p>
    </div>
  );
}
