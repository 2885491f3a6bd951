import { kindOf, nodeKinds, type Diagnostic, type FlowNode } from '@callbot/shared';
import { useCallback, useId, type ComponentType } from 'react';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { inspectors } from '../nodes/inspectors.ts';
import { DiagnosticNote, ReadOnlyField, TextField } from './FormFields.tsx';
import { errorAt } from './issues.ts';
import { Outputs } from './PortTargetField.tsx';
import { useDiagnostics } from './diagnostics.ts';

/** The label (node name) field every kind has, checked by the kind's node schema. */
function LabelField({ node }: { node: FlowNode }) {
  const store = useEditorStore();
  const check = (text: string) =>
    errorAt(
      nodeKinds[node.kind].schema.safeParse({
        ...node,
        label: text === '' ? undefined : text,
      }),
      ['label'],
    );
  return (
    <TextField
      label="Name"
      value={node.label ?? ''}
      placeholder={node.id}
      check={check}
      commit={(text) =>
        store
          .getState()
          .dispatch('updateNode', { id: node.id, label: text.trim() === '' ? null : text })
      }
      hint="Shown on the canvas and in diagnostics. Empty: the id is shown."
    />
  );
}

/** Every diagnostic about the node, whatever field it concerns. */
export function NodeChecks({
  diagnostics,
  title = 'Checks',
}: {
  diagnostics: readonly Diagnostic[];
  title?: string;
}) {
  const titleId = useId();
  return (
    <section className="inspector__checks" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {diagnostics.length === 0 ? (
        <p className="field__hint">No problems found.</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={`${d.code}-${i}`}>
              <DiagnosticNote diagnostic={d} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The form of one node: its name and id, its kind's own fields, its outputs and its checks. */
export function NodeInspector({ id }: { id: string }) {
  const node = useEditor(
    useCallback((s: EditorState) => s.doc.nodes.find((n) => n.id === id), [id]),
  );
  const all = useDiagnostics();
  if (!node) return <p className="inspector__empty">This node no longer exists.</p>;
  const diagnostics = all.filter((d) => d.nodeId === node.id);
  const entry = inspectors[node.kind];
  const Form = entry.Form as ComponentType<{ node: FlowNode }>;
  return (
    <>
      <header className="inspector__header">
        <p className="inspector__kind">{kindOf(node).title}</p>
        <h2 className="inspector__title">{node.label ?? node.id}</h2>
      </header>
      <div className="inspector__body">
        <LabelField node={node} />
        <ReadOnlyField label="Id" value={node.id} />
        <Form node={node} />
        {!entry.ownsOutputs && <Outputs node={node} diagnostics={diagnostics} />}
        <NodeChecks diagnostics={diagnostics} />
      </div>
    </>
  );
}
