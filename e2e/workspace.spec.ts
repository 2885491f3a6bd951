import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { expectNoSeriousViolations } from './support/axe.ts';

/** The top navigation's link to a page. */
const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name, exact: true });

async function createTeam(page: Page, name: string, agents: string) {
  await page.getByRole('textbox', { name: 'Team name' }).fill(name);
  await page.getByRole('spinbutton', { name: 'Agents available', exact: true }).fill(agents);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('rowheader', { name, exact: true })).toBeVisible();
}

test('R9: teams: create two, make the second the default; the navigation marks the page', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await expect(nav(page, 'Flows')).toHaveAttribute('aria-current', 'page');
  await nav(page, 'Teams').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
  await expect(nav(page, 'Teams')).toHaveAttribute('aria-current', 'page');
  await expect(nav(page, 'Flows')).not.toHaveAttribute('aria-current', 'page');

  await createTeam(page, 'Recepção', '3');
  await createTeam(page, 'Vendas', '2');
  const receptionDefault = page.getByRole('radio', { name: 'Recepção is the default team' });
  const salesDefault = page.getByRole('radio', { name: 'Vendas is the default team' });
  await expect(receptionDefault).toBeChecked();
  await salesDefault.click();
  await expect(salesDefault).toBeChecked();
  await expect(receptionDefault).not.toBeChecked();

  // The default team cannot go while another team exists.
  await page.getByRole('button', { name: 'Delete Vendas' }).click();
  await expect(page.getByRole('alert')).toContainText('choose another default team first');

  await page.reload();
  await expect(page.getByRole('radio', { name: 'Vendas is the default team' })).toBeChecked();
  await expectNoSeriousViolations(page, 'the Teams page');
  expect(designer.errors).toEqual([]);
});

test('a named schedule used by the reception flow’s schedule node, edited on the Schedules page, shows the new hours in the editor', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await nav(page, 'Schedules').click();
  await page.getByRole('textbox', { name: 'New schedule name' }).fill('Loja');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Loja' })).toBeVisible();

  // The reception flow's schedule node takes the named schedule's hours.
  await nav(page, 'Flows').click();
  await designer.openFlow('Recepção Loja Exemplo');
  await designer.findNode('Horário', 'Schedule: Horário de atendimento');
  const hours = designer.inspectorGroup('Hours');
  await hours.getByRole('radio', { name: 'A named schedule' }).check();
  await expect(hours.getByRole('combobox', { name: 'Named schedule' })).toHaveValue(/.+/);
  await expect(designer.weekSummary()).toContainText(['Mon 09:00–18:00', 'Sat closed']);
  await designer.expectSaved();

  // Edited on the Schedules page: Saturday 10:00 to 10:30 opens.
  await hours.getByRole('link', { name: 'Edit “Loja” on the Schedules page' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Loja' })).toBeVisible();
  await expect(page.getByText('Used by “Recepção Loja Exemplo”.')).toBeVisible();
  const saturday = page.getByRole('gridcell', { name: 'Saturday 10:00 to 10:30', exact: true });
  await designer.paintWeek(saturday, saturday);
  await expect(saturday).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Save schedule' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved, and updated in' })).toHaveText(
    'Saved, and updated in “Recepção Loja Exemplo”.',
  );
  await expectNoSeriousViolations(page, 'the Schedules page');

  // The editor shows the new hours.
  await nav(page, 'Flows').click();
  await designer.openFlow('Recepção Loja Exemplo');
  await designer.findNode('Horário', 'Schedule: Horário de atendimento');
  await expect(designer.weekSummary()).toContainText(['Sat 10:00–10:30']);

  // A schedule in use cannot be deleted; the refusal names the flow.
  await page.goBack();
  await page.goto('/#/schedules');
  await page.getByRole('button', { name: 'Delete schedule' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Recepção Loja Exemplo');
  expect(designer.errors).toEqual([]);
});

