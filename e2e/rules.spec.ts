import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { readRepoFlow } from './support/flowShape.ts';

/**
 * R2 as the FAQ means it, end to end in browser-only mode, for what
 * `channels.spec.ts` does not cover (it walks the checklist from no callbot
 * to the reception example with its teams): the items are about the LINE's
 * callbot, so a callbot that only greets and hangs up, or one that receives
 * callers but checks no schedule and transfers to nobody, ticks nothing the
 * workspace's other flows and teams provide; and taking the callbot off a
 * line whose calls are on turns them off, saying why.
 */
const WHATSAPP = '+55 11 3003 0004'; // a WhatsApp Business number with calling (sandbox)
const EXAMPLE = 'Recepção Loja Exemplo';

/** The reception example cut down to a greeting and its menu, every option hanging up. */
function menuOnlyFlow(): string {
  const example = readRepoFlow('runtime/examples/reception.flow.json');
  const keep = new Set(['greeting', 'menu', 'tchau']);
  const nodes = example.nodes
    .filter((n) => keep.has(n.id))
    .map((n) => ({
      ...n,
      connections: Object.fromEntries(
        Object.keys(n.connections).map((port) => [port, n.id === 'greeting' ? 'menu' : 'tchau']),
      ),
    }));
  const layout = example.layout as { nodes: Record<string, unknown> };
  return JSON.stringify({
    ...example,
    settings: { ...example.settings, name: 'Só menu' },
    nodes,
    layout: {
      ...layout,
      nodes: Object.fromEntries(Object.entries(layout.nodes).filter(([id]) => keep.has(id))),
    },
  });
}

async function createTeams(page: Page, names: readonly string[]) {
  await page.goto('/#/teams');
  for (const name of names) {
    await page.getByRole('textbox', { name: 'Team name' }).fill(name);
    await page.getByRole('spinbutton', { name: 'Agents available', exact: true }).fill('2');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByRole('rowheader', { name })).toBeVisible();
  }
}

test('R2: only the line’s own callbot ticks the checklist; taking it off turns calls off', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.flowList.getByRole('listitem').first().waitFor();

  // The workspace has everything R2 asks for, but in other hands: teams with agents, and the
  // reception example (a callbot that checks its opening hours and transfers to those teams).
  await designer.createFlow('Só saudação'); // a fresh flow: a greeting that hangs up
  await page.goto('/');
  await designer.importFile({ name: 'so-menu.flow.json', text: menuOnlyFlow() });
  await designer.heading('Só menu').waitFor();
  await page.goto('/');
  for (const name of ['Só saudação', 'Só menu', EXAMPLE]) {
    const mark = page.getByRole('checkbox', { name: `${name} is a callbot` });
    await mark.click();
    await expect(mark).toBeChecked();
  }
  await createTeams(page, ['vendas', 'suporte', 'recepcao']);

  await page.goto('/#/channels/whatsapp');
  const card = page.getByRole('region', { name: 'Calls by WhatsApp' });
  const create = card.getByRole('form', { name: 'Create new WhatsApp line' });
  await create.getByRole('textbox', { name: 'WhatsApp Business number' }).fill(WHATSAPP);
  await create.getByRole('button', { name: 'Verify and create' }).click();
  const line = card.getByRole('listitem', { name: WHATSAPP });
  const enable = line.getByRole('switch', { name: `Enable calls on ${WHATSAPP}` });
  const checklist = line.getByRole('list', { name: 'What calls need' });
  const items = checklist.getByRole('listitem');
  const missing = items.filter({ hasText: 'Missing:' });
  const picker = line.getByRole('combobox', { name: `Callbot for ${WHATSAPP}` });
  const assign = async (name: string, { replacing }: { replacing: boolean }) => {
    await picker.selectOption({ label: name });
    await line.getByRole('button', { name: `Assign callbot to ${WHATSAPP}` }).click();
    if (replacing) {
      await page
        .getByRole('dialog', { name: 'Replace the callbot?' })
        .getByRole('button', { name: `Replace with “${name}”` })
        .click();
    }
    await expect(line).toContainText(`Answered by the callbot “${name}”.`);
  };

  // A greeting that hangs up receives nobody: not a reception callbot, and it uses neither the
  // example's schedule nor the teams.
  await assign('Só saudação', { replacing: false });
  await expect(missing).toHaveCount(3);
  await enable.click();
  await expect(line.getByRole('alert')).toContainText('Calls cannot be enabled yet');
  await expect(enable).toHaveAttribute('aria-checked', 'false');

  // A menu receives callers, but checks no opening hours and transfers to no team: the teams
  // with agents and the example's schedule are not this callbot's.
  await assign('Só menu', { replacing: true });
  await expect(items.filter({ hasText: 'Done:' })).toHaveText([/^✓ Done: A reception callbot/]);
  await expect(missing).toHaveText([/Missing: Opening hours/, /Missing: Answering teams/]);
  await enable.click();
  await expect(enable).toHaveAttribute('aria-checked', 'false');

  // The reception example checks its hours and transfers to the three teams: calls go on.
  await assign(EXAMPLE, { replacing: true });
  await expect(line).toContainText('Everything needed to take calls is set.');
  await enable.click();
  await expect(enable).toHaveAttribute('aria-checked', 'true');
  await expect(line).toContainText('Calls are on');

  // Taken off the line, the callbot leaves calls off (the default callbot is no reception
  // callbot), with the reason, and stored: it reads back after a reload.
  await line.getByRole('button', { name: `Remove the callbot of ${WHATSAPP}` }).click();
  await expect(enable).toHaveAttribute('aria-checked', 'false');
  await expect(line).toContainText('Calls were turned off on');
  await expect(missing).toHaveCount(3);
  await page.reload();
  await expect(enable).toHaveAttribute('aria-checked', 'false');
  await expect(line).toContainText('Calls were turned off on');
  expect(designer.errors).toEqual([]);
});
