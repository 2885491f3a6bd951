import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '@callbot/shared';
import { useCurrentWorkspace } from '../../account/AccountContext.tsx';
import { BrowserOnlyNote } from '../../account/BrowserOnlyNote.tsx';
import { callsHref, callsViews, type CallsView } from '../../app/route.ts';
import { CallsClientProvider } from './callsContext.ts';
import { createCallsClient } from './callsClient.ts';
import { CallList } from './CallList.tsx';
import './calls.css';

// One call and the analytics draw the canvas (and the charts): they load when opened.
const CallView = lazy(() => import('./CallView.tsx').then((m) => ({ default: m.CallView })));
const LiveView = lazy(() => import('./LiveView.tsx').then((m) => ({ default: m.LiveView })));
const AnalyticsView = lazy(() =>
  import('./AnalyticsView.tsx').then((m) => ({ default: m.AnalyticsView })),
);
const CallSettingsView = lazy(() =>
  import('./CallSettingsView.tsx').then((m) => ({ default: m.CallSettingsView })),
);

/**
 * The workspace's calls, as a callbot server recorded them: the list (with
 * its filters in the URL), one call, the flow's analytics and the calls in
 * progress now. Browser-only, there are none.
 */
export function CallsPage({
  view,
  callId,
  query,
}: {
  view: CallsView;
  callId?: string | undefined;
  query: string;
}) {
  const current = useCurrentWorkspace();
  const workspaceId = current?.workspace.id;
  const client = useMemo(
    () => (workspaceId === undefined ? null : createCallsClient({ workspaceId })),
    [workspaceId],
  );
  if (!client) return <BrowserOnlyNote />;
  return (
    <CallsClientProvider value={client}>
      <CallsViews view={view} callId={callId} query={query} />
    </CallsClientProvider>
  );
}

/** The calls page's views, under its own small navigation; given a client (the app's, or a test's). */
export function CallsViews({
  view,
  callId,
  query,
}: {
  view: CallsView;
  callId?: string | undefined;
  query: string;
}) {
  const { t } = useTranslation();
  const role = useCurrentWorkspace()?.workspace.role;
  return (
    <div className="workspace-page calls-page">
      <nav aria-label={t('calls.viewsLabel')} className="calls-page__views">
        {callsViews
          .filter((v) => v !== 'call')
          .map((v) => (
            <a
              key={v}
              href={callsHref(v)}
              className="calls-page__view"
              aria-current={v === view || (v === 'list' && view === 'call') ? 'page' : undefined}
            >
              {v === 'settings' ? t('callRecords.view') : t(`calls.views.${v}`)}
            </a>
          ))}
      </nav>
      <Suspense fallback={<p className="page__loading">{t('app.openingPage')}</p>}>
        {view === 'list' && <CallList query={query} />}
        {view === 'call' && callId !== undefined && (
          <CallView key={callId} sid={callId} backQuery={query} />
        )}
        {view === 'analytics' && <AnalyticsView query={query} />}
        {view === 'live' && <LiveView />}
        {view === 'settings' && (
          <CallSettingsView owner={role !== undefined && roleAtLeast(role, 'owner')} />
        )}
      </Suspense>
    </div>
  );
}
