import type { WorkspaceRepository } from './workspaceRepository.ts';

/**
 * A workspace repository that loads the real one (and the workspace's schemas,
 * phone-number rules included) the first time it is used: the flows library,
 * the first screen, never asks the workspace anything, so it loads none of it.
 * Every method but `subscribe` returns a promise, so each waits for the load
 * and runs on the real repository (and it is no thenable itself); `subscribe` answers at once and attaches
 * the listener when the repository is there (or never, if stopped first).
 */
export function lazyWorkspaceRepository(
  load: () => Promise<WorkspaceRepository>,
): WorkspaceRepository {
  let loading: Promise<WorkspaceRepository> | undefined;
  const repository = () => (loading ??= load());
  const subscribe: WorkspaceRepository['subscribe'] = (listener) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    void repository().then((real) => {
      if (!stopped) stop = real.subscribe(listener);
    });
    return () => {
      stopped = true;
      stop?.();
    };
  };
  const later = <K extends Exclude<keyof WorkspaceRepository, 'subscribe'>>(name: K) =>
    ((...args: unknown[]) =>
      repository().then((real) =>
        (real[name] as (...a: unknown[]) => unknown).apply(real, args),
      )) as WorkspaceRepository[K];
  // Written out, not a Proxy: a method added to the interface and left out here is a type error.
  return {
    subscribe,
    readSettings: later('readSettings'),
    updateSettings: later('updateSettings'),
    listTeams: later('listTeams'),
    createTeam: later('createTeam'),
    updateTeam: later('updateTeam'),
    setDefaultTeam: later('setDefaultTeam'),
    deleteTeam: later('deleteTeam'),
    listBots: later('listBots'),
    createBot: later('createBot'),
    renameBot: later('renameBot'),
    deleteBot: later('deleteBot'),
    listSchedules: later('listSchedules'),
    createSchedule: later('createSchedule'),
    saveSchedule: later('saveSchedule'),
    deleteSchedule: later('deleteSchedule'),
    listFlows: later('listFlows'),
    setCallbot: later('setCallbot'),
    listLines: later('listLines'),
    putLine: later('putLine'),
    deleteLine: later('deleteLine'),
    listCustomers: later('listCustomers'),
    putCustomer: later('putCustomer'),
    deleteCustomer: later('deleteCustomer'),
    listPermissions: later('listPermissions'),
    putPermission: later('putPermission'),
    listCallAttempts: later('listCallAttempts'),
    addCallAttempt: later('addCallAttempt'),
    monthToDate: later('monthToDate'),
    exportWorkspace: later('exportWorkspace'),
    importWorkspace: later('importWorkspace'),
  } satisfies WorkspaceRepository;
}
