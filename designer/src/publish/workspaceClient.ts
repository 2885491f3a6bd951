/**
 * Publishing under the signed-in workspace (`@callbot/shared`'s
 * `api/published.ts`): no URL and no token, the session is enough. Answers
 * are parsed with the contract's schemas; failures are the workspace API's
 * `RemoteError`s, whose message is the server's own words.
 */
import {
  liveVersionSchema,
  publishedListSchema,
  workspacePublishedSchema,
  type PublishedList,
  type PublishedVersion,
  type WorkspacePublished,
} from '@callbot/shared';
import { createWorkspaceApi, type WorkspaceApi } from '../persistence/remote/api.ts';

export type { PublishedList, PublishedVersion, WorkspacePublished };

export interface WorkspacePublishClient {
  /** Checks, records and makes live a new version of the flow. */
  publish(flowId: string, doc: unknown, note: string): Promise<WorkspacePublished>;
  /** The versions (newest first), the live one, and the lines the callbot answers. */
  list(flowId: string): Promise<PublishedList>;
  /** Makes `version` the live one again. */
  makeLive(flowId: string, version: number): Promise<PublishedVersion>;
}

const flowPath = (flowId: string) => `/flows/${encodeURIComponent(flowId)}`;

/**
 * @example
 * const client = workspacePublishClient(createWorkspaceApi({ workspaceId }));
 * await client.publish('recepcao', doc, '');
 */
export function workspacePublishClient(api: Pick<WorkspaceApi, 'request'>): WorkspacePublishClient {
  return {
    publish: (flowId, doc, note) =>
      api.request(workspacePublishedSchema, 'POST', `${flowPath(flowId)}/publish`, {
        doc,
        ...(note.trim() !== '' && { note: note.trim() }),
      }),
    list: (flowId) => api.request(publishedListSchema, 'GET', `${flowPath(flowId)}/published`),
    makeLive: async (flowId, version) =>
      (await api.request(liveVersionSchema, 'POST', `${flowPath(flowId)}/rollback`, { version }))
        .live,
  };
}

/** The client of the signed-in user's workspace `workspaceId` (same origin, session cookie). */
export const clientOfWorkspace = (workspaceId: string): WorkspacePublishClient =>
  workspacePublishClient(createWorkspaceApi({ workspaceId }));
