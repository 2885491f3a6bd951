import { useMemo } from 'react';
import {
  compileFlow,
  unknownReferenceDiagnostics,
  validateFlow,
  type CompileResult,
  type Diagnostic,
  type FlowDocument,
} from '@callbot/shared';
import { useBotsIfAny, useTeamsIfAny } from '../app/WorkspaceContext.tsx';
import { useEditor } from './EditorContext.tsx';
import { i18n, type Translate } from '../i18n/index.ts';
import type { EditorState } from './store.ts';

// Validation and compilation are derived from the document, never stored.
// Documents are immutable, so one result per document serves every component
// that asks (the checks panel, the inspector, node badges, the compiled view),
// and an old document's result goes when the document does. Validation reads
// the nodes and the settings, never the layout, so a drag on the canvas (which
// changes only the layout) reuses the last result.
const validated = new WeakMap<
  FlowDocument['nodes'],
  WeakMap<FlowDocument['settings'], Diagnostic[]>
>();
const compiled = new WeakMap<FlowDocument, CompileResult>();

/** The diagnostics of a document, computed once per version of its nodes and settings. */
export function diagnosticsOf(doc: FlowDocument): Diagnostic[] {
  let bySettings = validated.get(doc.nodes);
  if (!bySettings) validated.set(doc.nodes, (bySettings = new WeakMap()));
  let diagnostics = bySettings.get(doc.settings);
  if (!diagnostics) bySettings.set(doc.settings, (diagnostics = validateFlow(doc)));
  return diagnostics;
}

/** The compiled machine (or why there is none), computed once per document object. */
export function compiledOf(doc: FlowDocument): CompileResult {
  let result = compiled.get(doc);
  if (!result) {
    result = compileFlow(doc);
    compiled.set(doc, result);
  }
  return result;
}

/** Errors first, then warnings, each in the validator's order. */
export function bySeverity(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [
    ...diagnostics.filter((d) => d.severity === 'error'),
    ...diagnostics.filter((d) => d.severity !== 'error'),
  ];
}

/** "2 errors, 1 warning", "1 warning" or "No problems", in the UI language. */
export function summarize(diagnostics: readonly Diagnostic[], t: Translate = i18n.t): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const parts = [
    errors > 0 && t('common.errors', { count: errors }),
    warnings > 0 && t('common.warnings', { count: warnings }),
  ].filter((p) => p !== false);
  return parts.length > 0 ? parts.join(', ') : t('checks.none');
}

export const selectDoc = (state: EditorState) => state.doc;

/**
 * The current document's diagnostics, live; where a workspace is given, also
 * its transfers' teams and fallback bots' bots that the workspace lacks
 * (`unknownReferences`), as the inspector says under the field: errors where
 * the workspace has records of that kind (the server's publish refuses the
 * flow), warnings where it has none yet (a browser-only demo's, or one being
 * set up), whose records the inspector offers to create.
 */
export function useDiagnostics(): Diagnostic[] {
  const doc = useEditor(selectDoc);
  const teams = useTeamsIfAny()?.value?.items;
  const bots = useBotsIfAny()?.value?.items;
  return useMemo(() => {
    const own = diagnosticsOf(doc);
    if (!teams && !bots) return own;
    const known = (d: Diagnostic) => (d.code === 'transfer.unknownTeam' ? teams : bots);
    const unknown = unknownReferenceDiagnostics(doc, { teams: teams ?? [], bots: bots ?? [] })
      .filter((d) => known(d) !== undefined)
      .map((d): Diagnostic => (known(d)?.length ? d : { ...d, severity: 'warning' }));
    return unknown.length > 0 ? [...own, ...unknown] : own;
  }, [doc, teams, bots]);
}

/** The current document compiled, live. */
export function useCompiled(): CompileResult {
  const doc = useEditor(selectDoc);
  return useMemo(() => compiledOf(doc), [doc]);
}
