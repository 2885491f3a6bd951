import { expect, test, type Locator, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

/** Each node's box on the screen, by its accessible name. */
async function nodeBoxes(page: Page) {
  return page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return {
        name: node.getAttribute('aria-label') ?? '',
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
      };
    }),
  );
}

/** The pairs of nodes whose boxes overlap (by more than a pixel of rounding). */
async function overlappingNodes(page: Page): Promise<string[]> {
  const boxes = await nodeBoxes(page);
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const apart =
        a.x + a.width <= b.x + 1 ||
        b.x + b.width <= a.x + 1 ||
        a.y + a.height <= b.y + 1 ||
        b.y + b.height <= a.y + 1;
      if (!apart) pairs.push(`${a.name} / ${b.name}`);
    }
  }
  return pairs;
}

/** The names of the nodes whose boxes lie, even in part, under `box` (the minimap's). */
async function nodesUnder(
  page: Page,
  box: { x: number; y: number; width: number; height: number },
) {
  return (await nodeBoxes(page))
    .filter(
      (b) =>
        b.x < box.x + box.width &&
        box.x < b.x + b.width &&
        b.y < box.y + box.height &&
        box.y < b.y + b.height,
    )
    .map((b) => b.name);
}

/** Waits until the view stands still (fit view and resizes move it with an animation). */
async function viewSettled(page: Page): Promise<void> {
  await expect(async () => {
    const before = await nodeBoxes(page);
    await page.waitForTimeout(100);
    expect(await nodeBoxes(page)).toEqual(before);
  }).toPass();
}

/** The editor on the reception example, its canvas drawn. */
async function openReception(page: Page): Promise<DesignerPage> {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow('Recepção Loja Exemplo');
  await designer.canvas.waitFor();
  await expect(designer.nodes()).toHaveCount(11);
  return designer;
}

/** The outputs' handles of a node (each a button named after its output). */
const outputs = (node: Locator) => node.locator('.react-flow__handle.source');
/** The name a new node got (shown on the canvas): in the UI language, not its id. */
const nameField = (designer: DesignerPage) =>
  designer.inspector.getByRole('textbox', { name: 'Name', exact: true });

test('nodes added from the palette never land on another node', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.createFlow('Paleta');
  // Nothing selected: each goes to the free spot nearest the view's centre.
  for (const kind of ['Message', 'Button menu', 'Schedule', 'Transfer to team', 'Message']) {
    await designer.focusCanvas();
    await designer.addNode(kind);
  }
  await expect(designer.nodes()).toHaveCount(7);
  expect(await overlappingNodes(page)).toEqual([]);

  // One selected: the new node goes under it, led to from its first free output.
  await designer.addNode('Button menu');
  const menu = await nameField(designer).inputValue();
  await designer.node(`Button menu: ${menu}`).click();
  await designer.addNode('Hang up');
  const after = await nameField(designer).inputValue();
  await expect(
    page.getByRole('group', {
      name: new RegExp(`^Connection from ${menu} \\(1\\b.*\\) to ${after}$`),
    }),
  ).toHaveCount(1);
  expect(await overlappingNodes(page)).toEqual([]);
  const [menuBox, afterBox] = await Promise.all([
    designer.node(`Button menu: ${menu}`).boundingBox(),
    designer.node(`Hang up: ${after}`).boundingBox(),
  ]);
  expect(afterBox!.y).toBeGreaterThan(menuBox!.y + menuBox!.height);
  expect(designer.errors).toEqual([]);
});

test('a connection dragged from an output into empty space offers the node kinds and adds the chosen one there, connected', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.createFlow('Arrastar');
  const greeting = designer.node('Greeting: Greeting');
  // The greeting leads to the hang-up: take its connection off first.
  await greeting.click();
  await designer.connectPort('Then go to', '');
  const handle = (await outputs(greeting).first().boundingBox())!;
  const canvas = (await designer.canvas.boundingBox())!;
  const drop = { x: canvas.x + canvas.width * 0.25, y: canvas.y + canvas.height * 0.7 };
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(drop.x, drop.y, { steps: 12 });
  await page.mouse.up();

  const menu = page.getByRole('dialog', { name: 'Add a node here, connected' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('option', { name: 'New Greeting' })).toHaveCount(0);
  await menu.getByRole('option', { name: 'New Message' }).click();
  await expect(menu).toHaveCount(0);

  await expect(designer.nodes()).toHaveCount(3);
  const added = designer.node('Message: Message');
  await expect(added).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Connection from Greeting (next) to Message' }),
  ).toHaveCount(1);
  // Where it was dropped: its top centre near the pointer.
  const box = (await added.boundingBox())!;
  expect(Math.abs(box.x + box.width / 2 - drop.x)).toBeLessThan(box.width / 2);
  expect(Math.abs(box.y - drop.y)).toBeLessThan(60);
  expect(await overlappingNodes(page)).toEqual([]);

  // One step of history.
  await expect(designer.undoButton()).toHaveAccessibleDescription(/^Undo Add node/);
  expect(designer.errors).toEqual([]);
});

