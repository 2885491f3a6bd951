import { lazy, Suspense, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute, type Route } from './app/route.ts';
import { LibraryPage } from './pages/library/LibraryPage.tsx';
import { TopNav } from './pages/workspace/TopNav.tsx';

// The editor (canvas, inspector, checks) and the workspace pages load when
// opened, so the library, the first screen, stays small.
const EditorPage = lazy(() =>
  import('./pages/editor/EditorPage.tsx').then((m) => ({ default: m.EditorPage })),
);
const TeamsPage = lazy(() =>
  import('./pages/workspace/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })),
);
const SchedulesPage = lazy(() =>
  import('./pages/workspace/SchedulesPage.tsx').then((m) => ({ default: m.SchedulesPage })),
);
const ChannelsPage = lazy(() =>
  import('./pages/channels/ChannelsPage.tsx').then((m) => ({ default: m.ChannelsPage })),
);
const CustomersPage = lazy(() =>
  import('./pages/customers/CustomersPage.tsx').then((m) => ({ default: m.CustomersPage })),
);
const PricesPage = lazy(() =>
  import('./pages/workspace/PricesPage.tsx').then((m) => ({ default: m.PricesPage })),
);
const SettingsPage = lazy(() =>
  import('./pages/settings/SettingsPage.tsx').then((m) => ({ default: m.SettingsPage })),
);
const MembersPage = lazy(() =>
  import('./account/MembersPage.tsx').then((m) => ({ default: m.MembersPage })),
);
const CallsPage = lazy(() =>
  import('./pages/calls/CallsPage.tsx').then((m) => ({ default: m.CallsPage })),
);
const TokensPage = lazy(() =>
  import('./account/TokensPage.tsx').then((m) => ({ default: m.TokensPage })),
);

function workspacePage(route: Exclude<Route, { page: 'editor' }>): ReactNode {
  switch (route.page) {
    case 'library':
      return <LibraryPage />;
    case 'teams':
      return <TeamsPage />;
    case 'schedules':
      return <SchedulesPage selectedId={route.scheduleId} />;
    case 'channels':
      return <ChannelsPage channel={route.channel} />;
    case 'customers':
      return <CustomersPage />;
    case 'prices':
      return <PricesPage />;
    case 'settings':
      return <SettingsPage />;
    case 'members':
      return <MembersPage />;
    case 'tokens':
      return <TokensPage />;
    case 'calls':
      return <CallsPage view={route.view} callId={route.callId} query={route.query} />;
  }
}

/**
 * The designer, by the address's hash: one flow in the editor (with its own
 * header and a way back), or a workspace page under the top navigation.
 */
export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  // A workspace file imported: every page reads its lists again.
  const [imports, setImports] = useState(0);
  if (route.page === 'editor') {
    return (
      <Suspense fallback={<p className="editor__loading">{t('app.openingEditor')}</p>}>
        <EditorPage key={route.flowId} flowId={route.flowId} />
      </Suspense>
    );
  }
  return (
    <>
      <TopNav current={route.page} onImported={() => setImports((n) => n + 1)} />
      <main key={imports}>
        <Suspense fallback={<p className="page__loading">{t('app.openingPage')}</p>}>
          {workspacePage(route)}
        </Suspense>
      </main>
    </>
  );
}
