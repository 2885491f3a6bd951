import { expect, test, type Page } from '@playwright/test';
import { generateLargeFlow } from '../runtime/bench/largeFlow.ts';
import { DesignerPage } from './pages/DesignerPage.ts';

// The node kinds and the canvas around them: a flow opens fitted in view,
// the keyboard reaches every node of a large flow, and (below) the transfer
// and fallback-bot nodes pick their team and bot from the workspace.

const RECEPTION = 'Recepção Loja Exemplo';

test.use({ viewport: { width: 1280, height: 800 } });

/** The ids of the nodes drawn on the canvas now. */
const drawnNodeIds = (page: Page) =>
  page
    .locator('.react-flow__node')
    .evaluateAll((nodes) => nodes.map((n) => (n as HTMLElement).dataset.id ?? ''));

/** The id of the node that has the focus, or holds it (one of its outputs). */
const focusedNodeId = (page: Page) =>
  page.evaluate(
    () =>
      document.activeElement?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? undefined,
  );

test('a flow opens fitted in the canvas, beside the docked panels, no node cut', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);
  await expect(designer.inspector).toBeVisible();
  await expect(designer.nodes()).toHaveCount(11);

  const canvas = (await designer.canvas.boundingBox())!;
  const inspector = (await designer.inspector.boundingBox())!;
  // Every node lies wholly inside the canvas, none under the inspector docked beside it.
  await expect
    .poll(async () => {
      const boxes = await designer.nodes().evaluateAll((nodes) =>
        nodes.map((n) => {
          const r = n.getBoundingClientRect();
          return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      );
      return boxes.filter(
        (b) =>
          b.left < canvas.x ||
          b.top < canvas.y ||
          b.right > canvas.x + canvas.width ||
          b.bottom > canvas.y + canvas.height ||
          b.right > inspector.x,
      ).length;
    })
    .toBe(0);
});

test('Tab reaches every node of a large flow, bringing those out of view into it', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  const flow = generateLargeFlow(600);
  await designer.importFile({
    name: 'large.flow.json',
    text: JSON.stringify({ ...flow, settings: { ...flow.settings, name: 'Large flow' } }),
  });
  await designer.heading('Large flow').waitFor();
  // Found, the greeting is shown at a zoom that draws only the nodes in view.
  await designer.findNode('Olá! Você ligou', 'Greeting: greeting');
  await designer.canvas.getByRole('group', { name: 'Greeting: greeting' }).focus();
  const drawnAtFirst = new Set(await drawnNodeIds(page));
  expect(drawnAtFirst.size).toBeLessThan(600);

  const visited: string[] = [];
  for (let i = 0; i < 120 && visited.every((id) => drawnAtFirst.has(id)); i++) {
    const before = await focusedNodeId(page);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedNodeId(page)).not.toBe(undefined);
    const now = await focusedNodeId(page);
    if (now !== before && now !== undefined) visited.push(now);
  }
  const beyond = visited.find((id) => !drawnAtFirst.has(id));
  expect(beyond, `Tab visited ${visited.join(', ')}`).toBeDefined();
  // The node Tab went to is on screen, focused, and the nodes before it were visited once each.
  await expect(page.locator(`.react-flow__node[data-id="${beyond}"]`)).toBeInViewport();
  await expect(page.locator(`.react-flow__node[data-id="${beyond}"]`)).toBeFocused();
  expect(new Set(visited).size).toBe(visited.length);
});
