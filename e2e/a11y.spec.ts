import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { expectNoSeriousViolations } from './support/axe.ts';

// axe-core on the designer's main screens, as they are after a user's first
// steps: no serious or critical violation of WCAG 2.1 A / AA. The workspace,
// simulator, versions and publish specs check their own screens the same way.

test('the library has no serious accessibility violation', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.flowList.getByRole('listitem').first().waitFor();
  await expectNoSeriousViolations(page, 'the library');
});

test('the editor, its inspector and its dialogs have no serious accessibility violation', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow('Recepção Loja Exemplo');
  await expect(designer.node('Greeting: greeting')).toBeVisible();
  await expectNoSeriousViolations(page, 'the editor with nothing selected');

  await designer.findNode('menu', 'Button menu: menu');
  await expectNoSeriousViolations(page, 'the editor with the menu in the inspector');

  await designer.findNode('Horário', 'Schedule: Horário de atendimento');
  await expect(designer.weekSummary().first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the editor with the schedule and its week grid');

  for (const [button, dialog] of [
    ['Versions', 'Versions'],
    ['Compiled machine', 'Compiled machine'],
    [/Keyboard shortcuts/, 'Keyboard shortcuts'],
  ] as const) {
    await page.getByRole('banner').getByRole('button', { name: button }).click();
    const shown = page.getByRole('dialog', { name: dialog });
    await expect(shown).toBeVisible();
    await expectNoSeriousViolations(page, `the ${dialog} dialog`);
    await page.keyboard.press('Escape');
    await expect(shown).toBeHidden();
  }
});
