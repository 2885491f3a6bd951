import { fileURLToPath } from 'node:url';
import { test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { ANALYTICS_ADDRESS, serveAccountApi, signedIn } from './support/visualFixtures.ts';

// The README's pictures, taken from the built designer at 1440×900 in English:
// the editor on the reception example, a simulated call, and a month of a
// published callbot's calls on its flow (the server's answers fixed, as the
// visual spec has them: e2e/support/visualFixtures.ts).
// Run with `npm run screenshots`; review and commit docs/screenshots/*.png.

const out = (name: string) =>
  fileURLToPath(new URL(`../docs/screenshots/${name}.png`, import.meta.url));

test.use({
  viewport: { width: 1440, height: 900 },
  colorScheme: 'light',
  timezoneId: 'America/Sao_Paulo',
});

test('README screenshots', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-07T13:00:00Z'));
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow('Recepção Loja Exemplo');
  await designer.node('Greeting: Boas-vindas').waitFor();
  // The whole flow in view, the menu selected in the inspector.
  await designer.node('Button menu: Menu principal').click();
  await designer.inspector.getByRole('heading', { level: 2, name: 'menu' }).waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: out('editor'), animations: 'disabled' });

  await designer.openSimulator();
  await designer.startCall({ date: '2026-11-24', time: '10:00', speed: 'Faster (×4)' });
  // The menu prompt said: the bot listens, the path so far lit on the canvas.
  await designer
    .listeningIndicator()
    .filter({ hasText: /^Listening/ })
    .waitFor({ timeout: 20_000 });
  await page.screenshot({ path: out('simulator'), animations: 'disabled' });

  // The same build in a new tab, answered as a callbot server answers a signed-in owner.
  const served = await page.context().newPage();
  await serveAccountApi(served, () => signedIn);
  await served.goto(ANALYTICS_ADDRESS);
  await served.getByRole('heading', { level: 1, name: 'Flow analytics' }).waitFor();
  await served.getByText('Menu principal').first().waitFor();
  await served.evaluate(() => document.fonts.ready);
  await served.screenshot({ path: out('analytics'), animations: 'disabled' });
});
