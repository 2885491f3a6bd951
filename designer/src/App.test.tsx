import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';
import { RepositoryProvider } from './app/RepositoryContext.tsx';
import { createTestRepository, createTestWorkspace } from './persistence/testing.ts';
import { WorkspaceProvider } from './app/WorkspaceContext.tsx';

const flowSaying = (text: string) =>
  JSON.stringify({
    schemaVersion: 1,
    settings: { name: 'Markup test', timeZone: 'UTC', locale: 'en', noInputTimeoutMs: 5000 },
    nodes: [{ id: 'start', kind: 'greeting', data: { text }, connections: {} }],
    layout: { nodes: {} },
  });

async function renderApp() {
  const { repo, db } = createTestRepository();
  await repo.ensureExample();
  render(
    <RepositoryProvider repository={repo}>
      <WorkspaceProvider repository={createTestWorkspace(db).workspace}>
        <App />
      </WorkspaceProvider>
    </RepositoryProvider>,
  );
  return repo;
}

afterEach(() => {
  window.location.hash = '';
});

describe('App', () => {
  it('opens on the library, holding the reception example on a first visit', async () => {
    await renderApp();
    const flows = await screen.findByRole('list', { name: 'Flows' });
    expect(within(flows).getByRole('link', { name: 'Recepção Loja Exemplo' })).toBeDefined();
  });

  it('opens a flow on the canvas from the library', async () => {
    await renderApp();
    await userEvent.click(await screen.findByRole('link', { name: 'Recepção Loja Exemplo' }));
    const canvas = await screen.findByRole('application', { name: 'Flow canvas' });
    expect(canvas.textContent).toContain('Olá! Você ligou para a Loja Exemplo.');
    expect(screen.getByRole('heading', { level: 1, name: 'Recepção Loja Exemplo' })).toBeDefined();
    expect(screen.getByRole('navigation', { name: 'Palette' })).toBeDefined();
    expect(screen.getByRole('complementary', { name: 'Inspector' })).toBeDefined();
  });

  it('renders what a node says as text, never as markup', async () => {
    const repo = await renderApp();
    const text = '<img src=x onerror="alert(1)"><b>bold</b>';
    const imported = await repo.importFlow(flowSaying(text), 'markup.json');
    if (!imported.ok) throw new Error('import failed');
    window.location.hash = `#/flow/${imported.flow.id}`;
    const canvas = await screen.findByRole('application', { name: 'Flow canvas' });
    expect((await within(canvas).findAllByText(text)).length).toBeGreaterThan(0);
    expect(canvas.querySelector('img, b')).toBeNull();
  });

  it('refuses a broken file dropped on the canvas, changing nothing', async () => {
    const repo = await renderApp();
    await userEvent.click(await screen.findByRole('link', { name: 'Recepção Loja Exemplo' }));
    const canvas = await screen.findByRole('application', { name: 'Flow canvas' });
    const file = new File(['{"schemaVersion": 99}'], 'future.json', { type: 'application/json' });
    fireEvent.drop(canvas, {
      dataTransfer: { files: [file], types: ['Files'], getData: () => '' },
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('future.json was not imported: nothing was changed.');
    expect(alert.textContent).toContain('newer version');
    expect((await repo.list()).map((f) => f.name)).toEqual(['Recepção Loja Exemplo']);
  });

  it('says why a flow could not be opened', async () => {
    await renderApp();
    window.location.hash = '#/flow/missing';
    expect((await screen.findByRole('alert')).textContent).toContain('could not be opened');
  });
});
