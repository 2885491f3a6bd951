import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { RepositoryProvider } from '../app/RepositoryContext.tsx';
import { createTestRepository, createTestWorkspace } from '../persistence/testing.ts';
import { WorkspaceProvider } from '../app/WorkspaceContext.tsx';
import { i18n, LANGUAGE_STORAGE_KEY } from '../i18n/index.ts';

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
}

beforeEach(async () => {
  await i18n.changeLanguage('pt-BR');
});

afterEach(async () => {
  window.location.hash = '';
  localStorage.clear();
  await i18n.changeLanguage('en');
});

describe('the designer in Brazilian Portuguese', () => {
  it('shows the library in Portuguese', async () => {
    await renderApp();
    expect(screen.getByRole('heading', { level: 1, name: 'Fluxos' })).toBeDefined();
    expect(screen.getByRole('textbox', { name: 'Nome do novo fluxo' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Novo fluxo' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Importar fluxo' })).toBeDefined();
    const flows = await screen.findByRole('list', { name: 'Fluxos' });
    const example = within(flows).getByRole('listitem');
    expect(example.textContent).toContain('11 nós');
    expect(
      within(example).getByRole('button', { name: 'Excluir Recepção Loja Exemplo' }),
    ).toBeDefined();
  });

  it('names node kinds with the FAQ’s words in the palette and on the canvas', async () => {
    await renderApp();
    await userEvent.click(await screen.findByRole('link', { name: 'Recepção Loja Exemplo' }));
    const palette = await screen.findByRole('navigation', { name: 'Paleta' });
    expect(within(palette).getByRole('button', { name: /menu de botões/i })).toBeDefined();
    expect(within(palette).getByRole('button', { name: 'Mensagem inicial' })).toBeDefined();
    expect(within(palette).getByRole('button', { name: 'Bot de contingência' })).toBeDefined();
    const canvas = screen.getByRole('application', { name: 'Tela do fluxo' });
    // jsdom measures nothing, so React Flow keeps the nodes unexposed: find them by name.
    const menu = within(canvas).getByLabelText('Menu de botões: Menu principal');
    const outputs = within(menu).getAllByRole('listitem', { hidden: true });
    expect(outputs.map((item) => item.textContent)).toEqual([
      '1 · Vendas',
      '2 · Suporte',
      'sem resposta',
      'opção inválida',
    ]);
    expect(screen.getByRole('button', { name: /^Verificações: / })).toBeDefined();
  });

  it('switches to English from the Language select, and remembers the choice', async () => {
    await renderApp();
    const select = screen.getByRole('combobox', { name: 'Language' });
    expect((select as HTMLSelectElement).value).toBe('pt-BR');
    await userEvent.selectOptions(select, 'English');
    expect(screen.getByRole('heading', { level: 1, name: 'Flows' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'New flow' })).toBeDefined();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
