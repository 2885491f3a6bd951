import { useMemo } from 'react';
import { formatPath, kindOf, type Diagnostic, type FlowNode } from '@callbot/shared';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { dataPathOf, useDiagnostics } from './diagnostics.ts';
import { describeIssue, errorAt, type ParseResult } from './issues.ts';
import { setIn, type Path } from './paths.ts';

/** What a kind's inspector form works with: its node's data, checked by the kind's schema. */
export interface NodeForm<D> {
  node: FlowNode;
  data: D;
  /** Why `value` at `path` would make the data invalid for the kind's schema; `null` when it would not. */
  check: (path: Path, value: unknown) => string | null;
  /** Writes `value` at `path` as one `updateNode` command, if the schema accepts it. */
  set: (path: Path, value: unknown) => boolean;
  /** Writes new data as one `updateNode` command, if the schema accepts it and it changed. */
  commit: (next: D) => boolean;
  /** The flow's diagnostics for this node's data at `path` or inside it. */
  diagnosticsAt: (path: Path) => Diagnostic[];
  /** Every diagnostic of the flow about this node. */
  diagnostics: Diagnostic[];
}

/**
 * The form state of one node: no copy of the data is kept here. Fields keep
 * their own drafts while the user types and hand checked values to `set`.
 */
export function useNodeForm<N extends FlowNode>(node: N): NodeForm<N['data']> {
  const store = useEditorStore();
  const all = useDiagnostics();
  const diagnostics = useMemo(() => all.filter((d) => d.nodeId === node.id), [all, node.id]);

  return useMemo(() => {
    const schema = kindOf(node).dataSchema;
    const parse = (candidate: unknown) => schema.safeParse(candidate) as ParseResult;
    const commit = (next: N['data']) => {
      if (!parse(next).success) return false;
      if (JSON.stringify(next) !== JSON.stringify(node.data)) {
        store.getState().dispatch('updateNode', { id: node.id, data: next });
      }
      return true;
    };
    return {
      node,
      data: node.data,
      check(path, value) {
        const result = parse(setIn(node.data, path, value));
        if (result.success) return null;
        // Another field's problem still blocks the commit, so say so here too.
        return errorAt(result, path) ?? describeIssue(result.error.issues[0]!);
      },
      set: (path, value) => commit(setIn(node.data, path, value) as N['data']),
      commit,
      diagnosticsAt(path) {
        const key = formatPath(path);
        return diagnostics.filter((d) => {
          const at = dataPathOf(d);
          return (
            at !== null &&
            (at === key || (key !== '' && (at.startsWith(`${key}.`) || at.startsWith(`${key}[`))))
          );
        });
      },
      diagnostics,
    };
  }, [node, store, diagnostics]);
}
