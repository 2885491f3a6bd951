import { nodeKinds, type Diagnostic, type FlowNode } from '@callbot/shared';
import { useCallback, useId, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { kindTitle } from '../i18n/nodeTerms.ts';
import { useNodeUIs } from '../canvas/NodeUIContext.tsx';
import { DiagnosticNote, ReadOnlyField, TextField } from './FormFields.tsx';
import { errorAt } from './issues.ts';
import { Outputs } from './PortTargetField.tsx';
import { useDiagnostics } from './diagnostics.ts';

/** The label (node name) field every kind has, checked by the kind's node schema. */
function LabelField({ node }: { node: FlowNode }) {
  const { t } = useTranslation();
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
      label={t('inspector.name')}
      value={node.label ?? ''}
      placeholder={node.id}
      check={check}
      commit={(text) =>
        store
          .getState()
          .dispatch('updateNode', { id: node.id, label: text.trim() === '' ? null : text })
      }
      hint={t('inspector.nameHint')}
    />
  );
}

/** Every diagnostic about the node, whatever field it concerns. */
export function NodeChecks({
  diagnostics,
  title,
  empty,
}: {
  diagnostics: readonly Diagnostic[];
  /** "Checks" by default. */
  title?: string;
  /** What is said when there is nothing here: "No problems found." by default. */
  empty?: string;
}) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <section className="inspector__checks" aria-labelledby={titleId}>
      <h3 id={titleId}>{title ?? t('inspector.checks')}</h3>
      {diagnostics.length === 0 ? (
        <p className="field__hint">{empty ?? t('inspector.noProblems')}</p>
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
  const { t } = useTranslation();
  const node = useEditor(
    useCallback((s: EditorState) => s.doc.nodes.find((n) => n.id === id), [id]),
  );
  const all = useDiagnostics();
  const registry = useNodeUIs();
  if (!node) return <p className="inspector__empty">{t('inspector.nodeGone')}</p>;
  const diagnostics = all.filter((d) => d.nodeId === node.id);
  const entry = registry[node.kind];
  const Form = entry.Inspector as ComponentType<{ node: FlowNode }>;
  return (
    <>
      <header className="inspector__header">
        <p className="inspector__kind">{kindTitle(node.kind, t)}</p>
        <h2 className="inspector__title">{node.label ?? node.id}</h2>
      </header>
      <div className="inspector__body">
        <LabelField node={node} />
        <ReadOnlyField label={t('inspector.id')} value={node.id} />
        <Form node={node} />
        {!entry.ownsOutputs && <Outputs node={node} diagnostics={diagnostics} />}
        <NodeChecks diagnostics={diagnostics} />
      </div>
    </>
  );
}
