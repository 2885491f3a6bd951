import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

// A browser that asks for Brazilian Portuguese.
test.use({ locale: 'pt-BR' });

test('a Brazilian browser gets the library in Portuguese; the Language select switches it to English, for good', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();

  await expect(designer.heading('Fluxos')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Novo fluxo', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Nome do novo fluxo' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');

  const language = page.getByRole('combobox', { name: 'Language' });
  await expect(language).toHaveValue('pt-BR');
  await language.selectOption({ label: 'English' });
  await expect(designer.heading('Flows')).toBeVisible();
  await expect(page.getByRole('button', { name: 'New flow', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The choice outlives the page: still English after a reload, on a pt-BR browser.
  await page.reload();
  await expect(designer.heading('Flows')).toBeVisible();
  await expect(language).toHaveValue('en');
  expect(designer.errors).toEqual([]);
});

test('the editor speaks Portuguese too, with the FAQ’s words, and switches language from its header', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await page
    .getByRole('list', { name: 'Fluxos' })
    .getByRole('link', { name: 'Recepção Loja Exemplo' })
    .click();
  await expect(designer.heading('Recepção Loja Exemplo')).toBeVisible();

  const palette = page.getByRole('navigation', { name: 'Paleta' });
  await expect(palette.getByRole('button', { name: 'Menu de botões' })).toBeVisible();
  const canvas = page.getByRole('application', { name: 'Tela do fluxo' });
  const menu = canvas.getByRole('group', { name: 'Menu de botões: Menu principal' });
  await expect(menu.getByRole('listitem')).toHaveText([
    '1 · Vendas',
    '2 · Suporte',
    'sem resposta',
    'opção inválida',
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Salvo' })).toBeVisible();

  await designer.chooseLanguage('Español');
  await expect(
    page
      .getByRole('navigation', { name: 'Paleta' })
      .getByRole('button', { name: 'Menú de botones' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('application', { name: 'Lienzo del flujo' })
      .getByRole('group', { name: 'Menú de botones: Menu principal' }),
  ).toBeVisible();
  expect(designer.errors).toEqual([]);
});
