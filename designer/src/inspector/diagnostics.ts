import { validateFlow, type Diagnostic, type FlowDocument } from '@callbot/shared';
import type { EditorState } from '../editor/store.ts';
import { useEditor } from '../editor/EditorContext.tsx';

// Validation reads the nodes and the settings, never the layout, so a drag on
// the canvas (which changes only the layout) reuses the last result.
const cache = new WeakMap<FlowDocument['nodes'], WeakMap<FlowDocument['settings'], Diagnostic[]>>();

/** The flow's diagnostics, computed once per version of its nodes and settings. */
export function diagnosticsOf(doc: FlowDocument): Diagnostic[] {
  let bySettings = cache.get(doc.nodes);
  if (!bySettings) cache.set(doc.nodes, (bySettings = new WeakMap()));
  let diagnostics = bySettings.get(doc.settings);
  if (!diagnostics) bySettings.set(doc.settings, (diagnostics = validateFlow(doc)));
  return diagnostics;
}

const selectDiagnostics = (s: EditorState) => diagnosticsOf(s.doc);

/** The live diagnostics of the flow being edited. */
export const useDiagnostics = (): Diagnostic[] => useEditor(selectDiagnostics);

/**
 * Where a diagnostic points inside its node's data, e.g. `options[0].key` for
 * `nodes[3].data.options[0].key`; `''` for the data as a whole; `null` when
 * it points elsewhere (the node itself, its connections).
 */
export function dataPathOf(d: Diagnostic): string | null {
  const match = /^nodes\[\d+\]\.data(?:\.(.*))?$/.exec(d.path ?? '');
  return match ? (match[1] ?? '') : null;
}
