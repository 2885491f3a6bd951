import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { examples } from '@callbot/runtime';
import { createFlow } from '@callbot/shared';
import { describe, expect, it } from 'vitest';
import { WorkspaceProvider } from '../app/WorkspaceContext.tsx';
import { EditorProvider } from '../editor/EditorContext.tsx';
import { createTestWorkspace } from '../persistence/testing.ts';
import { createEditorStore, type EditorStore } from '../editor/store.ts';
import { ChecksPanel } from './ChecksPanel.tsx';
import { performAction } from '../editor/actions.ts';

function renderPanel(store: EditorStore) {
  return render(
    <ReactFlowProvider>
      <EditorProvider store={store}>
        <ChecksPanel />
      </EditorProvider>
    </ReactFlowProvider>,
  );
}

/** A new flow with a message nothing leads to, and an output leading nowhere. */
function brokenFlow(): EditorStore {
  const store = createEditorStore(createFlow('Broken'));
  store.getState().dispatch('addNode', { kind: 'message', position: { x: 300, y: 0 }, id: 'lost' });
  store.getState().dispatch('connect', { source: 'greeting', port: 'next', target: 'ghost' });
  return store;
}

describe('ChecksPanel', () => {
  it('says there is no problem in the reception example', () => {
    renderPanel(createEditorStore(structuredClone(examples.reception)));
    const panel = screen.getByRole('region', { name: 'Checks' });
    expect(within(panel).getByRole('status').textContent).toBe('No problems');
    expect(within(panel).queryAllByRole('button')).toHaveLength(0);
  });

  it('lists the diagnostics of a broken flow, errors first, with their hints', () => {
    renderPanel(brokenFlow());
    const panel = screen.getByRole('region', { name: 'Checks' });
    expect(within(panel).getByRole('status').textContent).toBe('2 errors, 3 warnings');

    const items = within(panel).getAllByRole('button');
    expect(items.map((b) => b.textContent)).toEqual([
      'Error The "next" output of "greeting" leads to "ghost", which does not exist.',
      'Error The message is empty: the bot would have nothing to say.',
      expect.stringMatching(/^Warning The "next" output of "lost" is not connected/),
      expect.stringMatching(/^Warning No call can reach "tchau"/),
      expect.stringMatching(/^Warning No call can reach "lost"/),
    ]);
    const missing = within(panel).getByRole('button', {
      name: /^Error .*leads to "ghost"/,
      description: 'Connect it to an existing node.',
    });
    expect(missing).toBeDefined();
    expect(
      within(panel).getByRole('button', { name: /^Warning No call can reach "lost"/ }),
    ).toBeDefined();
  });

  it('selects the node of the diagnostic clicked', async () => {
    const store = brokenFlow();
    store.getState().select({ nodes: ['greeting'], edges: ['greeting:next'] });
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: /No call can reach "lost"/ }));
    expect(store.getState().selection).toEqual({ nodes: ['lost'], edges: [] });
  });

  it('selects a node that has no position without failing', async () => {
    const store = brokenFlow();
    const { doc } = store.getState();
    act(() => store.setState({ doc: { ...doc, layout: { nodes: { greeting: { x: 0, y: 0 } } } } }));
    renderPanel(store);
    await userEvent.click(screen.getByRole('button', { name: /No call can reach "lost"/ }));
    expect(store.getState().selection.nodes).toEqual(['lost']);
  });

  it('follows the document as it is edited, and as edits are undone', () => {
    const store = createEditorStore(structuredClone(examples.reception));
    renderPanel(store);
    const status = screen.getByRole('status');
    act(() => store.getState().dispatch('deleteNodes', { ids: ['tchau'] }));
    expect(status.textContent).not.toBe('No problems');
    expect(screen.getAllByRole('button').length).toBeGreaterThan(0);
    act(() => {
      performAction('undo', { store, page: {} });
    });
    expect(status.textContent).toBe('No problems');
  });

  it('shows problems of the flow as a whole as text, not as a button', () => {
    const doc = createFlow('No greeting');
    const store = createEditorStore({
      ...doc,
      nodes: doc.nodes.filter((n) => n.id !== 'greeting'),
    });
    renderPanel(store);
    const panel = screen.getByRole('region', { name: 'Checks' });
    expect(panel.textContent).toContain('The flow has no greeting');
    expect(within(panel).queryByRole('button', { name: /The flow has no greeting/ })).toBeNull();
  });
});

describe('ChecksPanel in a workspace', () => {
  /** The reception example (transfers to vendas, suporte and recepcao) checked against a workspace holding `teams`. */
  async function renderInWorkspace(teams: string[]) {
    const { workspace } = createTestWorkspace();
    for (const name of teams) await workspace.createTeam({ name, agents: 1 });
    render(
      <ReactFlowProvider>
        <WorkspaceProvider repository={workspace}>
          <EditorProvider store={createEditorStore(structuredClone(examples.reception))}>
            <ChecksPanel />
          </EditorProvider>
        </WorkspaceProvider>
      </ReactFlowProvider>,
    );
    return screen.getByRole('region', { name: 'Checks' });
  }

  it('warns of the teams (and bots) a workspace without any lacks, as the inspector does', async () => {
    const panel = await renderInWorkspace([]);
    // Three teams and the example's three fallback bots.
    await waitFor(() => expect(within(panel).getByRole('status').textContent).toBe('6 warnings'));
    expect(
      within(panel)
        .getAllByRole('button', { name: /^Warning The team/ })
        .map((b) => b.textContent),
    ).toEqual([
      expect.stringContaining('“vendas” is not one of the workspace’s teams'),
      expect.stringContaining('“suporte” is not one of the workspace’s teams'),
      expect.stringContaining('“recepcao” is not one of the workspace’s teams'),
    ]);
  });

  it('makes a missing team an error once the workspace has teams: publishing is refused', async () => {
    const panel = await renderInWorkspace(['vendas', 'suporte']);
    await waitFor(() =>
      expect(
        within(panel).getByRole('button', { name: /^Error The team “recepcao”/ }),
      ).toBeDefined(),
    );
    expect(within(panel).queryAllByRole('button', { name: /“vendas”|“suporte”/ })).toEqual([]);
  });
});
