import { useMemo } from 'react';
import type { Line, Team } from '@callbot/shared';
import type { Listed, WorkspaceRepository } from '../../persistence/index.ts';
import {
  useSettings,
  useTeams,
  useWorkspace,
  useWorkspaceFlows,
  useWorkspaceRead,
  type WorkspaceRead,
} from '../../app/WorkspaceContext.tsx';
import { useChannelServices } from './services.tsx';
import type { LineDeps } from './lineCommands.ts';
import { formatPhone } from '../../forms/phone.ts';

const readLines = (r: WorkspaceRepository) => r.listLines();

const LINES = ['lines'] as const;

/** The workspace's lines, re-read after every change of them. */
export const useLines = (): WorkspaceRead<Listed<Line>> => useWorkspaceRead(readLines, LINES);

/** The storage, provider, clock and ids the line commands need. */
export function useLineDeps(): LineDeps {
  const workspace = useWorkspace();
  const { provider, now, newId } = useChannelServices();
  return useMemo(() => ({ workspace, provider, now, newId }), [workspace, provider, now, newId]);
}

/** What a line's callbot section needs to say who answers it (R9). */
export interface AnsweringContext {
  callbots: { id: string; name: string }[];
  flows: { id: string; name: string }[];
  defaultTeam?: Team;
}

export function useAnsweringContext(): AnsweringContext {
  const flowList = useWorkspaceFlows().value;
  const teamList = useTeams().value;
  const defaultTeamId = useSettings().value?.settings.defaultTeamId;
  return useMemo(() => {
    const flows = flowList ?? [];
    const teams = teamList?.items ?? [];
    return {
      callbots: flows.filter((f) => f.callbot).map(({ id, name }) => ({ id, name })),
      flows: flows.map(({ id, name }) => ({ id, name })),
      defaultTeam: teams.find((t) => t.id === defaultTeamId) ?? teams.find((t) => t.isDefault),
    };
  }, [flowList, teamList, defaultTeamId]);
}

/** How a line is named in the UI: its number (formatted for its country), or a SIP line's label. */
export const lineName = (line: Line): string =>
  line.kind === 'sip'
    ? line.number
      ? `${line.label} (${formatPhone(line.number)})`
      : line.label
    : formatPhone(line.number);
