import type { DroppedConnection, ImportResult } from '../../persistence/index.ts';

/** What the user should know about a flow just imported: it was renamed, or connections were dropped. */
export interface ImportNotice {
  name: string;
  renamedFrom?: string;
  dropped: DroppedConnection[];
}

/**
 * Notices of imports, by the id of the flow they made, kept until the editor
 * that opens the flow takes them: an import (from the library or dropped on
 * the canvas) opens the new flow at once, so the notice crosses that
 * navigation here. One-shot: taking a notice forgets it.
 */
const pending = new Map<string, ImportNotice>();

/** Keeps the notice of a successful import, when there is anything to say. */
export function rememberImport(result: Extract<ImportResult, { ok: true }>): void {
  if (result.renamedFrom === undefined && result.dropped.length === 0) return;
  pending.set(result.flow.id, {
    name: result.flow.name,
    dropped: result.dropped,
    ...(result.renamedFrom !== undefined && { renamedFrom: result.renamedFrom }),
  });
}

/** The notice of the import that made `flowId`, once; null when there is none. */
export function takeImportNotice(flowId: string): ImportNotice | null {
  const notice = pending.get(flowId) ?? null;
  pending.delete(flowId);
  return notice;
}
