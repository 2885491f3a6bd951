import { lazy, Suspense, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  callsHref,
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
  ChartSpline,
  Coins,
  PhoneCall,
  Settings,
  Users,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import { useCurrentWorkspace } from '../../account/AccountContext.tsx';
import { AccountHeader } from '../../account/AccountHeader.tsx';
import { Tooltip } from '../../ui/Tooltip.tsx';
import { useCompact } from '../../ui/useCompact.ts';
import { WorkspaceFileActions } from './WorkspaceFileActions.tsx';
import './workspace.css';

/** The workspace's sync bar: a server's workspace only, so loaded with it. */
const WorkspaceSyncBar = lazy(() =>
  import('../../remote/WorkspaceSyncBar.tsx').then((m) => ({ default: m.WorkspaceSyncBar })),
);

/** `server`: only when a callbot server serves the designer (the calls it recorded). */
const items: { page: NavPage; href: string; Icon: LucideIcon; server?: true }[] = [
  { page: 'library', href: libraryHref, Icon: Workflow },
  { page: 'teams', href: teamsHref, Icon: Users },
  { page: 'schedules', href: schedulesHref, Icon: CalendarClock },
  { page: 'channels', href: channelHref('phone-lines'), Icon: PhoneCall },
  { page: 'customers', href: customersHref, Icon: Building2 },
  { page: 'prices', href: pricesHref, Icon: Coins },
  { page: 'settings', href: settingsHref, Icon: Settings },
  { page: 'calls', href: callsHref(), Icon: ChartSpline, server: true },
];

/**
 * The navigation at the top of every workspace page, the current page marked;
 * a menu of the less used actions (the workspace file, the theme), then the
 * language and the account (or "Browser only"); under it, in server mode,
 * what waits to be sent and the conflicts to resolve. Always one row: where
 * the names do not fit (a narrow window, a longer language), the pages other
 * than the current one show their icon only, named by a tooltip and for
 * screen readers.
 */
export function TopNav({ current, onImported }: { current: NavPage; onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const served = useCurrentWorkspace() !== null;
  const shown = items.filter((item) => served || !item.server);
  const header = useRef<HTMLElement>(null);
  const compact = useCompact(header, `${i18n.language} ${shown.length}`);
  return (
    <>
      <header ref={header} className={compact ? 'topnav topnav--compact' : 'topnav'}>
        <span className="topnav__brand" aria-hidden="true">
          <span className="topnav__logo">
            <PhoneCall size={14} />
          </span>
          Callbot
        </span>
        <nav aria-label={t('nav.label')}>
          <ul className="topnav__list">
            {shown.map(({ page, href, Icon }) => {
              const name = t(`nav.${page}`);
              const link = (
                <a
                  className="topnav__link"
                  href={href}
                  aria-current={page === current ? 'page' : undefined}
                >
                  <Icon aria-hidden="true" size={16} />
                  <span className={compact && page !== current ? 'visually-hidden' : undefined}>
                    {name}
                  </span>
                </a>
              );
              return (
                <li key={page}>
                  {compact && page !== current ? <Tooltip content={name}>{link}</Tooltip> : link}
                </li>
              );
            })}
          </ul>
        </nav>
        <WorkspaceFileActions onImported={onImported} />
        <AccountHeader />
      </header>
      {served && (
        <Suspense fallback={null}>
          <WorkspaceSyncBar />
        </Suspense>
      )}
    </>
  );
}
