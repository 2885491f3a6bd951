import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

test('the designer opens on the library and shows the reception example on the canvas', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();

  await expect(designer.heading('Flows')).toBeVisible();
  await designer.openFlow('Recepção Loja Exemplo');
  await expect(designer.canvas).toBeVisible();

  const greeting = designer.node('Greeting: Boas-vindas');
  await expect(greeting).toBeVisible();
  await expect(greeting).toContainText('Olá! Você ligou para a Loja Exemplo.');
  await expect(designer.canvas.getByRole('group', { name: /: / })).toHaveCount(11);
  await expect(designer.node('Button menu: Menu principal').getByRole('listitem')).toHaveText([
    '1 · Vendas',
    '2 · Suporte',
    'no input',
    'no match',
  ]);

  expect(designer.errors).toEqual([]);
});

test('an edit is saved in the browser and is there after a reload', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow('Recepção Loja Exemplo');

  await designer.paletteItem('Message').click();
  await expect(designer.node('Message: Message')).toBeVisible();
  await expect(designer.saveStatus()).toHaveText('Saved');

  await page.reload();
  await expect(designer.node('Message: Message')).toBeVisible();
  await expect(designer.canvas.getByRole('group', { name: /: / })).toHaveCount(12);

  // Deleting it is an edit too: gone after the next reload.
  await designer.node('Message: Message').click();
  await page.keyboard.press('Delete');
  await expect(designer.node('Message: Message')).toHaveCount(0);
  await expect(designer.saveStatus()).toHaveText('Saved');
  await page.reload();
  await expect(designer.canvas.getByRole('group', { name: /: / })).toHaveCount(11);
  expect(designer.errors).toEqual([]);
});
