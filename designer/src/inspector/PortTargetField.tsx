import { kindOf, type Diagnostic, type FlowDocument, type FlowNode } from '@callbot/shared';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import type { EditorState } from '../editor/store.ts';
import { i18n } from '../i18n/index.ts';
import { kindTitle, portLabel } from '../i18n/nodeTerms.ts';
import { SelectField, type SelectOption } from './FormFields.tsx';

// One list per document version and language, shared by every target select.
const choicesCache = new WeakMap<FlowDocument['nodes'], Map<string, SelectOption[]>>();

/** Every node of the flow as a choice of target, named as on the canvas (kinds in `language`). */
export function nodeChoices(
  nodes: FlowDocument['nodes'],
  language: string = i18n.language,
): SelectOption[] {
  let byLanguage = choicesCache.get(nodes);
  if (!byLanguage) choicesCache.set(nodes, (byLanguage = new Map<string, SelectOption[]>()));
  let choices = byLanguage.get(language);
  if (!choices) {
    const t = i18n.getFixedT(language);
    choices = nodes.map((n) => ({
      value: n.id,
      label: `${n.label ? `${n.label} (${n.id})` : n.id} · ${kindTitle(n.kind, t)}`,
    }));
    byLanguage.set(language, choices);
  }
  return choices;
}

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
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const choices = useEditor(
    useCallback((s: EditorState) => nodeChoices(s.doc.nodes, language), [language]),
  );
  const store = useEditorStore();
  const target = node.connections[port] ?? '';
  const missing = target !== '' && !choices.some((c) => c.value === target);
  const options: SelectOption[] = [
    { value: '', label: t('inspector.outputs.notConnected') },
    ...choices,
    ...(missing ? [{ value: target, label: t('inspector.outputs.missing', { id: target }) }] : []),
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
  const { t } = useTranslation();
  const ports = kindOf(node).ports(node.data);
  if (ports.length === 0) return null;
  return (
    <fieldset className="inspector__group">
      <legend>{t('inspector.outputs.legend')}</legend>
      <p className="field__hint">{t('inspector.outputs.hint')}</p>
      {ports.map((p) => (
        <PortTargetField
          key={p.id}
          node={node}
          port={p.id}
          label={
            p.id === 'next'
              ? t('inspector.outputs.then')
              : t('inspector.outputs.when', { port: portLabel(p, t) })
          }
          diagnostics={portDiagnostics(diagnostics, p.id)}
        />
      ))}
    </fieldset>
  );
}
