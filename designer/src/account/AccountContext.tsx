import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { User } from '@callbot/shared';
import type { Account, AccountState } from './account.ts';
import type { WorkspaceSummary } from './client.ts';

const AccountContext = createContext<Account | null>(null);

/** Gives the app the account (main.tsx); without it the designer is browser-only, as in tests. */
export function AccountProvider({ account, children }: { account: Account; children: ReactNode }) {
  return <AccountContext.Provider value={account}>{children}</AccountContext.Provider>;
}

/** The account, for pages that call the server (only rendered when one serves the designer). */
export function useAccount(): Account {
  const account = useContext(AccountContext);
  if (!account) throw new Error('useAccount needs an AccountProvider.');
  return account;
}

const browserOnly: AccountState = { status: 'browserOnly' };
const noStore = {
  getState: () => browserOnly,
  getInitialState: () => browserOnly,
  subscribe: () => () => {},
  setState: () => {},
};

/** The account's state; browser-only when no account is given (tests, stories of other pages). */
export function useAccountState(): AccountState {
  const account = useContext(AccountContext);
  return useStore(account?.store ?? noStore);
}

/** The signed-in user and the workspace in use, or null (browser-only, signed out, no workspace). */
export function useCurrentWorkspace(): { user: User; workspace: WorkspaceSummary } | null {
  const state = useAccountState();
  if (state.status !== 'signedIn') return null;
  const workspace = state.workspaces.find((w) => w.id === state.workspaceId);
  return workspace ? { user: state.user, workspace } : null;
}
