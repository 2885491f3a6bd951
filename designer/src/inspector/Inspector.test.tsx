import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFlow, validateFlow } from '@callbot/shared';
import { WorkspaceProvider } from '../app/WorkspaceContext.tsx';
import { InspectorHarness } from '../nodes/InspectorHarness.tsx';
import { renderInspector } from '../nodes/renderInspector.tsx';
import { createTestWorkspace } from '../persistence/testing.ts';
import { sampleFlow } from './sampleFlow.ts';
import { performAction } from '../editor/actions.ts';

const inspector = () => screen.getByRole('complementary', { name: 'Inspector' });

describe('Inspector', () => {
  it('edits a sample flow that is valid', () => {
    expect(validateFlow(sampleFlow()).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('shows the flow settings when nothing is selected, and edits the name as one step', async () => {
    const { user, store } = renderInspector();
    const name = within(inspector()).getByRole('textbox', { name: 'Flow name' });
    await user.clear(name);
    await user.type(name, 'Recepção');
    expect(store.getState().doc.settings.name).toBe('Loja Exemplo');
    await user.tab();
    expect(store.getState().doc.settings.name).toBe('Recepção');
    expect(store.getState().past.map((e) => e.name)).toEqual(['updateSettings']);
    expect(screen.getByRole('heading', { name: 'Recepção' })).toBeDefined();
  });

  it('says, under the flow settings, how many checks are about its nodes rather than "no problems"', () => {
    const doc = sampleFlow();
    // A message with nothing to say: a check about that node, none about the flow as a whole.
    renderInspector({
      doc: {
        ...doc,
        nodes: doc.nodes.map((n) =>
          n.kind === 'message' ? { ...n, data: { ...n.data, text: '' } } : n,
        ),
      },
    });
    const checks = within(inspector()).getByRole('region', { name: 'Checks for the flow' });
    expect(checks.textContent).not.toContain('No problems found.');
    expect(checks.textContent).toMatch(
      /Nothing about the flow as a whole; \d+ checks? (is|are) about/,
    );
  });

  it('refuses an empty flow name and an unknown time zone, and says why', async () => {
    const { user, store } = renderInspector();
    const name = screen.getByRole('textbox', { name: 'Flow name' });
    await user.clear(name);
    await user.tab();
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('A flow needs a name.')).toBeDefined();

    const zone = screen.getByRole('combobox', { name: 'Time zone' });
    await user.clear(zone);
    await user.type(zone, 'Mars/Olympus{Enter}');
    expect(zone.getAttribute('aria-invalid')).toBe('true');
    expect(store.getState().doc.settings).toEqual(sampleFlow().settings);
    expect(store.getState().past).toEqual([]);
  });

  it('says how many nodes are selected when there are several', () => {
    renderInspector({ selected: ['greeting', 'menu', 'tchau'] });
    expect(screen.getByRole('heading', { name: '3 nodes selected' })).toBeDefined();
  });

  it('shows the node id read-only and renames the node', async () => {
    const { user, node, store } = renderInspector({ selected: ['fechado'] });
    const id = screen.getByRole('textbox', { name: 'Id' });
    expect((id as HTMLInputElement).value).toBe('fechado');
    expect(id.hasAttribute('readonly')).toBe(true);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Closed{Enter}');
    expect(node('fechado').label).toBe('Closed');
    await user.clear(screen.getByRole('textbox', { name: 'Name' }));
    await user.tab();
    expect(node('fechado').label).toBeUndefined();
    expect(store.getState().past).toHaveLength(2);
  });

  it('commits a message typed key by key as one undo step, on blur', async () => {
    const { user, store, node } = renderInspector({ selected: ['fechado'] });
    const text = screen.getByRole('textbox', { name: 'Message' });
    await user.clear(text);
    await user.type(text, 'Estamos fechados. Ligue amanhã entre nove e dezoito horas.');
    expect(node('fechado').data).toEqual({ text: 'Estamos fechados agora.' });
    expect(store.getState().past).toEqual([]);
    await user.tab();
    expect(node('fechado').data).toEqual({
      text: 'Estamos fechados. Ligue amanhã entre nove e dezoito horas.',
    });
    expect(store.getState().past.map((e) => e.name)).toEqual(['updateNode']);
    act(() => {
      performAction('undo', { store, page: {} });
    });
    expect(node('fechado').data).toEqual({ text: 'Estamos fechados agora.' });
    expect((text as HTMLTextAreaElement).value).toBe('Estamos fechados agora.');
  });

  it('shows the speaking time as you type', async () => {
    const { user } = renderInspector({ selected: ['fechado'] });
    const text = screen.getByRole('textbox', { name: 'Message' });
    await user.clear(text);
    expect(screen.getByText(/Speaking time: nothing to say/)).toBeDefined();
    // 150 words a minute: 8 words take about 3 s.
    await user.type(text, 'um dois três quatro cinco seis sete oito');
    expect(screen.getByText(/Speaking time: about 3 s/)).toBeDefined();
    expect(text.getAttribute('aria-describedby')).toContain(screen.getByText(/Speaking time/).id);
  });

  it('drops a draft on Escape', async () => {
    const { user, store } = renderInspector({ selected: ['fechado'] });
    const text = screen.getByRole('textbox', { name: 'Message' });
    await user.type(text, ' Tchau.');
    await user.keyboard('{Escape}');
    expect((text as HTMLTextAreaElement).value).toBe('Estamos fechados agora.');
    await user.tab();
    expect(store.getState().past).toEqual([]);
  });

  it('shows an invalid value next to its field and keeps it out of the document', async () => {
    const { user, store } = renderInspector({ selected: ['menu'] });
    const timeout = screen.getByRole('spinbutton', { name: 'Silence timeout (ms)' });
    expect(timeout.getAttribute('placeholder')).toBe('5000');
    await user.type(timeout, '10');
    expect(timeout.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(timeout.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(error?.textContent).toBe('Use at least 1,000.');
    await user.tab();
    expect(store.getState().doc).toEqual(sampleFlow());
    expect(store.getState().past).toEqual([]);
    expect(timeout.getAttribute('aria-invalid')).toBe('true');

    await user.clear(timeout);
    await user.type(timeout, '8000');
    expect(timeout.getAttribute('aria-invalid')).toBe('false');
    await user.keyboard('{Enter}');
    const menu = store.getState().doc.nodes.find((n) => n.id === 'menu')!;
    expect(menu.kind === 'menu' && menu.data.noInput.timeoutMs).toBe(8000);
  });

  it('shows the flow’s diagnostics for the node in its form', async () => {
    const { user } = renderInspector({ selected: ['t-vendas'] });
    const team = screen.getByRole('combobox', { name: 'Team' });
    expect(team.getAttribute('aria-invalid')).toBe('false');
    await user.clear(team);
    await user.tab();
    expect(team.getAttribute('aria-invalid')).toBe('true');
    const checks = screen.getByRole('region', { name: 'Checks' });
    expect(checks.textContent).toContain('This transfer has no team');
    expect(team.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('suggests the teams the flow already uses where no workspace is given', () => {
    renderInspector({ selected: ['t-vendas'] });
    const team = screen.getByRole('combobox', { name: 'Team' });
    const list = document.getElementById(team.getAttribute('list')!);
    expect([...list!.querySelectorAll('option')].map((o) => o.value)).toEqual([
      'suporte',
      'vendas',
    ]);
    expect(
      screen.getByText(/the teams this flow already uses: type the team’s name/),
    ).toBeDefined();
    expect(screen.queryByText(/not connected/)).toBeNull();
  });

  it('says the same as the checks about a team the workspace lacks', async () => {
    const { workspace } = createTestWorkspace();
    await workspace.createTeam({ name: 'suporte', agents: 2 });
    render(
      <WorkspaceProvider repository={workspace}>
        <InspectorHarness selected={['t-vendas']} />
      </WorkspaceProvider>,
    );
    const team = screen.getByRole('combobox', { name: 'Team' });
    // Under the field, the same words as in the checks, and a way out.
    await waitFor(() => expect(team.getAttribute('aria-invalid')).toBe('true'));
    expect(inspector().textContent).toContain(
      'The team “vendas” is not one of the workspace’s teams: publishing is refused.',
    );
    expect(screen.getByRole('button', { name: 'Create the team “vendas”' })).toBeDefined();
    const list = document.getElementById(team.getAttribute('list')!);
    expect([...list!.querySelectorAll('option')].map((o) => o.value)).toEqual(['suporte']);
    expect(screen.getByText(/^Suggestions are the workspace’s teams/)).toBeDefined();
    expect(screen.queryByText(/not connected|already uses/)).toBeNull();
    // The node's checks in the inspector say it too, as the checks panel does.
    const checks = screen.getByRole('region', { name: 'Checks' });
    expect(checks.textContent).toContain('The team “vendas” is not one of the workspace’s teams');
    expect(checks.textContent).not.toContain('“suporte”');
  });

  it('connects an output through its select', async () => {
    const { user, node } = renderInspector({ selected: ['t-vendas'] });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'When failed, go to' }),
      'assistente',
    );
    expect(node('t-vendas').connections.failed).toBe('assistente');
    await user.selectOptions(screen.getByRole('combobox', { name: 'When failed, go to' }), '');
    expect(node('t-vendas').connections.failed).toBeUndefined();
  });

  it('renders user text as text, never as markup', () => {
    const doc = createFlow('<b>Flow</b>');
    doc.nodes[0]!.label = '<img src=x onerror="alert(1)">';
    const { container } = renderInspector({ doc, selected: ['greeting'] });
    expect(screen.getByRole('heading', { name: '<img src=x onerror="alert(1)">' })).toBeDefined();
    expect(container.querySelector('img, b')).toBeNull();
  });

  it('gives every control an accessible name', () => {
    const unnamed = (name: string) => name.trim() === '';
    for (const id of ['', ...sampleFlow().nodes.map((n) => n.id)]) {
      const { unmount } = renderInspector({ selected: id ? [id] : [] });
      const panel = within(inspector());
      for (const role of ['textbox', 'combobox', 'spinbutton', 'button', 'gridcell', 'grid']) {
        expect(panel.queryAllByRole(role, { name: unnamed }), `${id}: ${role}`).toEqual([]);
      }
      // Date inputs have no ARIA role: look for their labels (a DateField's calendar is hidden
      // from assistive technology; its text input, a textbox, is checked above).
      for (const date of inspector().querySelectorAll(
        'input[type="date"]:not([aria-hidden="true"])',
      )) {
        expect(document.querySelector(`label[for="${date.id}"]`)?.textContent).toBeTruthy();
      }
      unmount();
    }
  });
});
