import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

/**
 * axe-core on the designer's main screens, as they are after a user's first
 * steps: no serious or critical violation of WCAG 2.1 A / AA. A failure
 * lists each violation with the elements it found, so it can be fixed
 * without re-running axe by hand.
 */
async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map((n) => `  ${n.target.join(' ')}: ${n.failureSummary?.split('\n').join(' ')}`)
        .join('\n'),
  );
  expect(report, `axe on ${screen}`).toEqual([]);
}

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
