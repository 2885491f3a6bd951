/**
 * The designer's local-first storage: flows, versions, autosave and the
 * watch on other tabs. UI-free; the only place that talks to IndexedDB.
 */
export * from './errors.ts';
export { DEFAULT_DB_NAME, DesignerDb } from './db.ts';
export type {
  DesignerDbOptions,
  FlowRecord,
  HistoryRecord,
  MetaRecord,
  StoredHistoryStep,
  PermissionRecord,
  SettingsRecord,
  TestCaseRecord,
  VersionRecord,
  WorkspaceRecord,
} from './db.ts';
export * from './names.ts';
export * from './repository.ts';
export * from './testCases.ts';
export * from './autosave.ts';
export * from './tabs.ts';
export * from './workspaceErrors.ts';
export * from './workspaceRepository.ts';
export * from './lazyWorkspace.ts';
export * from './workspaceFile.ts';
export * from './workspaceTabs.ts';
