import { useTranslation } from 'react-i18next';
import { channelHref, channelPages, type ChannelPage } from '../../app/route.ts';
import { PhoneLinesPage } from './PhoneLinesPage.tsx';
import { ProviderSettings } from './ProviderSettings.tsx';
import { SipLinesPage } from './SipLinesPage.tsx';
import { WhatsAppPage } from './WhatsAppPage.tsx';
import { useLines } from './data.ts';
import './channels.css';
import { EditOnly, ReadOnlyFields } from '../../account/ReadOnly.tsx';

const kindOf = { 'phone-lines': 'purchased', whatsapp: 'whatsapp', sip: 'sip' } as const;

/**
 * Channels & integrations > Channels: the overview of the lines by kind
 * (with "Create new WhatsApp line", R8) and the page of one kind; read-only
 * for a trainer or a viewer.
 */
export function ChannelsPage({ channel }: { channel: ChannelPage }) {
  const { t } = useTranslation();
  const lines = useLines().value?.items ?? [];
  const count = (page: ChannelPage) => lines.filter((l) => l.kind === kindOf[page]).length;
  return (
    <div className="workspace-page channels">
      <nav aria-label={t('channels.breadcrumb.label')} className="channels__breadcrumb">
        <ol>
          <li>{t('channels.breadcrumb.integrations')}</li>
          <li>{t('channels.breadcrumb.channels')}</li>
          <li aria-current="page">{t(`channels.tabs.${channel}`)}</li>
        </ol>
      </nav>
      <h1>{t('channels.title')}</h1>
      <nav aria-label={t('channels.overview')} className="channels__overview">
        <ul>
          {channelPages.map((page) => (
            <li key={page}>
              <a href={channelHref(page)} aria-current={page === channel ? 'page' : undefined}>
                {t(`channels.tabs.${page}`)} ({count(page)})
              </a>
            </li>
          ))}
          <EditOnly>
            <li>
              <a href={channelHref('whatsapp')} className="channels__create-whatsapp">
                {t('channels.whatsapp.create')}
              </a>
            </li>
          </EditOnly>
        </ul>
      </nav>
      <ReadOnlyFields>
        {channel === 'phone-lines' && <PhoneLinesPage />}
        {channel === 'whatsapp' && <WhatsAppPage />}
        {channel === 'sip' && <SipLinesPage />}
        <ProviderSettings />
      </ReadOnlyFields>
    </div>
  );
}
