import { useReactFlow, useStoreApi } from '@xyflow/react';
import { Network } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canPerform, performAction, type PageCapabilities } from '../editor/actions.ts';
import { useEditor, useEditorStore } from '../editor/EditorContext.tsx';
import { IconButton } from '../ui/Button.tsx';
import { autoLayout } from './autoLayout.ts';
import { nodeSizesOf, useNodeUIs } from './NodeUIContext.tsx';
import { fullNodeSizes } from './nodeSizes.ts';
import { FIT_VIEW_OPTIONS } from './viewport.ts';

const selectHasNodes = (s: { doc: { nodes: readonly unknown[] } }) => s.doc.nodes.length > 0;

/**
 * The header's "Auto layout" icon button: runs the registry's `autoLayout`
 * command, for which this canvas lays the whole flow out again (one step
 * that undo takes back) and frames it. Uses the sizes nodes have in full
 * detail, whatever the zoom (zoomed out, nodes are drawn smaller than they
 * are), so the layout never overlaps them.
 */
export function AutoLayoutButton() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const flow = useReactFlow();
  const canvas = useStoreApi();
  const registry = useNodeUIs();
  const [busy, setBusy] = useState(false);
  // Drawn again when the flow gains or loses its nodes: the command's `enabled` reads them.
  useEditor(selectHasNodes);

  const layOut = async () => {
    setBusy(true);
    try {
      const sizes = nodeSizesOf(registry, fullNodeSizes(canvas));
      const positions = await autoLayout(store.getState().doc, sizes);
      store.getState().dispatch('autoLayout', { positions });
      // Let React Flow place the nodes before framing them.
      requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW_OPTIONS, duration: 300 }));
    } finally {
      setBusy(false);
    }
  };
  const page: PageCapabilities = { layOut: () => void layOut() };

  return (
    <IconButton
      label={t('shortcuts.actions.autoLayout')}
      icon={<Network />}
      onClick={() => performAction('autoLayout', { store, page })}
      disabled={busy || !canPerform('autoLayout', store.getState(), page)}
    />
  );
}
