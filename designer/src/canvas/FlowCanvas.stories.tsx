import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { examples } from '@callbot/runtime';
import { createFlow, type FlowDocument, type FlowNode } from '@callbot/shared';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore } from '../editor/store.ts';
import { FindNode } from './FindNode.tsx';
import { FlowCanvas } from './FlowCanvas.tsx';
import { Palette } from './Palette.tsx';

/**
 * The canvas with its palette and search, on an editor store of their own:
 * how the app puts them together (one `ReactFlowProvider` around all three).
 */
function CanvasWorkspace({ doc }: { doc: FlowDocument }) {
  const [store] = useState(() => createEditorStore(structuredClone(doc)));
  return (
    <EditorProvider store={store}>
      <ReactFlowProvider>
        <div style={{ display: 'flex', height: '100vh' }}>
          <aside style={{ width: 200, borderRight: '1px solid #e5e7eb', background: '#fff' }}>
            <Palette />
          </aside>
          <main style={{ position: 'relative', flex: 1 }}>
            <div style={{ position: 'absolute', top: 10, left: 10, zIndex: 5 }}>
              <FindNode />
            </div>
            <FlowCanvas />
          </main>
        </div>
      </ReactFlowProvider>
    </EditorProvider>
  );
}

const meta = {
  title: 'Canvas/FlowCanvas',
  component: CanvasWorkspace,
} satisfies Meta<typeof CanvasWorkspace>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Reception: Story = {
  args: { doc: examples.reception },
};

export const AiAgent: Story = {
  args: { doc: examples.aiAgent },
};

export const NewFlow: Story = {
  args: { doc: createFlow('New flow') },
};

/** 2,000 messages in a grid, each leading to the next: to feel how the canvas copes. */
function largeFlow(count: number): FlowDocument {
  const doc = createFlow('Large flow');
  const ids = Array.from({ length: count }, (_, i) => `m${i}`);
  const nodes = ids.map((id, i): FlowNode => ({
    id,
    kind: 'message',
    data: { text: `Mensagem número ${i}.` },
    connections: i + 1 < count ? { next: ids[i + 1]! } : {},
  }));
  return {
    ...doc,
    nodes: [{ ...doc.nodes[0]!, connections: { next: 'm0' } }, ...nodes],
    layout: {
      nodes: Object.fromEntries([
        ['greeting', { x: -300, y: 0 }] as const,
        ...ids.map((id, i) => [id, { x: (i % 50) * 300, y: Math.floor(i / 50) * 200 }] as const),
      ]),
    },
  };
}

export const Large: Story = {
  args: { doc: largeFlow(2000) },
};
