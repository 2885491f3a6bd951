import { expect, test, type Locator, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import {
  ANALYTICS_ADDRESS,
  INVITATION_TOKEN,
  serveAccountApi,
  setupNeeded,
  signedIn,
  signedOut,
} from './support/visualFixtures.ts';

// Visual regression: every page and dialog of the designer, in each UI
// language, at the two window sizes people use most, compared with the
// committed baselines (e2e/visual.spec.ts-snapshots/). After an intended
// change of look, refresh them with one command:
//
//   npm run test:visual:update
//
// and review the new PNGs in the diff. Data and time are fixed (the example
// flow of a first visit, a frozen clock), animations are off, and the font
// is bundled (Inter), so the same build gives the same pixels.
//
// Each screen is also checked for text that overflows its box, and the
// editor for a canvas that fills at least 60 % of the window.

const LANGUAGES = ['en', 'pt-BR', 'es'] as const;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
/** A Monday morning in São Paulo, so dates and "last changed" never move. */
const NOW = new Date('2026-12-07T12:00:00Z');
const RECEPTION = 'Recepção Loja Exemplo';

/** Names by language, where a spec has to click (everything else is found by position or role). */
const words = {
  en: {
    simulate: 'Simulate',
    versions: 'Versions',
    shortcuts: 'Keyboard shortcuts',
    more: 'More actions',
    machine: 'Compiled machine',
    publish: 'Publish',
    aiEndpoint: 'AI endpoint',
    checks: /^Checks: /,
  },
  'pt-BR': {
    simulate: 'Simular',
    versions: 'Versões',
    shortcuts: 'Atalhos de teclado',
    more: 'Mais ações',
    machine: 'Máquina compilada',
    publish: 'Publicar',
    aiEndpoint: 'Endpoint de IA',
    checks: /^Verificações: /,
  },
  es: {
    simulate: 'Simular',
    versions: 'Versiones',
    shortcuts: 'Atajos de teclado',
    more: 'Más acciones',
    machine: 'Máquina compilada',
    publish: 'Publicar',
    aiEndpoint: 'Endpoint de IA',
    checks: /^Comprobaciones: /,
  },
} as const;

/**
 * Text that does not fit its box: a line of text running past the left or
 * right edge of the element that holds it (unless the element cuts it on
 * purpose with an ellipsis, or scrolls). Visually hidden text (1 px boxes
 * for screen readers) and SVG are left out. Returns a readable line for each.
 */
async function overflowingText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('svg, [hidden], [aria-hidden="true"]')) continue;
      const box = parent.getBoundingClientRect();
      if (box.width <= 2 || box.height <= 2) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || style.textOverflow === 'ellipsis') continue;
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      range.selectNodeContents(node);
      for (const line of Array.from(range.getClientRects())) {
        if (line.width === 0) continue;
        if (line.right > box.right + 1 || line.left < box.left - 1) {
          const where = `${parent.tagName.toLowerCase()}${parent.className ? `.${String(parent.className).split(' ')[0]}` : ''}`;
          found.push(
            `${where} "${text.slice(0, 50)}" runs ${Math.round(Math.max(line.right - box.right, box.left - line.left))} px out`,
          );
          break;
        }
      }
    }
    return found;
  });
}

/** A workspace page's header, where there is one, is one row (issue 12: it never wraps). */
async function expectOneRowHeader(page: Page, name: string) {
  const header = page.locator('header.topnav');
  if ((await header.count()) === 0) return;
  // The account's corner loads after the page names: the row settles once it is in.
  await expect
    .poll(async () => (await header.boundingBox())?.height, {
      message: `the header of ${name} wraps`,
    })
    .toBeLessThanOrEqual(53);
}

