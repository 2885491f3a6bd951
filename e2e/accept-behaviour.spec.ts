import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { axeFindings } from './support/axe.ts';

const RECEPTION = 'Recepção Loja Exemplo';
const CASE = 'Vendas sem agentes';

test('a failing test case shows expected and actual side by side, and accepting the new behaviour re-records it as one undoable step', async ({
  page,
}) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);
  await designer.openSimulator();
  await designer.startCall({
    date: '2026-11-24',
    time: '10:00',
    agents: { vendas: 0 },
    speed: 'Instant',
  });
  await expect(designer.listeningIndicator()).toHaveText(/^Listening/);
  await designer.pressKey('1');
  await expect(designer.listeningIndicator()).toHaveText('Call ended');
  await designer.saveTestCase(CASE);

  // An intended change: a shorter menu prompt.
  await designer.findNode('menu', 'Button menu: Menu principal');
  await designer.setField('Prompt', 'Vendas: 1. Suporte: 2.');
  const tests = designer.testCases();
  const result = await designer.runTests(CASE);
  await expect(result).toHaveText('Failed');

  const table = tests.getByRole('table', { name: `Expected and actual transcript of ${CASE}` });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Expected (recorded)',
    'Actual (this run)',
  ]);
  const changed = table.getByRole('row').filter({ hasText: 'different' });
  await expect(changed.first().getByRole('cell')).toHaveText([
    /Bot says: “Para vendas, digite 1\. Para suporte, digite 2\.”$/,
    /Bot says: “Vendas: 1\. Suporte: 2\.”$/,
  ]);
  const findings = await axeFindings(page, {
    include: ['section[aria-label="Test cases"]'],
    impacts: 'all',
  });
  expect(findings, 'axe on the side-by-side comparison').toEqual([]);

  const accept = tests.getByRole('button', { name: `Accept the new behaviour of ${CASE}` });
  await accept.click();
  await expect(tests.getByText(`“${CASE}” now expects what this run did.`)).toBeVisible();
  await expect(result).toHaveText('Passed');
  await expect(table).toHaveCount(0);

  // One step back: it expects the recorded transcript again, and fails again.
  await tests.getByRole('button', { name: `Undo accepting the new behaviour of ${CASE}` }).click();
  await expect(tests.getByText(`“${CASE}” expects what it was recorded with again.`)).toBeVisible();
  await expect(result).toHaveText('Failed');
  await expect(table).toBeVisible();

  // Accepted again, it is stored: after a reload the test case passes on the edited flow.
  await accept.click();
  await expect(result).toHaveText('Passed');
  await designer.expectSaved();
  await page.reload();
  await designer.openSimulator();
  await expect(await designer.runTests(CASE)).toHaveText('Passed');
  await expect(tests.getByRole('status')).toHaveText('1 of 1 passed');
  expect(designer.errors).toEqual([]);
});
