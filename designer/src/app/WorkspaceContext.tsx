import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  examplePriceTable,
  type Bot,
  type ChangeTable,
  type MonthToDate,
  type NamedSchedule,
  type PriceTable,
  type Team,
  type UsageQuery,
  type WorkspaceSettings,
} from '@callbot/shared';
import type {
  BrokenRecord,
  Listed,
  WorkspaceFlow,
  WorkspaceRepository,
} from '../persistence/index.ts';
import { workspaceMessage } from './workspaceMessages.ts';

const WorkspaceContext = createContext<WorkspaceRepository | null>(null);

/** Gives the pages the browser's workspace storage (a test one in tests and stories). */
export function WorkspaceProvider({
  repository,
  children,
}: {
  repository: WorkspaceRepository;
  children: ReactNode;
}) {
  return <WorkspaceContext.Provider value={repository}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceRepository {
  const repository = useContext(WorkspaceContext);
  if (!repository) throw new Error('useWorkspace must be used inside a WorkspaceProvider');
  return repository;
}

/** A read of the workspace: loading (`value` null), its value, or why it failed. */
export interface WorkspaceRead<T> {
  value: T | null;
  error: string | null;
}

/**
 * A read of the workspace and the tables it shows: read again when one of
 * them changed (or anything may have); every change when `tables` is absent.
 * Both must be stable (module constants).
 */
function useReadOn<T>(
  repository: WorkspaceRepository | null,
  read: (repository: WorkspaceRepository) => Promise<T>,
  tables?: readonly ChangeTable[],
): WorkspaceRead<T> {
  const [state, setState] = useState<WorkspaceRead<T>>({ value: null, error: null });
  useEffect(() => {
    if (!repository) return;
    let live = true;
    const load = () =>
      read(repository).then(
        (value) => live && setState({ value, error: null }),
        (error: unknown) => live && setState((s) => ({ ...s, error: workspaceMessage(error) })),
      );
    void load();
    const stop = repository.subscribe((changed) => {
      if (changed === undefined || !tables || tables.includes(changed)) void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [repository, read, tables]);
  return state;
}

/**
 * Reads from the workspace now and again after every change written through
 * it, or heard of in `tables` (all when absent). `read` and `tables` must be
 * stable (module constants).
 */
export const useWorkspaceRead = <T,>(
  read: (repository: WorkspaceRepository) => Promise<T>,
  tables?: readonly ChangeTable[],
) => useReadOn(useWorkspace(), read, tables);

const readTeams = (r: WorkspaceRepository) => r.listTeams();
const readSchedules = (r: WorkspaceRepository) => r.listSchedules();
const readFlows = (r: WorkspaceRepository) => r.listFlows();
const readSettings = (r: WorkspaceRepository) => r.readSettings();
const readBots = (r: WorkspaceRepository) => r.listBots();

/** What each read shows: the server's changes of other tables leave it as it is. */
const TEAMS: readonly ChangeTable[] = ['teams'];
const SCHEDULES: readonly ChangeTable[] = ['schedules'];
const FLOWS: readonly ChangeTable[] = ['flows'];
const BOTS: readonly ChangeTable[] = ['bots'];
// The default team is the Teams page's; the server mirrors it into the settings.
const SETTINGS: readonly ChangeTable[] = ['settings', 'teams'];
const USAGE: readonly ChangeTable[] = ['attempts', 'settings'];

/** The teams (by name) and the broken team records; e.g. agents per team for the simulator. */
export const useTeams = (): WorkspaceRead<Listed<Team>> => useWorkspaceRead(readTeams, TEAMS);
export const useSchedules = (): WorkspaceRead<Listed<NamedSchedule>> =>
  useWorkspaceRead(readSchedules, SCHEDULES);

/**
 * The named schedules where a workspace is given (the app), `null` where
 * none is (a node inspector shown on its own, in a story or test).
 */
export function useSchedulesIfAny(): WorkspaceRead<Listed<NamedSchedule>> | null {
  const repository = useContext(WorkspaceContext);
  const read = useReadOn(repository, readSchedules, SCHEDULES);
  return repository ? read : null;
}
/** The teams where a workspace is given (the app), `null` where none is (a panel in a story or test). */
export function useTeamsIfAny(): WorkspaceRead<Listed<Team>> | null {
  const repository = useContext(WorkspaceContext);
  const read = useReadOn(repository, readTeams, TEAMS);
  return repository ? read : null;
}
/** The bots where a workspace is given (the app), `null` where none is (a panel in a story or test). */
export function useBotsIfAny(): WorkspaceRead<Listed<Bot>> | null {
  const repository = useContext(WorkspaceContext);
  const read = useReadOn(repository, readBots, BOTS);
  return repository ? read : null;
}
/** The workspace's repository where one is given (the app), `null` where none is. */
export const useWorkspaceIfAny = (): WorkspaceRepository | null => useContext(WorkspaceContext);
export const useWorkspaceFlows = (): WorkspaceRead<WorkspaceFlow[]> =>
  useWorkspaceRead(readFlows, FLOWS);
export const useSettings = (): WorkspaceRead<{
  settings: WorkspaceSettings;
  broken: BrokenRecord[];
}> => useWorkspaceRead(readSettings, SETTINGS);

/**
 * The price table in use: the workspace's own, or `examplePriceTable` (its
 * `example` flag says "Example figures") while none is set, while loading,
 * or where no workspace is given (a panel in a story or test).
 */
export function usePriceTable(): PriceTable {
  const settings = useReadOn(useContext(WorkspaceContext), readSettings, SETTINGS);
  return settings.value?.settings.priceTable ?? examplePriceTable;
}

/** The workspace's country (its settings): `undefined` while loading, unset, or where no workspace is given. */
export function useWorkspaceCountry(): string | undefined {
  const settings = useReadOn(useContext(WorkspaceContext), readSettings);
  return settings.value?.settings.country;
}

/**
 * R21: the workspace's month-to-date volume at one price (see
 * `WorkspaceRepository.monthToDate`), read again after every change; `undefined`
 * while loading, where it cannot be read, or where no workspace is given.
 */
export function useMonthToDate({
  channel,
  direction,
  country,
}: UsageQuery): MonthToDate | undefined {
  const repository = useContext(WorkspaceContext);
  const [state, setState] = useState<{ key: string; value: MonthToDate } | null>(null);
  const key = `${channel}/${direction}/${country}`;
  useEffect(() => {
    if (!repository) return;
    let live = true;
    const load = () =>
      repository.monthToDate({ channel, direction, country }).then(
        (value) => live && setState({ key, value }),
        // Unknown volume: the panel prices the call at the first tier and says nothing of the month.
        () => live && setState(null),
      );
    void load();
    const stop = repository.subscribe((changed) => {
      if (changed === undefined || USAGE.includes(changed)) void load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [repository, channel, direction, country, key]);
  return state?.key === key ? state.value : undefined;
}