/** `mask`: parts that change with the machine, not the look (e.g. the server's address). */
async function expectScreen(page: Page, name: string, mask: Locator[] = []) {
  // Let fonts, lazy chunks and React Flow's measuring settle.
  await page.evaluate(() => document.fonts.ready);
  await expectOneRowHeader(page, name);
  expect(await overflowingText(page), `text overflowing its box on ${name}`).toEqual([]);
  await expect(page).toHaveScreenshot(`${name}.png`, {
    animations: 'disabled',
    caret: 'hide',
    maxDiffPixelRatio: 0.01,
    // The version list's relative times and the save status are data, not looks.
    mask: [page.locator('time'), ...mask],
  });
}

for (const language of LANGUAGES) {
  for (const viewport of VIEWPORTS) {
    const tag = `${viewport.width}-${language}`;

    test.describe(`${language} at ${viewport.width}×${viewport.height}`, () => {
      test.use({ viewport, locale: language, colorScheme: 'light' });
      // Dozens of screenshots per test: slow on a loaded machine, never flaky.
      test.setTimeout(240_000);
      test.beforeEach(async ({ page }) => {
        await page.clock.setFixedTime(NOW);
      });

      test(`workspace pages ${tag}`, async ({ page }) => {
        const designer = new DesignerPage(page);
        await designer.open();
        await page
          .getByRole('list')
          .filter({ has: page.getByRole('link', { name: RECEPTION }) })
          .waitFor();
        // The page says its language, as the UI speaks it (screen readers, the browser's own controls).
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expectScreen(page, `library-${tag}`);
        for (const hash of [
          'teams',
          'schedules',
          'channels/phone-lines',
          'channels/whatsapp',
          'channels/sip',
          'customers',
          'prices',
          'settings',
        ]) {
          await page.goto(`/#/${hash}`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await page.waitForLoadState('networkidle');
          await expectScreen(page, `${hash.replace('/', '-')}-${tag}`);
        }
        // A smaller laptop: the header still one row.
        if (viewport.width === 1280) {
          await page.setViewportSize({ width: 1024, height: 768 });
          for (const hash of ['settings', 'channels/phone-lines']) {
            await page.goto(`/#/${hash}`);
            await page.getByRole('heading', { level: 1 }).waitFor();
            await expectOneRowHeader(page, `${hash} at 1024`);
          }
        }
        expect(designer.errors).toEqual([]);
      });

      // The pages a callbot server serves, rendered by this browser-only build with the
      // server's answers fixed (e2e/support/visualFixtures.ts).
      test.describe(() => {
        // The dates of the fixtures are shown in the workspace's own time zone, whatever the machine's.
        test.use({ timezoneId: 'America/Sao_Paulo' });
        test(`served pages ${tag}`, async ({ page }) => {
          const designer = new DesignerPage(page);
          // Each screen: its address, the session the server answers, and a text (or, for a
          // form, a field) that says its data is in.
          type Loaded = string | ((page: Page) => Locator) | null;
          const screens: [string, string, typeof signedIn, Loaded][] = [
            ['setup', '/setup?token=setup-visual', setupNeeded, null],
            ['sign-in', '/', signedOut, null],
            ['invitation', `/invite?token=${INVITATION_TOKEN}`, signedOut, 'Loja Exemplo'],
            ['members', '/#/members', signedIn, 'bruno.lima@lojaexemplo.com.br'],
            ['tokens', '/#/tokens', signedIn, 'Deploy script'],
            ['calls', '/#/calls', signedIn, 'sip:recepcao@pbx.lojaexemplo.com.br'],
            ['call', '/#/calls/call/CA-sales', signedIn, 'Transferir para Vendas'],
            ['analytics', ANALYTICS_ADDRESS, signedIn, 'Menu principal'],
            ['call-records', '/#/calls/settings', signedIn, (p) => p.getByRole('spinbutton')],
          ];
          let session = signedOut;
          const unanswered = await serveAccountApi(page, () => session);
          for (const [name, address, sessionHere, loaded] of screens) {
            session = sessionHere;
            await page.goto(address);
            await page.getByRole('heading', { level: 1 }).waitFor();
            if (typeof loaded === 'string') await page.getByText(loaded).first().waitFor();
            else if (loaded) await loaded(page).waitFor();
            // The sign-in page names the server's address (the run's port).
            await expectScreen(page, `served-${name}-${tag}`, [page.getByText(/localhost:\d+/)]);
            expect(unanswered, `requests the fixtures do not answer on ${name}`).toEqual([]);
          }
          // A smaller laptop: the signed-in header still one row, on the page with most tabs.
          if (viewport.width === 1280) {
            await page.setViewportSize({ width: 1024, height: 768 });
            for (const address of ['/#/calls', '/#/settings', '/']) {
              await page.goto(address);
              await page.getByRole('heading', { level: 1 }).waitFor();
              await expectOneRowHeader(page, `${address} at 1024`);
            }
          }
          expect(designer.errors).toEqual([]);
        });
      });

      test(`editor and its dialogs ${tag}`, async ({ page }) => {
        const w = words[language];
        const designer = new DesignerPage(page);
        await designer.open();
        await page.getByRole('link', { name: RECEPTION }).first().click();
        await designer.heading(RECEPTION).waitFor();
        await page.locator('.react-flow__node').first().waitFor();

        // The canvas fills at least 60 % of the window.
        const canvas = await page.locator('.editor__canvas').boundingBox();
        expect(canvas).not.toBeNull();
        expect(canvas!.width * canvas!.height).toBeGreaterThanOrEqual(
          0.6 * viewport.width * viewport.height,
        );
        // The header is one row.
        const header = await page.getByRole('banner').boundingBox();
        expect(header!.height).toBeLessThanOrEqual(56);
        await expectScreen(page, `editor-${tag}`);

        await page.getByRole('banner').getByRole('button', { name: w.checks }).click();
        await expectScreen(page, `editor-checks-${tag}`);
        await page.getByRole('banner').getByRole('button', { name: w.checks }).click();

        const dialogs: [string, () => Promise<void>][] = [
          [
            'versions',
            () => page.getByRole('banner').getByRole('button', { name: w.versions }).click(),
          ],
          [
            'shortcuts',
            () => page.getByRole('banner').getByRole('button', { name: w.shortcuts }).click(),
          ],
          [
            'machine',
            async () => {
              await page.getByRole('banner').getByRole('button', { name: w.more }).click();
              await expectScreen(page, `editor-more-menu-${tag}`);
              await page.getByRole('menuitem', { name: w.machine }).click();
            },
          ],
          [
            'publish',
            () => page.getByRole('banner').getByRole('button', { name: w.publish }).click(),
          ],
        ];
        for (const [name, open] of dialogs) {
          await open();
          await page.getByRole('dialog').waitFor();
          await expectScreen(page, `dialog-${name}-${tag}`);
          await page.keyboard.press('Escape');
          await expect(page.getByRole('dialog')).toBeHidden();
        }

        await page.getByRole('banner').getByRole('button', { name: w.simulate }).click();
        const sim = page.locator('aside.simulator');
        await sim.getByRole('button', { name: w.aiEndpoint }).waitFor();
        await expectScreen(page, `simulator-${tag}`);
        const simBox = await sim.boundingBox();
        expect(canvas).not.toBeNull();
        const canvasWhileSimulating = await page.locator('.editor__canvas').boundingBox();
        expect(canvasWhileSimulating!.width).toBeGreaterThanOrEqual(viewport.width / 2);
        expect(simBox!.x + simBox!.width).toBeLessThanOrEqual(viewport.width);

        await sim.getByRole('button', { name: w.aiEndpoint }).click();
        await page.getByRole('dialog').waitFor();
        await expectScreen(page, `dialog-agent-settings-${tag}`);
        await page.keyboard.press('Escape');
        expect(designer.errors).toEqual([]);
      });
    });
  }
}
