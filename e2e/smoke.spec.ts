import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

test('the designer opens on the reception example', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();

  await expect(designer.heading('Recepção Loja Exemplo')).toBeVisible();
  await expect(designer.canvas).toBeVisible();

  const greeting = designer.node('Greeting: greeting');
  await expect(greeting).toBeVisible();
  await expect(greeting).toContainText('Olá! Você ligou para a Loja Exemplo.');
  await expect(designer.canvas.getByRole('group', { name: /: / })).toHaveCount(11);
  await expect(designer.node('Button menu: menu').getByRole('listitem')).toHaveText([
    '1 · Vendas',
    '2 · Suporte',
    'no input',
    'no match',
  ]);

  expect(designer.errors).toEqual([]);
});
