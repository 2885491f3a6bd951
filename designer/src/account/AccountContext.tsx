import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { User } from '@callbot/shared';
import type { Account, AccountState } from './account.ts';
import type { WorkspaceSummary } from './client.ts';

const AccountContext = createContext<Account | null>(null);

/**
 * Gives the app the account (main.tsx); without one (null, or no provider, as
 * in tests of other pages) the designer is browser-only.
 */
export function AccountProvider({
  account,
  children,
}: {
  account: Account | null;
  children: ReactNode;
}) {
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

/** The account, for pages that call the server (only rendered when one serves the designer). */
export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount needs an AccountProvider.');
  return account;
}

/** The account, or null when the designer is browser-only. */
export function useOptionalAccount(): Account | null {
  return useContext(AccountContext);
}

const browserOnly: AccountState = { status: 'browserOnly' };
const noStore = { subscribe: () => () => {}, getState: () => browserOnly };

/** The account's state; browser-only when there is no account. */
export function useAccountState(): AccountState {
  const store = useContext(AccountContext)?.store ?? noStore;
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The signed-in user and the workspace in use, or null (browser-only, signed out, no workspace). */
export function useCurrentWorkspace(): { user: User; workspace: WorkspaceSummary } | null {
  const state = useAccountState();
  if (state.status !== 'signedIn') return null;
  const workspace = state.workspaces.find((w) => w.id === state.workspaceId);
  return workspace ? { user: state.user, workspace } : null;
}

/**
 * The role that only looks at the workspace in use (trainer, viewer): flows open read-only and
 * the pages offer no editing action, as the server refuses them. Null: may edit (an editor, an
 * owner, or the browser-only designer).
 */
export function useReadOnlyRole(): 'trainer' | 'viewer' | null {
  const role = useCurrentWorkspace()?.workspace.role;
  return role === 'trainer' || role === 'viewer' ? role : null;
}
