import {
  Fragment,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useReducer,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { RotateCw } from 'lucide-react';
import { Button } from '../ui/Button.tsx';
import { useAccountState, useOptionalAccount } from './AccountContext.tsx';
import './account.css';

// The screens before the app load when shown: a browser-only designer never fetches them.
const SetupPage = lazy(() => import('./SetupPage.tsx').then((m) => ({ default: m.SetupPage })));
const SignInPage = lazy(() => import('./SignInPage.tsx').then((m) => ({ default: m.SignInPage })));
const InvitationPage = lazy(() =>
  import('./InvitationPage.tsx').then((m) => ({ default: m.InvitationPage })),
);
const NoWorkspacePage = lazy(() =>
  import('./NoWorkspacePage.tsx').then((m) => ({ default: m.NoWorkspacePage })),
);

/** The links the server hands out: its setup link and invitation links. */
const SETUP_PATH = '/setup';
const INVITE_PATH = '/invite';

/**
 * The app behind the session: browser-only (no server) it is shown at once,
 * as before accounts; served by a callbot server, it needs the server set up
 * (`/setup?token=…`), someone signed in, and a workspace, and an invitation
 * link (`/invite?token=…`) is answered first. The app is mounted again when
 * the workspace changes.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const account = useOptionalAccount();
  const state = useAccountState();
  // Read at each render: the address changes only through `leave` (which renders again).
  const path = window.location.pathname;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [token] = useState(() => new URLSearchParams(window.location.search).get('token'));
  /** Back to the app's own address: the link's token leaves the address bar and the history. */
  const leave = useCallback(() => {
    window.history.replaceState(null, '', `/${window.location.hash}`);
    rerender();
  }, []);
  // Signed in already when the setup link is opened again: the app, at its own address.
  const signedInAtSetup = state.status === 'signedIn' && path === SETUP_PATH;
  useEffect(() => {
    if (signedInAtSetup) window.history.replaceState(null, '', `/${window.location.hash}`);
  }, [signedInAtSetup]);

  const screen = (() => {
    switch (state.status) {
      case 'checking':
        return <p className="account-loading">{t('account.checking')}</p>;
      case 'browserOnly':
        return children;
      case 'unavailable':
        return (
          <div className="account-loading" role="alert">
            <p>{t('account.unavailable', { message: state.message })}</p>
            <Button icon={<RotateCw />} onClick={() => void account?.start()}>
              {t('account.retry')}
            </Button>
          </div>
        );
      case 'signedOut':
        if (path === INVITE_PATH) return <InvitationPage token={token} onDone={leave} />;
        if (state.setupNeeded) return <SetupPage token={token} onDone={leave} />;
        return (
          <SignInPage
            notice={state.ended ? 'ended' : path === SETUP_PATH ? 'setupDone' : undefined}
            onSignedIn={path === SETUP_PATH ? leave : undefined}
          />
        );
      case 'signedIn':
        if (path === INVITE_PATH) return <InvitationPage token={token} onDone={leave} />;
        if (state.workspaceId === null) return <NoWorkspacePage />;
        return <Fragment key={state.workspaceId}>{children}</Fragment>;
    }
  })();
  return (
    <Suspense fallback={<p className="account-loading">{t('app.openingPage')}</p>}>
      {screen}
    </Suspense>
  );
}
