import type { FlowDocument } from '@callbot/shared';
import { useState } from 'react';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore, type EditorStore } from '../editor/store.ts';
import { Inspector } from '../inspector/Inspector.tsx';
import { sampleFlow } from '../inspector/sampleFlow.ts';
import { WithNodeUIs } from './WithNodeUIs.tsx';

export interface InspectorHarnessProps {
  /** The flow to edit; the sample flow by default. */
  doc?: FlowDocument;
  /** Ids of the nodes selected at first. */
  selected?: string[];
  /** Receives the store, for tests that read the document back. */
  onStore?: (store: EditorStore) => void;
}

/** The inspector alone, on its own editor store with the app's node kinds: for stories and tests. */
export function InspectorHarness({ doc, selected = [], onStore }: InspectorHarnessProps) {
  const [store] = useState(() => {
    const created = createEditorStore(doc ?? sampleFlow());
    created.getState().select({ nodes: selected });
    onStore?.(created);
    return created;
  });
  return (
    <WithNodeUIs>
      <EditorProvider store={store}>
        <div style={{ height: '100vh', display: 'flex', justifyContent: 'flex-end' }}>
          <Inspector />
        </div>
      </EditorProvider>
    </WithNodeUIs>
  );
}