test('the prices page shows the example figures in words, labelled as examples', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await page.goto('/#/prices');
  await expect(page.getByRole('heading', { level: 1, name: 'Prices' })).toBeVisible();
  await expect(page.getByText('Example figures').first()).toBeVisible();
  await expect(page.getByText(/Calls up to 2 min: .* per minute/).first()).toBeVisible();
  await expect(page.getByText(/Calls over 2 min: .* per minute/).first()).toBeVisible();
  await expect(page.getByText(/Free: WhatsApp calls the customer starts/).first()).toBeVisible();
  await expectNoSeriousViolations(page, 'the Prices page');
  expect(designer.errors).toEqual([]);
});

test('a workspace exported, then imported into a fresh browser profile, gives the same lists', async ({
  page,
  browser,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.flowList.getByRole('listitem').first().waitFor();
  await page.getByRole('checkbox', { name: 'Recepção Loja Exemplo is a callbot' }).check();
  await nav(page, 'Teams').click();
  await createTeam(page, 'Suporte', '4');
  await createTeam(page, 'Vendas', '1');
  await nav(page, 'Schedules').click();
  await page.getByRole('textbox', { name: 'New schedule name' }).fill('Horário comercial');
  await page.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Horário comercial' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('banner').getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Export workspace' }).click();
  const file = await download;
  const text = await readFile(await file.path(), 'utf8');
  expect(file.suggestedFilename()).toMatch(/^workspace-.*\.callbot-workspace\.json$/);

  const fresh = await browser.newContext({ locale: 'en-US' });
  const other = await fresh.newPage();
  const otherDesigner = new DesignerPage(other);
  await otherDesigner.open();
  await otherDesigner.flowList.getByRole('listitem').first().waitFor();

  // A broken file is refused with the record, the field and why; nothing changes.
  const broken = JSON.parse(text) as { teams: { agents: number }[] };
  broken.teams[0]!.agents = -1;
  let chooser = other.waitForEvent('filechooser');
  await other.getByRole('banner').getByRole('button', { name: 'More actions' }).click();
  await other.getByRole('menuitem', { name: 'Import workspace' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  const refused = other.getByRole('dialog', { name: 'Workspace file refused' });
  await expect(refused).toContainText('teams[0].agents');
  await expect(refused).toContainText('the number of agents cannot be negative');
  await refused.getByRole('button', { name: 'Close' }).click();

  chooser = other.waitForEvent('filechooser');
  await other.getByRole('banner').getByRole('button', { name: 'More actions' }).click();
  await other.getByRole('menuitem', { name: 'Import workspace' }).click();
  await (
    await chooser
  ).setFiles({
    name: file.suggestedFilename(),
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const confirm = other.getByRole('dialog', { name: 'Replace the workspace?' });
  await expect(confirm).toContainText('1 flow (1 callbot), 2 teams, 1 schedule');
  await confirm.getByRole('button', { name: 'Replace workspace' }).click();
  await expect(other.getByRole('status').filter({ hasText: 'Workspace imported' })).toBeVisible();

  const names = async (p: Page) => {
    // Each page loads its list from the browser's storage: read it once it is there.
    await nav(p, 'Flows').click();
    const flowLinks = new DesignerPage(p).flowList.getByRole('link');
    await flowLinks.first().waitFor();
    const flows = await flowLinks.allInnerTexts();
    const callbot = await p
      .getByRole('checkbox', { name: 'Recepção Loja Exemplo is a callbot' })
      .isChecked();
    await nav(p, 'Teams').click();
    await p.getByRole('rowheader').first().waitFor();
    const teams = await p.getByRole('rowheader').allInnerTexts();
    const agents = await p
      .getByRole('spinbutton', { name: /^Agents available in/ })
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await nav(p, 'Schedules').click();
    const scheduleLinks = p.getByRole('navigation', { name: 'Schedules' }).getByRole('link');
    await scheduleLinks.first().waitFor();
    const schedules = await scheduleLinks.allInnerTexts();
    return { flows, callbot, teams, agents, schedules };
  };
  const expected = await names(page);
  expect(expected.teams).toEqual(['Suporte', 'Vendas']);
  expect(await names(other)).toEqual(expected);
  await expectNoSeriousViolations(other, 'the library after an import');
  await fresh.close();
  expect(designer.errors).toEqual([]);
  expect(otherDesigner.errors).toEqual([]);
});
