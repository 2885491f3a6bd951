import { useTranslation } from 'react-i18next';
import {
  channelHref,
  customersHref,
  libraryHref,
  pricesHref,
  schedulesHref,
  teamsHref,
  type NavPage,
} from '../app/route.ts';
import { LanguageSelect } from '../i18n/LanguageSelect.tsx';
import { WorkspaceFileActions } from './WorkspaceFileActions.tsx';
import './workspace.css';

const items: { page: NavPage; href: string }[] = [
  { page: 'library', href: libraryHref },
  { page: 'teams', href: teamsHref },
  { page: 'schedules', href: schedulesHref },
  { page: 'channels', href: channelHref('phone-lines') },
  { page: 'customers', href: customersHref },
  { page: 'prices', href: pricesHref },
];

/**
 * The navigation at the top of every workspace page, the current page marked;
 * the workspace file's export and import, and the language.
 */
export function TopNav({ current, onImported }: { current: NavPage; onImported: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="topnav">
      <nav aria-label={t('nav.label')}>
        <ul className="topnav__list">
          {items.map(({ page, href }) => (
            <li key={page}>
              <a
                className="topnav__link"
                href={href}
                aria-current={page === current ? 'page' : undefined}
              >
                {t(`nav.${page}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <WorkspaceFileActions onImported={onImported} />
      <LanguageSelect />
    </header>
  );
}
