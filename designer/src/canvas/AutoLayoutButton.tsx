import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../editor/EditorContext.tsx';
import { autoLayout } from './autoLayout.ts';

/** Lays the whole flow out again, as one step that undo takes back. */
export function AutoLayoutButton() {
  const { t } = useTranslation();
  const store = useEditorStore();
  const flow = useReactFlow();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const sizes = new Map(
        flow
          .getNodes()
          .filter((n) => n.measured?.width && n.measured.height)
          .map((n) => [n.id, { width: n.measured!.width!, height: n.measured!.height! }]),
      );
      const positions = await autoLayout(store.getState().doc, sizes);
      store.getState().dispatch('autoLayout', { positions });
      // Let React Flow place the nodes before framing them.
      requestAnimationFrame(() => void flow.fitView({ duration: 300 }));
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
