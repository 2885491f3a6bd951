import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { examples } from '@callbot/runtime';
import { createFlow, type FlowDocument } from '@callbot/shared';
import { expect, userEvent, within } from 'storybook/test';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createEditorStore } from '../editor/store.ts';
import { CompiledMachineDialog, CompiledMachineView } from './CompiledMachineView.tsx';

function WithFlow({ doc, dialog }: { doc: FlowDocument; dialog: boolean }) {
  const [store] = useState(() => createEditorStore(structuredClone(doc)));
  return (
    <EditorProvider store={store}>
      <div style={{ padding: 16 }}>
        {dialog ? <CompiledMachineDialog /> : <CompiledMachineView />}
      </div>
    </EditorProvider>
  );
}

const meta = {
  title: 'Checking/CompiledMachineView',
  component: WithFlow,
  args: { doc: examples.reception, dialog: false },
} satisfies Meta<typeof WithFlow>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The reception example's machine, as a tab would show it. */
export const Reception: Story = {};

/** A flow with an error does not compile: the view says why. */
export const DoesNotCompile: Story = {
  args: { doc: { ...createFlow('Broken'), nodes: [] } },
};

/** Opened from the toolbar button, in a dialog. */
export const InADialog: Story = {
  args: { dialog: true },
  play: async ({ canvasElement }) => {
    const page = within(canvasElement);
    await userEvent.click(page.getByRole('button', { name: 'Compiled machine' }));
    const dialog = page.getByRole('dialog', { name: 'Compiled machine' });
    await expect(
      within(dialog).getByRole('region', { name: 'States and transitions of the machine' }),
    ).toHaveTextContent('listening');
    await userEvent.click(within(dialog).getByRole('tab', { name: 'JSON' }));
    await expect(within(dialog).getByLabelText('Machine JSON')).toHaveTextContent(
      '"id": "callbot"',
    );
  },
};
