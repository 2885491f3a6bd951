import { useEffect, type ReactNode } from 'react';
import { useCurrentWorkspace } from '../account/AccountContext.tsx';
import { RepositoryProvider } from '../app/RepositoryContext.tsx';
import { DesignerDb, type FlowRepository } from '../persistence/index.ts';
import {
  connectEvents,
  createOutbox,
  createRemoteFlowRepository,
  createWorkspaceApi,
  OutboxDb,
  type RemoteFlowRepository,
} from '../persistence/remote/index.ts';

/**
 * One repository per user and workspace for the page's life: a workspace left
 * for another keeps sending what its outbox holds.
 */
const opened = new Map<string, RemoteFlowRepository>();
function serverFlowsFor(workspaceId: string, userId: string): RemoteFlowRepository {
  const key = `${userId}-${workspaceId}`;
  let flows = opened.get(key);
  if (!flows) opened.set(key, (flows = openServerFlows(workspaceId, userId)));
  return flows;
}

/** The flows of a workspace on the server, cached in this browser per user and workspace. */
function openServerFlows(workspaceId: string, userId: string): RemoteFlowRepository {
  const api = createWorkspaceApi({ workspaceId });
  const key = `${userId}-${workspaceId}`;
  const outbox = createOutbox({
    db: new OutboxDb(key),
    send: async (id, doc, base) => (await api.saveFlow(id, doc, base)).revision,
    now: () => Date.now(),
  });
  return createRemoteFlowRepository({
    api,
    cache: new DesignerDb({ name: `callbot-cache-${key}` }),
    outbox,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    selfId: userId,
  });
}

/**
 * Gives the pages the flows of the workspace in use on the server when a
 * callbot server serves the designer and someone is signed in; otherwise
 * (browser-only) this browser's own, `browserFlows`, unchanged. The
 * workspace's event stream is listened to while it is in use.
 */
export function ServerRepositories({
  browserFlows,
  children,
}: {
  browserFlows: FlowRepository;
  children: ReactNode;
}) {
  const current = useCurrentWorkspace();
  const workspaceId = current?.workspace.id;
  const userId = current?.user.id;
  const serverFlows = workspaceId && userId ? serverFlowsFor(workspaceId, userId) : null;
  useEffect(
    () => (serverFlows ? connectEvents(serverFlows.sync.eventsUrl, serverFlows.sync) : undefined),
    [serverFlows],
  );
  return (
    <RepositoryProvider repository={serverFlows ?? browserFlows}>{children}</RepositoryProvider>
  );
}
