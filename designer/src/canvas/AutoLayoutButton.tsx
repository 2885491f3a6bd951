import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { autoLayout } from './autoLayout.ts';
import { nodeSizesOf, useNodeUIs } from './NodeUIContext.tsx';
import { fullNodeSizes } from './nodeSizes.ts';
import { FIT_VIEW_OPTIONS } from './viewport.ts';

/**
 * Lays the whole flow out again, as one step that undo takes back. Uses the
 * sizes nodes have in full detail, whatever the zoom (zoomed out, nodes are
 * drawn smaller than they are), so the layout never overlaps them.
 */
export function AutoLayoutButton() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const flow = useReactFlow();
  const canvas = useStoreApi();
  const registry = useNodeUIs();
  const [busy, setBusy] = useState(false);

  const run = async () => {
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

  return (
    <button type="button" onClick={() => void run()} disabled={busy}>
      {t('canvas.autoLayout')}
    </button>
  );
}
