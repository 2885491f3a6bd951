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

  // At 1280 × 800 the reception flow fits whole at a zoom that draws the nodes' contents
  // (below that zoom it would open at its greeting instead).
  await expect(page.locator('.flow-canvas--zoomed-out')).toHaveCount(0);
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

/** The top navigation's link to a page. */
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true });

test('a transfer picks its team from the workspace, creates one from the node, and follows a rename', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await nav(page, 'Teams').click();
  await page.getByRole('textbox', { name: 'Team name' }).fill('Vendas');
  await page.getByRole('spinbutton', { name: 'Agents available', exact: true }).fill('2');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('rowheader', { name: 'Vendas', exact: true })).toBeVisible();

  await nav(page, 'Flows').click();
  await designer.createFlow('Atendimento');
  await designer.addNode('Transfer to team');
  const team = designer.inspector.getByRole('combobox', { name: 'Team', exact: true });
  // The workspace's teams are offered as you type.
  await expect(
    designer.inspector.locator('datalist option[value="Vendas"]'),
    'the workspace’s team is offered',
  ).toHaveCount(1);
  await designer.setField('Team', 'Vendas');
  await expect(designer.inspector.getByText('is not one of the workspace’s teams')).toHaveCount(0);

  // A team the workspace lacks: said so under the field as in the checks, with a button that creates it.
  // (an error in a workspace that has teams: the field is marked invalid, as the checks say)
  await team.fill('Suporte');
  await team.blur();
  await expect(team).toHaveAttribute('aria-invalid', 'true');
  // Under the field and in the node's checks.
  await expect(
    designer.inspector.getByText('The team “Suporte” is not one of the workspace’s teams'),
  ).toHaveCount(2);
  await designer.showChecks();
  await expect(designer.checks).toContainText(
    'The team “Suporte” is not one of the workspace’s teams',
  );
  await designer.inspector.getByRole('button', { name: 'Create the team “Suporte”' }).click();
  await expect(designer.inspector.getByText('is not one of the workspace’s teams')).toHaveCount(0);
  await expect(designer.checks).not.toContainText('is not one of the workspace’s teams');
  await designer.setField('Team', 'Vendas');
  await designer.expectSaved();

  // Renamed on the Teams page: the node follows.
  await designer.backToLibrary();
  await nav(page, 'Teams').click();
  await expect(page.getByRole('rowheader', { name: 'Suporte', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Rename Vendas' }).click();
  const newName = page.getByRole('textbox', { name: 'New name of Vendas' });
  await newName.fill('Ventas');
  await newName.press('Enter');
  await expect(page.getByRole('rowheader', { name: 'Ventas', exact: true })).toBeVisible();
  await nav(page, 'Flows').click();
  await designer.openFlow('Atendimento');
  await designer.node('Transfer to team: Transfer to team').click();
  await expect(team).toHaveValue('Ventas');
  await expect(designer.node('Transfer to team: Transfer to team')).toContainText('Ventas');
  expect(designer.errors).toEqual([]);
});

test('a transfer waits in the queue: its wait is set in the inspector, and the simulator says queued, not listening', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);
  await designer.findNode('vendas', 'Transfer to team: Equipe de vendas');
  await designer.setField('Wait message', 'Aguarde, por favor.');
  await designer.setField('Maximum wait (seconds)', '45');
  await designer.expectSaved();

  await designer.openSimulator();
  await designer.startCall({
    date: '2026-11-24',
    time: '10:00',
    agents: { vendas: 2 },
    speed: 'Instant',
  });
  await designer.pressKey('1');
  await expect(designer.transcript().filter({ hasText: 'Transfer to vendas' }).first()).toHaveText(
    /Transfer to vendas: queued, waiting for an agent \(not listening\)$/,
  );
  await expect(designer.transcript().last()).toHaveText(/Call ended: transferred$/);
  expect(designer.errors).toEqual([]);
});
