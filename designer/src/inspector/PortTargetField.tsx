import { kindOf, type Diagnostic, type FlowDocument, type FlowNode } from '@callbot/shared';
import type { ReactNode } from 'react';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { SelectField, type SelectOption } from './FormFields.tsx';

const choicesCache = new WeakMap<FlowDocument['nodes'], SelectOption[]>();

/** Every node of the flow as a choice of target, named as on the canvas. */
export function nodeChoices(nodes: FlowDocument['nodes']): SelectOption[] {
  let choices = choicesCache.get(nodes);
  if (!choices) {
    choices = nodes.map((n) => ({
      value: n.id,
      label: `${n.label ? `${n.label} (${n.id})` : n.id} · ${kindOf(n).title}`,
    }));
    choicesCache.set(nodes, choices);
  }
  return choices;
}

const selectChoices = (s: EditorState) => nodeChoices(s.doc.nodes);

export interface PortTargetFieldProps {
  node: FlowNode;
  port: string;
  label: ReactNode;
  diagnostics?: readonly Diagnostic[];
  className?: string;
}

/**
 * Where one output of a node leads: a select of the flow's nodes, running
 * `connect` or `disconnect` on the port. The keyboard's way to draw an edge.
 */
export function PortTargetField({
  node,
  port,
  label,
  diagnostics,
  className,
}: PortTargetFieldProps) {
  const choices = useEditor(selectChoices);
  const store = useEditorStore();
  const target = node.connections[port] ?? '';
  const missing = target !== '' && !choices.some((c) => c.value === target);
  const options: SelectOption[] = [
    { value: '', label: 'Not connected' },
    ...choices,
    ...(missing ? [{ value: target, label: `${target} (missing)` }] : []),
  ];
  return (
    <SelectField
      label={label}
      value={target}
      options={options}
      className={className}
      diagnostics={diagnostics ?? []}
      onChange={(value) =>
        value === ''
          ? store.getState().dispatch('disconnect', { edges: [{ source: node.id, port }] })
          : store.getState().dispatch('connect', { source: node.id, port, target: value })
      }
    />
  );
}

/** The diagnostics about one output of a node (unconnected, leading nowhere). */
export const portDiagnostics = (diagnostics: readonly Diagnostic[], port: string) =>
  diagnostics.filter((d) => d.port === port);

/** Every output of a node with the node it leads to. */
export function Outputs({
  node,
  diagnostics,
}: {
  node: FlowNode;
  diagnostics: readonly Diagnostic[];
}) {
  const ports = kindOf(node).ports(node.data);
  if (ports.length === 0) return null;
  return (
    <fieldset className="inspector__group">
      <legend>Outputs</legend>
      <p className="field__hint">Where the call goes next. An output left unconnected hangs up.</p>
      {ports.map((p) => (
        <PortTargetField
          key={p.id}
          node={node}
          port={p.id}
          label={p.id === 'next' ? 'Then go to' : `When ${p.label}, go to`}
          diagnostics={portDiagnostics(diagnostics, p.id)}
        />
      ))}
    </fieldset>
  );
}
