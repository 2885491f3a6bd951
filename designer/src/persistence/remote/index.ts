/**
 * The workspace on a callbot server: its API client, the outbox of flow saves
 * and record changes, the server-backed flow and workspace repositories.
 */
export * from './api.ts';
export * from './outbox.ts';
export * from './flowRepository.ts';
export * from './events.ts';
export * from './sync.ts';
export * from './recordSync.ts';
export * from './workspaceRepository.ts';
export * from './keys.ts';
