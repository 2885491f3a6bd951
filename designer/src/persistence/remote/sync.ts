import type { FlowRepository } from '../repository.ts';
import type { WorkspaceRepository } from '../workspaceRepository.ts';
import type { RemoteFlowRepository, RemoteSync } from './flowRepository.ts';
import type { RemoteWorkspaceRepository, RemoteWorkspaceSync } from './workspaceRepository.ts';

/**
 * The server-backed flows' sync, or null for the browser's own repository
 * (browser-only mode, tests). A module of its own, so the first screen asks
 * without loading the server-backed code.
 */
export const syncOf = (repository: FlowRepository): RemoteSync | null =>
  'sync' in repository ? (repository as RemoteFlowRepository).sync : null;

/** The server-backed workspace's sync, or null for the browser's own workspace repository. */
export const workspaceSyncOf = (repository: WorkspaceRepository): RemoteWorkspaceSync | null =>
  'sync' in repository ? (repository as RemoteWorkspaceRepository).sync : null;
