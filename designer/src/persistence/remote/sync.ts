import type { FlowRepository } from '../repository.ts';
import type { RemoteFlowRepository, RemoteSync } from './flowRepository.ts';

/**
 * The server-backed flows' sync, or null for the browser's own repository
 * (browser-only mode, tests). A module of its own, so the first screen asks
 * without loading the server-backed code.
 */
export const syncOf = (repository: FlowRepository): RemoteSync | null =>
  'sync' in repository ? (repository as RemoteFlowRepository).sync : null;
