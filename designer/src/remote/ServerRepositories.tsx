import { Suspense, use, useEffect, type ReactNode } from 'react';
import { useCurrentWorkspace } from '../account/AccountContext.tsx';
import { RepositoryProvider } from '../app/RepositoryContext.tsx';
import { WorkspaceProvider } from '../app/WorkspaceContext.tsx';
import type { FlowRepository, WorkspaceRepository } from '../persistence/index.ts';
import type { ServerFlows } from './openServerFlows.ts';

/**
 * One repository per user and workspace for the page's life: a workspace left
 * for another keeps sending what its outbox holds.
 */
const opened = new Map<string, Promise<ServerFlows>>();
function serverFlowsFor(workspaceId: string, userId: string): Promise<ServerFlows> {
  const key = `${userId}-${workspaceId}`;
  let flows = opened.get(key);
  if (!flows) {
    flows = import('./openServerFlows.ts').then((m) => m.openServerFlows(workspaceId, userId));
    opened.set(key, flows);
  }
  return flows;
}

function WithServerFlows({
  serverFlows,
  children,
}: {
  serverFlows: Promise<ServerFlows>;
  children: ReactNode;
}) {
  const { flows, workspace, listen } = use(serverFlows);
  useEffect(listen, [listen]);
  return (
    <RepositoryProvider repository={flows}>
      <WorkspaceProvider repository={workspace}>{children}</WorkspaceProvider>
    </RepositoryProvider>
  );
}

/**
 * Gives the pages the flows and the records of the workspace in use on the
 * server when a callbot server serves the designer and someone is signed in;
 * otherwise (browser-only) this browser's own, `browserFlows` and
 * `browserWorkspace`, unchanged. The workspace's event stream is listened to
 * while it is in use.
 */
export function ServerRepositories({
  browserFlows,
  browserWorkspace,
  children,
}: {
  browserFlows: FlowRepository;
  browserWorkspace: WorkspaceRepository;
  children: ReactNode;
}) {
  const current = useCurrentWorkspace();
  if (!current)
    return (
      <RepositoryProvider repository={browserFlows}>
        <WorkspaceProvider repository={browserWorkspace}>{children}</WorkspaceProvider>
      </RepositoryProvider>
    );
  return (
    <Suspense fallback={null}>
      <WithServerFlows
        key={current.workspace.id}
        serverFlows={serverFlowsFor(current.workspace.id, current.user.id)}
      >
        {children}
      </WithServerFlows>
    </Suspense>
  );
}
