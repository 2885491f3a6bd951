import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { axeFindings } from './support/axe.ts';
import { repoRoot } from './support/flowShape.ts';

const RECEPTION = 'Recepção Loja Exemplo';

test('a saved test case passes, then fails after the menu text is edited', async ({
  page,
}, testInfo) => {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);
  await designer.openSimulator();

  // A Tuesday at 10:00 (open), nobody in sales: pressing 1 ends in the bot-vendas fallback.
  await designer.startCall({
    date: '2026-11-24',
    time: '10:00',
    agents: { vendas: 0 },
    speed: 'Instant',
  });
  await expect(designer.listeningIndicator()).toHaveText(/^Listening/);
  await designer.pressKey('1');
  await expect(designer.listeningIndicator()).toHaveText('Call ended');

  await designer.saveTestCase('Vendas sem agentes');
  const tests = designer.testCases();
  await expect(
    tests.getByRole('list', { name: 'Test cases of this flow' }).getByRole('listitem'),
  ).toHaveCount(1);

  const result = await designer.runTests('Vendas sem agentes');
  await expect(result).toHaveText('Passed');
  await expect(tests.getByRole('status')).toHaveText('1 of 1 passed');
  await expect(tests.getByRole('region', { name: 'Coverage' })).toContainText(
    'Nodes: 5 of 11 (45%)',
  );

  // The exported script replays the same call with `callbot simulate`.
  const flowFile = testInfo.outputPath('reception.flow.json');
  await writeFile(flowFile, (await designer.exportFlow()).text);
  const script = await designer.exportTestCase('Vendas sem agentes');
  expect(script.name).toBe('vendas-sem-agentes.script.json');
  const scriptFile = testInfo.outputPath(script.name);
  await writeFile(scriptFile, script.text);
  const printed = execFileSync(
    'node',
    ['runtime/bin/callbot.js', 'simulate', flowFile, scriptFile],
    {
      cwd: repoRoot,
      encoding: 'utf8',
    },
  )
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { kind: string; outcome?: string; team?: string });
  expect(printed).toContainEqual(
    expect.objectContaining({ kind: 'transfer', team: 'vendas', outcome: 'no_agents' }),
  );
  expect(printed.at(-1)).toMatchObject({ kind: 'end', outcome: 'handed_off' });

  // A shorter menu prompt: the same keys now give another transcript.
  await designer.findNode('menu', 'Button menu: Menu principal');
  await designer.setField('Prompt', 'Vendas: 1. Suporte: 2.');
  await expect(result).toHaveCount(0); // the earlier run was on the flow before the edit
  await designer.runTests('Vendas sem agentes');
  await expect(result).toHaveText('Failed');
  await expect(tests.getByRole('status')).toHaveText('0 of 1 passed');
  const diff = tests.getByRole('table', {
    name: 'Expected and actual transcript of Vendas sem agentes',
  });
  await expect(
    diff.getByRole('cell', {
      name: /Bot says: “Para vendas, digite 1\. Para suporte, digite 2\.”/,
    }),
  ).toBeVisible();
  await expect(
    diff.getByRole('cell', { name: /Bot says: “Vendas: 1\. Suporte: 2\.”/ }),
  ).toBeVisible();

  // The panel with a failed test and its difference, and the cost beside it, pass axe (WCAG 2.1 AA).
  const findings = await axeFindings(page, {
    include: ['section[aria-label="Test cases"]', 'section[aria-label="Estimated cost"]'],
    impacts: 'all',
  });
  expect(findings, 'axe on the test cases and the cost').toEqual([]);
  expect(designer.errors).toEqual([]);
});
