import { expect, test, type Locator, type Page } from '@playwright/test';

// The editor in a 1024 px window, in the two longer languages: the header
// fits in one row (Simulate and Publish whole on screen, the less used tools
// in the "More actions" menu), nothing widens the page (opening the Publish
// dialog or the simulator never scrolls it sideways), the panels' Hide
// buttons never cover a heading, and the palette's names stay inside their
// buttons.

const RECEPTION = 'Recepção Loja Exemplo';
const WIDTH = 1024;

const languages = [
  {
    locale: 'pt-BR',
    flows: 'Fluxos',
    simulate: 'Simular',
    publish: 'Publicar',
    publishDialog: 'Publicar num servidor de execução',
    close: 'Fechar',
    moreActions: 'Mais ações',
    versions: 'Versões',
    palette: 'Paleta',
    paletteHeading: 'Adicionar um nó',
    hidePalette: 'Ocultar a paleta',
    simulator: 'Simulador',
  },
  {
    locale: 'es',
    flows: 'Flujos',
    simulate: 'Simular',
    publish: 'Publicar',
    publishDialog: 'Publicar en un servidor de ejecución',
    close: 'Cerrar',
    moreActions: 'Más acciones',
    versions: 'Versiones',
    palette: 'Paleta',
    paletteHeading: 'Añadir un nodo',
    hidePalette: 'Ocultar la paleta',
    simulator: 'Simulador',
  },
] as const;

test.use({ viewport: { width: WIDTH, height: 768 } });

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'the element is on screen').not.toBeNull();
  return found!;
}

/** The element lies whole inside the window's width. */
async function expectWithinWidth(locator: Locator, what: string) {
  const { x, width } = await box(locator);
  expect(x, `${what} starts inside the window`).toBeGreaterThanOrEqual(0);
  expect(x + width, `${what} ends inside the window`).toBeLessThanOrEqual(WIDTH);
}

/** Nothing on the page is wider than the window (no sideways scrolling, nothing cut off). */
async function expectNoSidewaysOverflow(page: Page, when: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    window: window.innerWidth,
    scrolled: window.scrollX,
  }));
  expect(widths.scroll, `the page is no wider than the window ${when}`).toBeLessThanOrEqual(
    widths.window,
  );
  expect(widths.scrolled, `the page is not scrolled sideways ${when}`).toBe(0);
}

for (const l of languages) {
  test.describe(l.locale, () => {
    test.use({ locale: l.locale });

    test(`at 1024 px the editor's header fits, the page never scrolls sideways and the palette's names stay in their buttons (${l.locale})`, async ({
      page,
    }) => {
      await page.goto('/');
      await page.getByRole('link', { name: RECEPTION, exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: RECEPTION })).toBeVisible();
      const header = page.getByRole('banner');
      const simulate = header.getByRole('button', { name: l.simulate, exact: true });
      const publish = header.getByRole('button', { name: l.publish, exact: true });

      // The main actions whole on screen, the way back still there (its name in its tooltip).
      await expectWithinWidth(simulate, 'Simulate');
      await expectWithinWidth(publish, 'Publish');
      await expectWithinWidth(header.getByRole('link', { name: l.flows }), 'the way back');
      await expectNoSidewaysOverflow(page, 'with the flow open');

      // The palette's names wrap inside their buttons.
      const palette = page.getByRole('navigation', { name: l.palette });
      const expectNamesInside = async (when: string) => {
        const buttons = palette.getByRole('button');
        expect(await buttons.count()).toBeGreaterThan(5);
        for (const button of await buttons.all()) {
          const name = (await button.textContent()) ?? '';
          const fits = await button.evaluate((b) => b.scrollWidth <= b.clientWidth);
          expect(fits, `"${name}" stays inside its button ${when}`).toBe(true);
        }
      };
      await expectNamesInside('with the inspector open');

      // The palette's Hide button sits beside its heading, not over it.
      const heading = await box(palette.getByRole('heading', { name: l.paletteHeading }));
      const hide = await box(page.getByRole('button', { name: l.hidePalette }));
      expect(
        hide.x >= heading.x + heading.width || hide.y >= heading.y + heading.height,
        'the Hide button does not cover the heading',
      ).toBe(true);

      // Publish opens its dialog, and closing it gives the focus back to a button on screen:
      // the page does not move.
      await publish.click();
      const dialog = page.getByRole('dialog', { name: l.publishDialog });
      await expect(dialog).toBeVisible();
      await expectNoSidewaysOverflow(page, 'with the Publish dialog open');
      await dialog.getByRole('button', { name: l.close, exact: true }).click();
      await expect(dialog).toBeHidden();
      await expect(publish).toBeFocused();
      await expectNoSidewaysOverflow(page, 'after the Publish dialog closed');
      await expectWithinWidth(publish, 'Publish after its dialog');

      // With the simulator open (a wider side panel, a narrower palette) everything still fits.
      await simulate.click();
      await expect(page.getByRole('tab', { name: l.simulator })).toHaveAttribute(
        'aria-selected',
        'true',
      );
      await expectWithinWidth(simulate, 'Simulate with the simulator open');
      await expectWithinWidth(publish, 'Publish with the simulator open');
      await expectNoSidewaysOverflow(page, 'with the simulator open');
      await expectNamesInside('with the simulator open');
    });
  });
}

test.describe('narrower than 1024 px', () => {
  test.use({ locale: 'es', viewport: { width: 900, height: 700 } });

  test('the header goes compact: the way back as its icon, versions and shortcuts in "More actions", Simulate and Publish whole', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('link', { name: RECEPTION, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: RECEPTION })).toBeVisible();
    const header = page.getByRole('banner');
    const { x, width } = await box(header.getByRole('button', { name: 'Publicar', exact: true }));
    expect(x + width, 'Publish ends inside the window').toBeLessThanOrEqual(900);
    await expect(header.getByRole('button', { name: 'Simular', exact: true })).toBeVisible();
    await expectNoSidewaysOverflow(page, 'in a 900 px window');

    // The way back keeps its name (for screen readers and in its tooltip).
    await expect(header.getByRole('link', { name: 'Flujos' })).toBeVisible();
    await expect(header.getByRole('button', { name: 'Versiones', exact: true })).toHaveCount(0);
    await header.getByRole('button', { name: 'Más acciones' }).click();
    await page.getByRole('menuitem', { name: 'Versiones' }).click();
    await expect(page.getByRole('dialog', { name: 'Versiones' })).toBeVisible();
  });
});
