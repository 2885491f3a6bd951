import { useTranslation } from 'react-i18next';
import {
  channelHref,
  customersHref,
  libraryHref,
  pricesHref,
  schedulesHref,
  settingsHref,
  teamsHref,
  type NavPage,
} from '../../app/route.ts';
import {
  Building2,
  CalendarClock,
  Coins,
  PhoneCall,
  Settings,
  Users,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import { AccountHeader } from '../../account/AccountHeader.tsx';
import { WorkspaceSyncBar } from '../../remote/WorkspaceSyncBar.tsx';
import { ThemeButton } from '../../ui/ThemeButton.tsx';
import { WorkspaceFileActions } from './WorkspaceFileActions.tsx';
import './workspace.css';

const items: { page: NavPage; href: string; Icon: LucideIcon }[] = [
  { page: 'library', href: libraryHref, Icon: Workflow },
  { page: 'teams', href: teamsHref, Icon: Users },
  { page: 'schedules', href: schedulesHref, Icon: CalendarClock },
  { page: 'channels', href: channelHref('phone-lines'), Icon: PhoneCall },
  { page: 'customers', href: customersHref, Icon: Building2 },
  { page: 'prices', href: pricesHref, Icon: Coins },
  { page: 'settings', href: settingsHref, Icon: Settings },
];

/**
 * The navigation at the top of every workspace page, the current page marked;
 * the workspace file's export and import, the theme, then the language and
 * the account (or "Browser only"); under it, in server mode, what waits to
 * be sent and the conflicts to resolve.
 */
export function TopNav({ current, onImported }: { current: NavPage; onImported: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <header className="topnav">
        <span className="topnav__brand" aria-hidden="true">
          <span className="topnav__logo">
            <PhoneCall size={14} />
          </span>
          Callbot
        </span>
        <nav aria-label={t('nav.label')}>
          <ul className="topnav__list">
            {items.map(({ page, href, Icon }) => (
              <li key={page}>
                <a
                  className="topnav__link"
                  href={href}
                  aria-current={page === current ? 'page' : undefined}
                >
                  <Icon aria-hidden="true" size={16} />
                  {t(`nav.${page}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <WorkspaceFileActions onImported={onImported} />
        <ThemeButton />
        <AccountHeader />
      </header>
      <WorkspaceSyncBar />
    </>
  );
}
