import { DesignerDb } from '../persistence/index.ts';
import {
  connectEvents,
  createOutbox,
  createRecordSender,
  createRemoteFlowRepository,
  createRemoteWorkspaceRepository,
  createWorkspaceApi,
  OutboxDb,
  type RemoteFlowRepository,
  type RemoteWorkspaceRepository,
} from '../persistence/remote/index.ts';

/** A workspace's flows and records on the server, and the way to listen to its events (returns the stop). */
export interface ServerFlows {
  flows: RemoteFlowRepository;
  workspace: RemoteWorkspaceRepository;
  listen: () => () => void;
}

/**
 * The flows and the records (teams, schedules, lines, customers, settings...)
 * of a workspace on the server, cached in this browser per user and
 * workspace, with one outbox for both (loaded only when someone is signed in,
 * off the first screen).
 */
export function openServerFlows(workspaceId: string, userId: string): ServerFlows {
  const api = createWorkspaceApi({ workspaceId });
  const key = `${userId}-${workspaceId}`;
  const outbox = createOutbox({
    db: new OutboxDb(key),
    send: (id, doc, base, callbot) => api.saveFlow(id, doc, base, callbot),
    sendRecord: createRecordSender(api),
    now: () => Date.now(),
  });
  const cache = new DesignerDb({ name: `callbot-cache-${key}` });
  const flows = createRemoteFlowRepository({
    api,
    cache,
    outbox,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    selfId: userId,
  });
  const workspace = createRemoteWorkspaceRepository({
    api,
    cache,
    outbox,
    now: () => Date.now(),
    newId: () => crypto.randomUUID(),
    refreshFlows: () => flows.list(),
  });
  return {
    flows,
    workspace,
    listen: () =>
      connectEvents(api.eventsUrl, {
        outbox,
        receive(event) {
          flows.sync.receive(event);
          workspace.sync.receive(event);
        },
      }),
  };
}
