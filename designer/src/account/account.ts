/**
 * Who is using the designer, outside React: whether a callbot server serves
 * it, whether someone is signed in, their workspaces and the one in use. The
 * session gate and the header render from this store; the account pages call
 * the server through `run`, which turns an ended session into the sign-in page.
 */
import type { User } from '@callbot/shared';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  AccountApiError,
  type AccountClient,
  type Session,
  type WorkspaceSummary,
} from './client.ts';

export type AccountState =
  /** Asking the page's origin for a session. */
  | { status: 'checking' }
  /** No callbot server serves the page: everything lives in this browser, as before accounts. */
  | { status: 'browserOnly' }
  /** A callbot server serves the page but failed to answer. */
  | { status: 'unavailable'; message: string }
  /** Served, nobody signed in; `ended`: a session ended under the user's feet. */
  | { status: 'signedOut'; setupNeeded: boolean; ended: boolean }
  | {
      status: 'signedIn';
      user: User;
      workspaces: WorkspaceSummary[];
      /** The workspace in use; null when the user belongs to none. */
      workspaceId: string | null;
    };

/** Where the workspace last used is remembered (per browser). */
export const WORKSPACE_STORAGE_KEY = 'callbot.designer.workspace';

function remembered(): string | null {
  try {
    return globalThis.localStorage?.getItem(WORKSPACE_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function remember(workspaceId: string) {
  try {
    globalThis.localStorage?.setItem(WORKSPACE_STORAGE_KEY, workspaceId);
  } catch {
    // No storage (a private window): the first workspace is used next time.
  }
}

export interface Account {
  readonly client: AccountClient;
  readonly store: StoreApi<AccountState>;
  /**
   * Probes the server (or reads `answered`, its answer to `GET /api/session`
   * already received); resolves once the state is known (never rejects).
   */
  start(answered?: Response): Promise<void>;
  /** Takes a session answer (setup, sign-in, an accepted invitation, a refresh). */
  adopt(session: Session, workspaceId?: string): void;
  /** Reads the session again (a workspace gone, a role changed). */
  refresh(): Promise<void>;
  signOut(): Promise<void>;
  chooseWorkspace(workspaceId: string): void;
  /** A workspace just created by the user: listed and chosen. */
  addWorkspace(workspace: WorkspaceSummary): void;
  /**
   * Runs a call of the accounts API for the signed-in user: a 401 (the session
   * ended) signs out, a 404 (the workspace is gone or the user was removed)
   * reads the session again; the error is thrown on either way, for the page
   * to say.
   */
  run<T>(call: (client: AccountClient) => Promise<T>): Promise<T>;
}

export function createAccount(client: AccountClient): Account {
  const store = createStore<AccountState>(() => ({ status: 'checking' }));

  const adopt = (session: Session, workspaceId?: string) => {
    if (!session.user) {
      store.setState({ status: 'signedOut', setupNeeded: session.setupNeeded, ended: false }, true);
      return;
    }
    const state = store.getState();
    const wanted =
      workspaceId ?? (state.status === 'signedIn' ? state.workspaceId : null) ?? remembered();
    const chosen = session.workspaces.find((w) => w.id === wanted) ?? session.workspaces[0];
    store.setState(
      {
        status: 'signedIn',
        user: session.user,
        workspaces: session.workspaces,
        workspaceId: chosen?.id ?? null,
      },
      true,
    );
    if (chosen) remember(chosen.id);
  };

  const ended = () =>
    store.setState({ status: 'signedOut', setupNeeded: false, ended: true }, true);

  const account: Account = {
    client,
    store,
    async start(answered) {
      try {
        const probe = await client.probe(answered);
        if (probe.served) adopt(probe.session);
        else store.setState({ status: 'browserOnly' }, true);
      } catch (error) {
        store.setState({ status: 'unavailable', message: (error as Error).message }, true);
      }
    },
    adopt,
    async refresh() {
      adopt(await client.session());
    },
    async signOut() {
      try {
        await client.logout();
      } finally {
        store.setState({ status: 'signedOut', setupNeeded: false, ended: false }, true);
      }
    },
    chooseWorkspace(workspaceId) {
      const state = store.getState();
      if (state.status !== 'signedIn' || !state.workspaces.some((w) => w.id === workspaceId)) {
        return;
      }
      store.setState({ ...state, workspaceId });
      remember(workspaceId);
    },
    addWorkspace(workspace) {
      const state = store.getState();
      if (state.status !== 'signedIn') return;
      store.setState({
        ...state,
        workspaces: [...state.workspaces.filter((w) => w.id !== workspace.id), workspace],
        workspaceId: workspace.id,
      });
      remember(workspace.id);
    },
    async run(call) {
      try {
        return await call(client);
      } catch (error) {
        if (error instanceof AccountApiError) {
          if (error.kind === 'unauthorized') ended();
          else if (error.kind === 'notFound' || error.kind === 'forbidden') {
            await account.refresh().catch(() => {});
          }
        }
        throw error;
      }
    },
  };
  return account;
}
