import { useState, type ReactNode } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlow, ReactFlowProvider, type Node } from '@xyflow/react';
import { examples } from '@callbot/runtime';
import { createFlow, type FlowDocument } from '@callbot/shared';
import { expect, userEvent, within } from 'storybook/test';
import { EditorProvider, useEditor } from '../editor/EditorContext.tsx';
import { createEditorStore, type EditorState } from '../editor/store.ts';
import { ChecksPanel } from './ChecksPanel.tsx';

const selectCanvas = (s: EditorState) => ({ doc: s.doc, selected: s.selection.nodes });

/** A bare canvas of the document, so choosing a diagnostic shows the centring. */
function PlainCanvas() {
  const { doc, selected } = useEditor(selectCanvas);
  const nodes: Node[] = doc.nodes.map((n) => ({
    id: n.id,
    position: doc.layout.nodes[n.id] ?? { x: 0, y: 0 },
    data: { label: n.label ?? n.id },
    selected: selected.includes(n.id),
  }));
  const edges = doc.nodes.flatMap((n) =>
    Object.entries(n.connections).map(([port, target]) => ({
      id: `${n.id}:${port}`,
      source: n.id,
      target,
    })),
  );
  return <ReactFlow aria-label="Flow canvas" nodes={nodes} edges={edges} fitView />;
}

function Designer({ doc, children }: { doc: FlowDocument; children: ReactNode }) {
  // One store per story render, like one per open flow.
  const [store] = useState(() => createEditorStore(structuredClone(doc)));
  return (
    <ReactFlowProvider>
      <EditorProvider store={store}>
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 360px', height: '100vh' }}>
          <PlainCanvas />
          {children}
        </div>
      </EditorProvider>
    </ReactFlowProvider>
  );
}

/** A new flow with a message nothing leads to, and an output leading nowhere. */
function brokenFlow(): FlowDocument {
  const store = createEditorStore(createFlow('Broken'));
  store
    .getState()
    .dispatch('addNode', { kind: 'message', position: { x: 300, y: 160 }, id: 'lost' });
  store.getState().dispatch('connect', { source: 'greeting', port: 'next', target: 'ghost' });
  return store.getState().doc;
}

const meta = {
  title: 'Checking/ChecksPanel',
  component: ChecksPanel,
  render: (_args, { parameters }) => (
    <Designer doc={(parameters as { doc: FlowDocument }).doc}>
      <ChecksPanel />
    </Designer>
  ),
} satisfies Meta<typeof ChecksPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The reception example: nothing to fix. */
export const NoProblems: Story = {
  parameters: { doc: examples.reception },
  play: async ({ canvasElement }) => {
    const panel = within(canvasElement).getByRole('region', { name: 'Checks' });
    await expect(within(panel).getByRole('status')).toHaveTextContent('No problems');
  },
};

/** Errors first, then warnings; choosing one selects and centres its node. */
export const Problems: Story = {
  parameters: { doc: brokenFlow() },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    const panel = page.getByRole('region', { name: 'Checks' });
    await expect(within(panel).getByRole('status')).toHaveTextContent('2 errors, 3 warnings');
    await userEvent.click(within(panel).getByRole('button', { name: /No call can reach "lost"/ }));
    await expect(canvasElement.querySelector('.react-flow__node.selected')).toHaveTextContent(
      'lost',
    );
  },
};
