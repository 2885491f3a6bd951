import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import {
  examplePriceTable,
  type Bot,
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

function useReadOn<T>(
  repository: WorkspaceRepository | null,
  read: (repository: WorkspaceRepository) => Promise<T>,
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
    const stop = repository.subscribe(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [repository, read]);
  return state;
}

/**
 * Reads from the workspace now and again after every change written through
 * it. `read` must be stable (a module function of the repository).
 */
export const useWorkspaceRead = <T,>(read: (repository: WorkspaceRepository) => Promise<T>) =>
  useReadOn(useWorkspace(), read);

const readTeams = (r: WorkspaceRepository) => r.listTeams();
const readSchedules = (r: WorkspaceRepository) => r.listSchedules();
const readFlows = (r: WorkspaceRepository) => r.listFlows();
const readSettings = (r: WorkspaceRepository) => r.readSettings();

/** The teams (by name) and the broken team records; e.g. agents per team for the simulator. */
export const useTeams = (): WorkspaceRead<Listed<Team>> => useWorkspaceRead(readTeams);
export const useSchedules = (): WorkspaceRead<Listed<NamedSchedule>> =>
  useWorkspaceRead(readSchedules);

/**
 * The named schedules where a workspace is given (the app), `null` where
 * none is (a node inspector shown on its own, in a story or test).
 */
export function useSchedulesIfAny(): WorkspaceRead<Listed<NamedSchedule>> | null {
  const repository = useContext(WorkspaceContext);
  const read = useReadOn(repository, readSchedules);
  return repository ? read : null;
}
/** The teams where a workspace is given (the app), `null` where none is (a panel in a story or test). */
export function useTeamsIfAny(): WorkspaceRead<Listed<Team>> | null {
  const repository = useContext(WorkspaceContext);
  const read = useReadOn(repository, readTeams);
  return repository ? read : null;
}
const readBots = (r: WorkspaceRepository) => r.listBots();
/** The bots where a workspace is given (the app), `null` where none is (a panel in a story or test). */
export function useBotsIfAny(): WorkspaceRead<Listed<Bot>> | null {
  const repository = useContext(WorkspaceContext);
  const read = useReadOn(repository, readBots);
  return repository ? read : null;
}
/** The workspace's repository where one is given (the app), `null` where none is. */
export const useWorkspaceIfAny = (): WorkspaceRepository | null => useContext(WorkspaceContext);
export const useWorkspaceFlows = (): WorkspaceRead<WorkspaceFlow[]> => useWorkspaceRead(readFlows);
export const useSettings = (): WorkspaceRead<{
  settings: WorkspaceSettings;
  broken: BrokenRecord[];
}> => useWorkspaceRead(readSettings);

/**
 * The price table in use: the workspace's own, or `examplePriceTable` (its
 * `example` flag says "Example figures") while none is set, while loading,
 * or where no workspace is given (a panel in a story or test).
 */
export function usePriceTable(): PriceTable {
  const settings = useReadOn(useContext(WorkspaceContext), readSettings);
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
    const stop = repository.subscribe(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, [repository, channel, direction, country, key]);
  return state?.key === key ? state.value : undefined;
}
