import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { expectNoSeriousViolations } from './support/axe.ts';

// axe-core on the designer's main screens, as they are after a user's first
// steps: no serious or critical violation of WCAG 2.1 A / AA, in the light
// and the dark theme (the designer follows the system's until the user picks
// one). The workspace, simulator, versions and publish specs check their own
// screens the same way.

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });
    // Each axe run takes seconds on a loaded machine: these tests run several.
    test.setTimeout(120_000);

    test('the library and the workspace pages have no serious accessibility violation', async ({
      page,
    }) => {
      const designer = new DesignerPage(page);
      await designer.open();
      await designer.flowList.getByRole('listitem').first().waitFor();
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      await expectNoSeriousViolations(page, `the library (${colorScheme})`);
      for (const [hash, heading] of [
        ['#/teams', 'Teams'],
        ['#/schedules', 'Schedules'],
        ['#/channels/whatsapp', 'Channels'],
        ['#/customers', 'Customers'],
        ['#/prices', 'Prices'],
      ] as const) {
        await page.goto(`/${hash}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await expectNoSeriousViolations(page, `the ${heading} page (${colorScheme})`);
      }
    });

    test('the editor, its panels and its dialogs have no serious accessibility violation', async ({
      page,
    }) => {
      const designer = new DesignerPage(page);
      await designer.open();
      await designer.openFlow('Recepção Loja Exemplo');
      await expect(designer.node('Greeting: Boas-vindas')).toBeVisible();
      await expectNoSeriousViolations(page, `the editor with nothing selected (${colorScheme})`);

      await designer.findNode('menu', 'Button menu: Menu principal');
      await designer.showChecks();
      await expectNoSeriousViolations(
        page,
        `the editor with the menu and the checks (${colorScheme})`,
      );

      await designer.findNode('Horário', 'Schedule: Horário de atendimento');
      await expect(designer.weekSummary().first()).toBeVisible();
      await expectNoSeriousViolations(
        page,
        `the editor with the schedule's week grid (${colorScheme})`,
      );

      const dialogs: [open: () => Promise<void>, name: string][] = [
        [
          () => page.getByRole('banner').getByRole('button', { name: 'Versions' }).click(),
          'Versions',
        ],
        [() => designer.moreAction('Compiled machine'), 'Compiled machine'],
        [
          () =>
            page.getByRole('banner').getByRole('button', { name: 'Keyboard shortcuts' }).click(),
          'Keyboard shortcuts',
        ],
        [
          () => page.getByRole('banner').getByRole('button', { name: 'Publish' }).click(),
          'Publish to a runtime server',
        ],
      ];
      for (const [open, name] of dialogs) {
        await open();
        const shown = page.getByRole('dialog', { name });
        await expect(shown).toBeVisible();
        await expectNoSeriousViolations(page, `the ${name} dialog (${colorScheme})`);
        await page.keyboard.press('Escape');
        await expect(shown).toBeHidden();
      }

      await designer.openSimulator();
      await expectNoSeriousViolations(page, `the editor with the simulator (${colorScheme})`);
    });
  });
}
