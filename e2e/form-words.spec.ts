import { expect, test, type Locator } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';

/**
 * What a form says about a field left empty is in the page's language, not
 * the browser's (designer/src/forms/validityMessages.ts): Chromium says
 * "Please fill out this field." whatever the page's language.
 */

// A browser that asks for Brazilian Portuguese: the designer speaks it.
test.use({ locale: 'pt-BR' });

/** The message the browser shows for `field`, as its form was sent. */
const messageOf = (field: Locator) =>
  field.evaluate((el) => (el as HTMLInputElement).validationMessage);

test('a form sent with an empty name says so in Portuguese (new flow, teams)', async ({ page }) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await expect(page.locator('html')).toHaveAttribute('lang', 'pt-BR');

  // The library's "New flow" form, sent empty: no flow is made, the name field says why.
  const flowList = page.getByRole('list', { name: 'Fluxos' }).getByRole('listitem');
  await flowList.first().waitFor();
  const flows = await flowList.count();
  await page.getByRole('button', { name: 'Novo fluxo', exact: true }).click();
  const flowName = page.getByRole('textbox', { name: 'Nome do novo fluxo' });
  await expect(flowName).toBeFocused();
  expect(await messageOf(flowName)).toBe('Preencha este campo.');
  await expect(flowList).toHaveCount(flows);
  // Typing clears it: the browser checks the new value afresh.
  await flowName.fill('Vendas');
  expect(await messageOf(flowName)).toBe('');

  // The Teams form, sent empty.
  await page.getByRole('link', { name: 'Equipes', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Equipes' }).waitFor();
  const teamName = page.getByRole('textbox', { name: 'Nome da equipe' });
  await page.getByRole('button', { name: 'Criar equipe' }).click();
  await expect(teamName).toBeFocused();
  expect(await messageOf(teamName)).toBe('Preencha este campo.');

  // A count below its minimum says the bound, written as Portuguese writes numbers.
  await teamName.fill('Vendas');
  const agents = page.getByRole('spinbutton', { name: 'Agentes disponíveis' });
  await agents.fill('-1');
  await page.getByRole('button', { name: 'Criar equipe' }).click();
  expect(await messageOf(agents)).toBe('Digite um valor de 0 ou mais.');
  expect(designer.errors).toEqual([]);
});
