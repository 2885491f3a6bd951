import { DesignerDb } from '../persistence/index.ts';
import {
  connectEvents,
  createOutbox,
  createRemoteFlowRepository,
  createWorkspaceApi,
  OutboxDb,
  type RemoteFlowRepository,
} from '../persistence/remote/index.ts';

/** A workspace's flows on the server, and the way to listen to its events (returns the stop). */
export interface ServerFlows {
  flows: RemoteFlowRepository;
  listen: () => () => void;
}

/**
 * The flows of a workspace on the server, cached in this browser per user and
 * workspace (loaded only when someone is signed in, off the first screen).
 */
export function openServerFlows(workspaceId: string, userId: string): ServerFlows {
  const api = createWorkspaceApi({ workspaceId });
  const key = `${userId}-${workspaceId}`;
  const outbox = createOutbox({
    db: new OutboxDb(key),
    send: async (id, doc, base) => (await api.saveFlow(id, doc, base)).revision,
    now: () => Date.now(),
  });
  const flows = createRemoteFlowRepository({
    api,
    cache: new DesignerDb({ name: `callbot-cache-${key}` }),
    outbox,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    selfId: userId,
  });
  return { flows, listen: () => connectEvents(api.eventsUrl, flows.sync) };
}
