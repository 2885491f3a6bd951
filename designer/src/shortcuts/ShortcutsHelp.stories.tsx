import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { ReactFlowProvider } from '@xyflow/react';
import { examples } from '@callbot/runtime';
import { expect, userEvent, within } from 'storybook/test';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore } from '../editor/store.ts';
import { KeyboardShortcuts } from './KeyboardShortcuts.tsx';
import { ShortcutList, ShortcutsHelp } from './ShortcutsHelp.tsx';
import { UndoRedo } from './UndoRedo.tsx';

/** The toolbar as the designer has it: history buttons, then the help button. */
function Toolbar() {
  const [store] = useState(() => createEditorStore(structuredClone(examples.reception)));
  return (
    <ReactFlowProvider>
      <EditorProvider store={store}>
        <div style={{ display: 'flex', gap: 8, padding: 16 }}>
          <UndoRedo />
          <button
            type="button"
            onClick={() => store.getState().dispatch('deleteNodes', { ids: ['tchau'] })}
          >
            Delete “tchau”
          </button>
          <KeyboardShortcuts />
        </div>
      </EditorProvider>
    </ReactFlowProvider>
  );
}

const meta = {
  title: 'Shortcuts/ShortcutsHelp',
  component: ShortcutsHelp,
  args: { open: false, onOpenChange: () => {} },
} satisfies Meta<typeof ShortcutsHelp>;

export default meta;
type Story = StoryObj<typeof meta>;

/** `?` or the button opens the help; Undo says what it would undo. */
export const InTheToolbar: Story = {
  render: () => <Toolbar />,
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
    await userEvent.click(page.getByRole('button', { name: 'Delete “tchau”' }));
    await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute(
      'title',
      expect.stringMatching(/^Undo Delete/),
    );
    await userEvent.click(page.getByRole('button', { name: 'Keyboard shortcuts' }));
    // The dialog is in the top layer, but still inside the story's root.
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toHaveTextContent('Undo');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
  },
};

/** The list alone, with Ctrl. */
export const ListOtherPlatforms: Story = {
  render: () => (
    <div style={{ maxWidth: 480, padding: 16 }}>
      <ShortcutList platform="other" />
    </div>
  ),
};

/** The list alone, with ⌘. */
export const ListMac: Story = {
  render: () => (
    <div style={{ maxWidth: 480, padding: 16 }}>
      <ShortcutList platform="mac" />
    </div>
  ),
};