test('from the keyboard: Tab reaches the nodes in flow order before connections, and an output connects from its node', async ({
  page,
}) => {
  const designer = await openReception(page);

  // Into the canvas with Tab: the greeting first, then the schedule it leads to.
  await designer.paletteItem('Hang up').focus();
  const focusedName = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  for (let i = 0; i < 20 && !(await focusedName()).includes(': '); i++) {
    await page.keyboard.press('Tab');
  }
  expect(await focusedName()).toBe('Greeting: Boas-vindas');
  await page.keyboard.press('Tab');
  expect(await focusedName()).toBe('Schedule: Horário de atendimento');
  // Eleven nodes, then the connections; Shift+Tab walks back.
  for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
  expect(await focusedName()).toMatch(/^Connection from Boas-vindas/);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName()).toMatch(/^[^:]+: /);

  // A connection shows its focus.
  await page.keyboard.press('Tab');
  const edge = page.locator('.react-flow__edge:focus-visible');
  await expect(edge).toHaveCount(1);
  const ring = await edge
    .locator('.react-flow__edge-path')
    .evaluate((path) => getComputedStyle(path).stroke);
  expect(ring).not.toBe('rgb(177, 177, 183)');

  // Select the message "fechado", Tab to its output, Enter: connect it to the menu.
  const fechado = designer.node('Message: Aviso de fechado');
  await fechado.focus();
  await page.keyboard.press('Enter');
  await expect(designer.inspector.getByRole('heading', { level: 2 })).toHaveText(
    'Aviso de fechado',
  );
  // The inspector opening narrows the canvas, which keeps its centre by moving the view; the
  // node is focused again once that has settled, so Tab starts from it.
  await fechado.focus();
  await expect(fechado).toBeFocused();
  await page.keyboard.press('Tab');
  const output = page.getByRole('button', {
    name: 'Connect the output “next” of Aviso de fechado',
  });
  await expect(output).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Connect “next” to…' });
  await expect(dialog).toBeVisible();
  await page.keyboard.type('menu');
  await expect(dialog.getByRole('option')).toHaveText([
    'Button menu: Menu principal',
    'New Button menu',
  ]);
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(output).toBeFocused();
  await expect(
    page.getByRole('group', { name: 'Connection from Aviso de fechado (next) to Menu principal' }),
  ).toHaveCount(1);
  await expect(designer.undoButton()).toHaveAccessibleDescription(/^Undo Connect/);
  expect(designer.errors).toEqual([]);
});

test('auto layout run while zoomed out never stacks nodes, once zoomed back in', async ({
  page,
}) => {
  const designer = await openReception(page);
  const zoomOut = page.getByRole('button', { name: 'Zoom Out' });
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  const zoomedOut = page.locator('.flow-canvas--zoomed-out');
  while ((await zoomedOut.count()) === 0) await zoomOut.click();
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect(designer.undoButton()).toHaveAccessibleDescription(/^Undo Auto layout/);
  await designer.expectSaved();
  // Back in full detail, at any zoom, and after a reload.
  for (let i = 0; i < 12 && (await zoomedOut.count()) > 0; i++) await zoomIn.click();
  await expect(zoomedOut).toHaveCount(0);
  expect(await overlappingNodes(page)).toEqual([]);
  await page.reload();
  await designer.canvas.waitFor();
  await expect(designer.nodes()).toHaveCount(11);
  while ((await zoomedOut.count()) > 0) await zoomIn.click();
  expect(await overlappingNodes(page)).toEqual([]);
  expect(designer.errors).toEqual([]);
});

