import { useMemo } from 'react';
import { findNamed } from '@callbot/shared';
import { useBotsIfAny, useTeamsIfAny } from '../app/WorkspaceContext.tsx';

/** The name the workspace gives a team or bot a node names: "Vendas" for `vendas`. */
export type NameOf = (collection: 'teams' | 'bots', ref: string) => string;

/** Where no workspace is given (a node previewed alone), a node's reference as written. */
export const asWritten: NameOf = (_collection, ref) => ref;

/**
 * `NameOf` from the workspace's teams and bots, found as a call finds them
 * (`findNamed`: by id or by the same name); a reference the workspace lacks
 * stays as written (the checks say it is missing).
 */
export function useWorkspaceNames(): NameOf {
  const teams = useTeamsIfAny()?.value?.items;
  const bots = useBotsIfAny()?.value?.items;
  return useMemo(() => {
    if (!teams && !bots) return asWritten;
    return (collection, ref) =>
      findNamed((collection === 'teams' ? teams : bots) ?? [], ref)?.name ?? ref;
  }, [teams, bots]);
}
