import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { flowShape, readRepoFlow, repoRoot, type FlowFile } from './support/flowShape.ts';

const weekdays = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

test('a user builds the reception example from an empty canvas with the palette and the inspector', async ({
  page,
}, testInfo) => {
  test.setTimeout(60_000);
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.createFlow('Recepção');
  // Created in the English UI, it would speak English: this one is the Portuguese reception.
  await designer.setField('Language of the prompts', 'pt-BR');

  // A new flow: a greeting that goes to a hang-up.
  await expect(designer.nodes()).toHaveCount(2);
  await designer.node('Greeting: Greeting').click();
  await designer.setField('Initial message', 'Olá! Você ligou para a Loja Exemplo.');

  await designer.node('Hang up: Hang up').click();
  // Created in the English UI, the flow says goodbye in English until it is told otherwise.
  await expect(designer.inspector.getByLabel('Goodbye', { exact: true })).toHaveValue(
    'Thank you for calling. Goodbye.',
  );
  await designer.setField('Goodbye', 'Obrigado pela ligação. Até logo.');
  const tchau = await designer.selectedNodeId();

  // The ends of the flow first, so every output has somewhere to go when its node is made.
  const bot = async (id: string) => {
    const node = await designer.addNode('Fallback bot');
    await designer.setField('Bot id', id);
    return node;
  };
  const botFora = await bot('bot-fora-do-horario');
  const botVendas = await bot('bot-vendas');
  const botSuporte = await bot('bot-suporte');

  const transfer = async (team: string, onFailure: string) => {
    const node = await designer.addNode('Transfer to team');
    await designer.setField('Team', team);
    await designer.connectPort('When no agents, go to', onFailure);
    await designer.connectPort('When failed, go to', onFailure);
    return node;
  };
  const tVendas = await transfer('vendas', botVendas);
  const tSuporte = await transfer('suporte', botSuporte);
  const tRecepcao = await transfer('recepcao', tchau);

  const fechado = await designer.addNode('Message');
  await designer.setField(
    'Message',
    'Estamos fechados agora. Vou transferir você para o nosso assistente virtual.',
  );
  await designer.connectPort('Then go to', botFora);

  const menu = await designer.addNode('Button menu');
  await designer.setField('Prompt', 'Para vendas, digite 1. Para suporte, digite 2.');
  const options = [
    { legend: 'Option 1', key: '1', keyword: 'vendas', label: 'Vendas', target: tVendas },
    { legend: 'Option 2', key: '2', keyword: 'suporte', label: 'Suporte', target: tSuporte },
  ];
  for (const option of options) {
    const group = designer.inspectorGroup(option.legend);
    await group.getByRole('combobox', { name: 'Key', exact: true }).selectOption(option.key);
    await designer.setField('Keywords', option.keyword, group);
    await designer.setField('Label', option.label, group);
    await designer.connectPort('Goes to', option.target, group);
  }
  const noInput = designer.inspectorGroup('No input');
  await designer.setField('Silence timeout (ms)', '5000', noInput);
  await designer.setField('Repeats', '2', noInput);
  await designer.connectPort('Then go to', tRecepcao, noInput);
  const noMatch = designer.inspectorGroup('No match');
  await designer.setField('Message before repeating (optional)', 'Opção inválida.', noMatch);
  await designer.setField('Repeats', '2', noMatch);
  await designer.connectPort('Then go to', tchau, noMatch);
  await expect(designer.node('Button menu: Button menu').getByRole('listitem')).toHaveText([
    '1 · Vendas',
    '2 · Suporte',
    'no input',
    'no match',
  ]);

  const horario = await designer.addNode('Schedule');
  await designer.setField('Name', 'Horário de atendimento');
  // Paint the hours on the week grid: a new schedule opens Monday to Friday
  // 09:00-18:00; erase them with one stroke, paint them again with another.
  const mon0900 = designer.weekCell('Monday', '09:00');
  const fri1730 = designer.weekCell('Friday', '17:30');
  await designer.paintWeek(mon0900, fri1730);
  await expect(designer.weekSummary().first()).toHaveText('Mon closed');
  await designer.paintWeek(mon0900, fri1730);
  // Saturday morning with the grid's keyboard support: Space opens a half hour,
  // ArrowDown goes to the next (a column per day, a row per half hour).
  await designer.weekCell('Saturday', '09:00').focus();
  for (let slot = 0; slot < 8; slot++) {
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
  }
  await expect(designer.weekSummary()).toHaveText([
    ...weekdays.map((day) => `${day.slice(0, 3)} 09:00–18:00`),
    'Sat 09:00–13:00',
    'Sun closed',
  ]);
  await designer.addHoliday('2026-12-25', 'Natal');
  await designer.addHoliday('2027-01-01', 'Confraternização Universal');
  await designer.connectPort('When open, go to', menu);
  await designer.connectPort('When closed, go to', fechado);
  await designer.connectPort('When holiday, go to', fechado);

  // Last, the greeting leads to the schedule.
  await designer.findNode('greeting', 'Greeting: Greeting');
  await designer.connectPort('Then go to', horario);

  await expect(designer.nodes()).toHaveCount(11);
  await designer.showChecks();
  // Nothing wrong with the flow itself; the browser-only workspace has no teams or bots yet,
  // which the checks say as warnings (the same words as under the nodes' fields).
  await expect(designer.checks.getByRole('status')).toHaveText(/^\d+ warnings$/);
  for (const item of await designer.checks.getByRole('listitem').allInnerTexts())
    expect(item).toMatch(/is not one of the workspace’s (teams|bots)/);
  await designer.expectSaved();

  // The same logic as the example of the repository, whatever the node ids.
  const built = await designer.exportFlow();
  const flow = JSON.parse(built.text) as FlowFile;
  expect(flow.settings.name).toBe('Recepção');
  expect(flowShape(flow)).toEqual(flowShape(readRepoFlow('runtime/examples/reception.flow.json')));

  // Stored as built: the same file after a reload.
  await page.reload();
  await expect(designer.heading('Recepção')).toBeVisible();
  await expect(designer.nodes()).toHaveCount(11);
  const reloaded = await designer.exportFlow();
  expect(reloaded.text).toBe(built.text);

  // And `callbot validate` accepts the exported file.
  const file = testInfo.outputPath(built.name);
  await writeFile(file, built.text);
  const output = execFileSync('node', ['runtime/bin/callbot.js', 'validate', file], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(output).toContain('no problems');

  expect(designer.errors).toEqual([]);
});