test('no node lies under the minimap once the flow opens, nor after “fit view”, and the minimap can be hidden', async ({
  page,
}) => {
  // Tall enough for the reception flow to open fitted whole at a readable zoom (in a
  // shorter window it opens at its greeting, the flow going on under the minimap).
  await page.setViewportSize({ width: 1280, height: 800 });
  const designer = await openReception(page);
  const minimap = page.locator('.react-flow__minimap');
  const map = (await minimap.boundingBox())!;
  const zoomButtons = (await page.locator('.react-flow__controls').boundingBox())!;
  // Opened fitted whole, in full detail, clear of the minimap's corner (and the zoom buttons').
  await viewSettled(page);
  await expect(page.locator('.flow-canvas--zoomed-out')).toHaveCount(0);
  expect(await nodesUnder(page, map)).toEqual([]);
  expect(await nodesUnder(page, zoomButtons)).toEqual([]);
  await page.getByRole('button', { name: 'Fit View' }).click();
  await viewSettled(page);
  expect(await nodesUnder(page, map)).toEqual([]);
  expect(await nodesUnder(page, zoomButtons)).toEqual([]);

  const toggle = page.getByRole('button', { name: 'Overview map' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(minimap).toHaveCount(0);
  await page.reload();
  await designer.canvas.waitFor();
  await expect(page.getByRole('button', { name: 'Overview map' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );
  await expect(minimap).toHaveCount(0);
  expect(designer.errors).toEqual([]);
});

test('a side panel widened keeps the opening view until the user pans, then the canvas’s centre, the nodes there still in view', async ({
  page,
}) => {
  const designer = await openReception(page);
  await viewSettled(page);
  const canvasBox = async () => (await designer.canvas.boundingBox())!;
  const greeting = async () => (await nodeBoxes(page)).find((b) => b.name.startsWith('Greeting'))!;
  const separator = page.getByRole('separator', { name: 'the side panel' });
  /** Widens the side panel by `by` px, dragging its separator, and waits for the canvas to follow. */
  const widenPanel = async (by: number) => {
    const before = await canvasBox();
    const handle = (await separator.boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x - by, handle.y + handle.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(async () => (await canvasBox()).width).toBeLessThan(before.width - by + 50);
    await viewSettled(page);
  };

  // Not moved yet: the view opens again in the room left, the greeting still at its top, whole.
  const topBefore = (await greeting()).y - (await canvasBox()).y;
  await widenPanel(100);
  const canvas = await canvasBox();
  const start = await greeting();
  expect(Math.abs(start.y - canvas.y - topBefore)).toBeLessThan(2);
  expect(start.x).toBeGreaterThanOrEqual(canvas.x);
  expect(start.x + start.width).toBeLessThanOrEqual(canvas.x + canvas.width);

  // Panned by the user (dragged from a point of the canvas no node, zoom button or map covers).
  const covered = [
    ...(await nodeBoxes(page)),
    (await page.locator('.react-flow__controls').boundingBox())!,
    (await page.locator('.react-flow__minimap').boundingBox())!,
  ];
  const empty = Array.from({ length: 20 * 20 }, (_, i) => ({
    x: canvas.x + ((i % 20) + 0.5) * (canvas.width / 20),
    y: canvas.y + (Math.floor(i / 20) + 0.5) * (canvas.height / 20),
  })).find(
    (p) =>
      !covered.some(
        (b) =>
          p.x > b.x - 8 && p.x < b.x + b.width + 8 && p.y > b.y - 8 && p.y < b.y + b.height + 8,
      ),
  )!;
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.down();
  await page.mouse.move(empty.x + 40, empty.y + 30, { steps: 6 });
  await page.mouse.up();
  await viewSettled(page);
  expect((await greeting()).y - canvas.y).toBeGreaterThan(topBefore + 20);

  const centreOf = (b: { x: number; y: number; width: number; height: number }) => ({
    x: b.x + b.width / 2,
    y: b.y + b.height / 2,
  });
  /** The node nearest the canvas's centre, and where it is from that centre. */
  const nearestCentre = async () => {
    const c = centreOf(await canvasBox());
    const [nearest] = (await nodeBoxes(page))
      .map((b) => ({ name: b.name, dx: centreOf(b).x - c.x, dy: centreOf(b).y - c.y }))
      .sort((a, b) => Math.hypot(a.dx, a.dy) - Math.hypot(b.dx, b.dy));
    return nearest!;
  };
  const before = await nearestCentre();
  await widenPanel(100);

  // The same node at the same place from the (new) centre.
  const node = (await nodeBoxes(page)).find((b) => b.name === before.name)!;
  const c = centreOf(await canvasBox());
  expect(Math.abs(centreOf(node).x - c.x - before.dx)).toBeLessThan(2);
  expect(Math.abs(centreOf(node).y - c.y - before.dy)).toBeLessThan(2);
  expect(designer.errors).toEqual([]);
});

test.describe('in Portuguese', () => {
  test.use({ locale: 'pt-BR' });

  test('a button menu’s outputs stay inside the node, each handle under its label', async ({
    page,
  }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await page
      .getByRole('list', { name: 'Fluxos' })
      .getByRole('link', { name: 'Recepção Loja Exemplo' })
      .click();
    const menu = page
      .getByRole('application', { name: 'Tela do fluxo' })
      .getByRole('group', { name: /^Menu de botões: / });
    await menu.click();
    await page.getByRole('complementary').getByRole('button', { name: 'Adicionar opção' }).click();
    const node = (await menu.boundingBox())!;
    const handles = outputs(menu);
    await expect(handles).toHaveCount(5);
    const labels = menu.locator('.flow-node__port-label');
    for (let i = 0; i < 5; i++) {
      const h = (await handles.nth(i).boundingBox())!;
      const label = (await labels.nth(i).boundingBox())!;
      // Inside the node across, and at most half below its bottom edge.
      expect(h.x).toBeGreaterThanOrEqual(node.x);
      expect(h.x + h.width).toBeLessThanOrEqual(node.x + node.width);
      expect(h.y + h.height / 2).toBeLessThanOrEqual(node.y + node.height + 1);
      // Under its own label, centred on it.
      expect(Math.abs(h.x + h.width / 2 - (label.x + label.width / 2))).toBeLessThan(2);
      expect(h.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
      // No label runs past the node's border.
      expect(label.x).toBeGreaterThanOrEqual(node.x);
      expect(label.x + label.width).toBeLessThanOrEqual(node.x + node.width);
    }
    expect(designer.errors).toEqual([]);
  });
});
