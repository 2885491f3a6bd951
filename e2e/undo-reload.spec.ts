import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

test('the undo history survives a reload: undo and redo go on where they were', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.createFlow('Desfazer depois de recarregar');
  await designer.addNode('Message');
  await designer.setField('Message', 'Antes de recarregar.');
  await expect(designer.undoButton()).toHaveAccessibleDescription(/^Undo Edit node/);
  await designer.expectSaved();

  await page.reload();
  await expect(designer.node('Message: Message')).toContainText('Antes de recarregar.');
  await expect(designer.undoButton()).toBeEnabled();
  await expect(designer.undoButton()).toHaveAccessibleDescription(/^Undo Edit node/);
  await designer.undoButton().click();
  await expect(designer.node('Message: Message')).not.toContainText('Antes de recarregar.');
  await designer.undoButton().click();
  await expect(designer.node('Message: Message')).toHaveCount(0);
  await expect(designer.undoButton()).toBeDisabled();
  await designer.expectSaved();

  // Reloaded again, the undone steps wait to be redone.
  await page.reload();
  await expect(designer.nodes()).toHaveCount(2);
  await expect(designer.redoButton()).toHaveAccessibleDescription(/^Redo Add node/);
  await designer.redoButton().click();
  await designer.redoButton().click();
  await expect(designer.node('Message: Message')).toContainText('Antes de recarregar.');
  expect(designer.errors).toEqual([]);
});
