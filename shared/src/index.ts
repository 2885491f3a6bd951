/**
 * @callbot/shared: the flow document, node kinds, validation, schedules and
 * the compiler to xstate. Pure TypeScript; no DOM, no React, no raw time.
 */
export * from './document/diagnostic.ts';
export * from './document/ids.ts';
export * from './document/schema.ts';
export * from './document/load.ts';
export * from './document/create.ts';
export * from './document/language.ts';
export * from './document/diff.ts';
export * from './document/own.ts';
export * from './migrations/index.ts';
export * from './nodes/index.ts';
export type { BaseNode, NodeKind, PortDef } from './nodes/kind.ts';
export {
  optionPort,
  speechMatches,
  normalizeSpeech,
  isDtmfKey,
  DTMF_KEYS,
} from './nodes/menu/index.ts';
export * from './schedules/index.ts';
export * from './speech/estimate.ts';
export * from './validation/validate.ts';
export * from './compiler/actions.ts';
export * from './compiler/machineConfig.ts';
export * from './compiler/compile.ts';
export * from './compiler/guards.ts';
export * from './compiler/events.ts';
export * from './billing/index.ts';
export * from './workspace/index.ts';
export { scheduleNodeDataSchema, type ScheduleNodeData } from './nodes/schedule/index.ts';
export { DEFAULT_MAX_WAIT_SECONDS, MAX_WAIT_BOUNDS } from './nodes/transfer/index.ts';
export * from './whatsapp/index.ts';
export * from './api/publish.ts';
export * from './api/accounts.ts';
export * from './api/workspace.ts';
export * from './api/records.ts';
export * from './api/published.ts';
export * from './api/provider.ts';
export * from './provider/sandbox.ts';
export * from './api/calls.ts';
export * from './api/usage.ts';
