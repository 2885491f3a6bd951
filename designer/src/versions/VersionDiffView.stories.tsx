import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import type { FlowDocument } from '@callbot/shared';
import { expect, userEvent, within } from 'storybook/test';
import { createEditorStore } from '../editor/store.ts';
import { VersionDiffView } from './VersionDiffView.tsx';

/** The reception example after a few edits, made with the editor's own commands. */
function editedReception(): FlowDocument {
  const editor = createEditorStore(structuredClone(examples.reception));
  const { getState } = editor;
  getState().dispatch('addNode', { kind: 'message', position: { x: 560, y: 150 }, id: 'aviso' });
  getState().dispatch('connect', { source: 'aviso', port: 'next', target: 'tchau' });
  getState().dispatch('updateNode', { id: 'greeting', data: { text: 'Olá! Bem-vindo à loja.' } });
  getState().dispatch('connect', { source: 'menu', port: 'noInput', target: 'tchau' });
  getState().dispatch('deleteNodes', { ids: ['bot-fora'] });
  getState().dispatch('moveNodes', { positions: { 't-recepcao': { x: 700, y: 560 } } });
  getState().dispatch('updateSettings', { noInputTimeoutMs: 8000 });
  return getState().doc;
}

const meta = {
  title: 'Versions/VersionDiffView',
  component: VersionDiffView,
  decorators: [
    (Story) => (
      <div style={{ height: '100vh', padding: 12, boxSizing: 'border-box' }}>
        <Story />
      </div>
    ),
  ],
  args: {
    before: examples.reception,
    after: editedReception(),
    beforeLabel: 'Before the changes · 1 Dec 2026, 10:00',
    afterLabel: 'The current flow',
    onBack: () => {},
  },
} satisfies Meta<typeof VersionDiffView>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Every kind of change at once: added, removed, changed, retargeted, moved, settings. */
export const ReceptionEdited: Story = {
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(page.getByRole('status')).toHaveTextContent(
      '2 added, 2 removed, 3 changed, 1 moved',
    );
    await userEvent.click(page.getByRole('button', { name: 'Removed Fallback bot “bot-fora”' }));
    await expect(
      page.getByRole('button', { name: 'Removed Fallback bot “bot-fora”' }),
    ).toHaveAttribute('aria-current', 'true');
  },
};

/** Two identical versions. */
export const NoDifferences: Story = {
  args: { after: structuredClone(examples.reception) },
};
