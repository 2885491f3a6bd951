import type { Diagnostic } from '@callbot/shared';

/**
 * The live diagnostics of the flow being edited: the same list as the checks
 * panel's (with the workspace's teams and bots the flow names but the
 * workspace lacks), so a node's form never says less than the panel.
 */
export { useDiagnostics } from '../editor/diagnostics.ts';

/**
 * Where a diagnostic points inside its node's data, e.g. `options[0].key` for
 * `nodes[3].data.options[0].key`; `''` for the data as a whole; `null` when
 * it points elsewhere (the node itself, its connections).
 */
export function dataPathOf(d: Diagnostic): string | null {
  const match = /^nodes\[\d+\]\.data(?:\.(.*))?$/.exec(d.path ?? '');
  return match ? (match[1] ?? '') : null;
}
