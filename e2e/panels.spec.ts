import { expect, test, type Locator } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

// The editor's docked panels: the canvas fills the window, the palette, the
// side panel (inspector, simulator) and the checks dock around it; each one
// hides and shows, resizes, and is remembered across a reload.

const RECEPTION = 'Recepção Loja Exemplo';

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'the element is on screen').not.toBeNull();
  return found!;
}

test.use({ viewport: { width: 1280, height: 800 } });

test('the panels hide, show and resize, and the layout is remembered across a reload', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);
  const canvasArea = page.locator('.editor__canvas');
  const palette = page.getByRole('navigation', { name: 'Palette' });
  await expect(palette).toBeVisible();
  await expect(designer.inspector).toBeVisible();

  // The canvas fills what the panels leave: at least 60 % of the window, at least half its width.
  const first = await box(canvasArea);
  expect(first.width * first.height).toBeGreaterThanOrEqual(0.6 * 1280 * 800);
  expect(first.width).toBeGreaterThanOrEqual(640);

  // Hide the palette: the canvas takes its room; a rail keeps the way back.
  await page.getByRole('button', { name: 'Hide the palette' }).click();
  await expect(palette).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show the palette' })).toBeVisible();
  const wider = await box(canvasArea);
  expect(wider.width).toBeGreaterThan(first.width + 100);

  // Widen the side panel from the keyboard: its separator moves with the arrow keys.
  const inspectorBefore = await box(designer.inspector);
  const separator = page.getByRole('separator', { name: 'the side panel' });
  await separator.focus();
  await page.keyboard.press('ArrowLeft');
  await expect
    .poll(async () => (await box(designer.inspector)).width)
    .toBeGreaterThan(inspectorBefore.width + 10);
  const inspectorWidened = (await box(designer.inspector)).width;

  // And with the mouse: drag it further left.
  const handle = await box(separator);
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x - 60, handle.y + handle.height / 2, { steps: 6 });
  await page.mouse.up();
  await expect
    .poll(async () => (await box(designer.inspector)).width)
    .toBeGreaterThan(inspectorWidened + 40);
  const inspectorWidth = (await box(designer.inspector)).width;

  // The checks open below the canvas from the header's count.
  await expect(designer.checks).toBeHidden();
  await designer.showChecks();
  await expect(designer.checksButton()).toHaveAttribute('aria-expanded', 'true');
  await expect(designer.checks.getByRole('status')).toBeVisible();

  // Everything is as it was after a reload.
  await page.reload();
  await designer.heading(RECEPTION).waitFor();
  await expect(palette).toBeHidden();
  await expect(page.getByRole('button', { name: 'Show the palette' })).toBeVisible();
  await expect(designer.checks).toBeVisible();
  await expect
    .poll(async () => Math.abs((await box(designer.inspector)).width - inspectorWidth))
    .toBeLessThanOrEqual(2);

  // Show the palette again; hide the checks from their own button.
  await page.getByRole('button', { name: 'Show the palette' }).click();
  await expect(palette).toBeVisible();
  await page.getByRole('button', { name: 'Hide the checks' }).click();
  await expect(designer.checks).toBeHidden();
  await expect(designer.checksButton()).toHaveAttribute('aria-expanded', 'false');
  expect(designer.errors).toEqual([]);
});

test('at 1024 px the simulator takes the inspector’s place and the canvas keeps half the window', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);
  const sim = await designer.openSimulator();
  await expect(sim).toBeVisible();
  // The inspector is one tab away, not squeezed beside the simulator.
  await expect(designer.inspector).toBeHidden();
  const canvas = await box(page.locator('.editor__canvas'));
  expect(canvas.width).toBeGreaterThanOrEqual(512);

  // The call setup stays inside its panel.
  const panel = await box(sim);
  for (const field of await sim.locator('fieldset').all()) {
    const inside = await box(field);
    expect(inside.x + inside.width).toBeLessThanOrEqual(panel.x + panel.width + 1);
  }

  await designer.showSideTab('Inspector');
  await expect(designer.inspector).toBeVisible();
  await designer.showSideTab('Simulator');
  await expect(sim.getByRole('button', { name: 'Start call' })).toBeVisible();

  // Closing the simulator gives the canvas back the room it lent.
  await page.getByRole('banner').getByRole('button', { name: 'Simulate' }).click();
  await expect(sim).toBeHidden();
  await expect
    .poll(async () => (await box(page.locator('.editor__canvas'))).width)
    .toBeGreaterThan(canvas.width + 40);
  expect(designer.errors).toEqual([]);
});
