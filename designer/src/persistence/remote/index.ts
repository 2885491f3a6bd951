/** The workspace on a callbot server: its API client, the outbox of flow saves, the server-backed flow repository. */
export * from './api.ts';
export * from './outbox.ts';
export * from './flowRepository.ts';
export * from './events.ts';
export * from './sync.ts';
