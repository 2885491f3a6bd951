import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FlowDocument } from '@callbot/shared';
import type { EditorStore } from '../editor/store.ts';
import { InspectorHarness } from './InspectorHarness.tsx';

/** Renders the inspector on its own store, for tests: the store, the user, the nodes. */
export function renderInspector(options: { doc?: FlowDocument; selected?: string[] } = {}) {
  let store: EditorStore | undefined;
  const user = userEvent.setup();
  const view = render(<InspectorHarness {...options} onStore={(s) => (store = s)} />);
  const editor = store!;
  const node = (id: string) => editor.getState().doc.nodes.find((n) => n.id === id)!;
  return { ...view, user, store: editor, node };
}
