import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { axeFindings } from './support/axe.ts';

const RECEPTION = 'Recepção Loja Exemplo';
/** A Tuesday at 10:00 in São Paulo (the flow's time zone): the reception is open. */
const TUESDAY = { date: '2026-11-24', time: '10:00' };

async function receptionSimulator(page: Page) {
  const designer = new DesignerPage(page);
  await designer.open();
  await designer.openFlow(RECEPTION);
  await designer.openSimulator();
  return designer;
}

/**
 * Moves the page's paused clock on in steps of `stepMs` (the simulator's "Real time" pacing is
 * a page timer reading `performance.now`, both Playwright's) until `reached` holds: the test
 * controls the call's time, so a loaded machine cannot make it late.
 */
async function runUntil(page: Page, reached: () => Promise<boolean>, what: string, stepMs = 250) {
  for (let ran = 0; ran <= 60_000; ran += stepMs) {
    if (await reached()) return;
    await page.clock.runFor(stepMs);
  }
  throw new Error(`${what}: not reached within 60 s of the call's time`);
}

test('a key pressed during the greeting is ignored, and the bot listens only after the menu prompt', async ({
  page,
}) => {
  // The page's time runs as usual while the app loads, then stands still: the call moves only
  // when the test moves the clock.
  await page.clock.install();
  const designer = await receptionSimulator(page);
  await page.clock.pauseAt(Date.now() + 1000);
  const indicator = designer.listeningIndicator();
  await expect(indicator).toHaveText('No call');

  await designer.startCall({ ...TUESDAY, speed: 'Real time' });
  await expect(indicator).toHaveText('Speaking · not listening: keys and speech are ignored');
  await page.clock.runFor(1000);
  await designer.pressKey('5');
  await expect(designer.transcript().filter({ hasText: 'Caller presses 5' })).toHaveText(
    /^00:0\d\.\d Caller presses 5: ignored, the bot was not listening \(a drawn flow does not listen while it speaks, and first listens at a button menu\)$/,
  );

  // The greeting, then the menu prompt: still speaking; listening only once the prompt ends.
  const menuPrompt = designer.transcript().filter({ hasText: 'Bot says: “Para vendas' });
  await runUntil(page, async () => (await menuPrompt.count()) > 0, 'the menu prompt');
  await expect(indicator).toHaveText(/^Speaking/);
  await runUntil(
    page,
    async () => (await indicator.textContent()) === 'Listening · to keys, speech',
    'listening',
  );
  await expect(indicator).toHaveText('Listening · to keys, speech');
  const lines = await designer.transcript().allInnerTexts();
  const prompt = lines.findIndex((l) => l.includes('Para vendas'));
  expect(prompt).toBeGreaterThan(lines.findIndex((l) => l.includes('Caller presses 5')));

  // The event log shows the state at a chosen moment.
  const log = designer.simulator().getByRole('list', { name: 'Event log' });
  await log.getByRole('button', { name: /Bot starts listening/ }).click();
  const state = designer.simulator().getByRole('region', { name: /^State at / });
  await expect(state).toContainText('Nodemenu');
  await expect(state).toContainText('Listeningyes (keys, speech)');
  await expect(designer.simulator().getByRole('img', { name: /Call timeline/ })).toBeVisible();

  // The simulator (test cases and cost aside: their own spec checks them) passes axe's WCAG A/AA rules.
  // axe waits on the page's timers: time runs again (the checks above are done).
  await page.clock.resume();
  const findings = await axeFindings(page, {
    include: ['aside[aria-label="Simulator"]'],
    exclude: ['section[aria-label="Test cases"]', 'section[aria-label="Estimated cost"]'],
    impacts: 'all',
  });
  expect(findings, 'axe on the simulator').toEqual([]);
  expect(designer.errors).toEqual([]);
});

test('pressing 1 with agents available ends in a transfer to vendas', async ({ page }) => {
  const designer = await receptionSimulator(page);
  await designer.startCall({ ...TUESDAY, agents: { vendas: 2 }, speed: 'Instant' });
  await expect(designer.listeningIndicator()).toHaveText(/^Listening/);
  await designer.pressKey('1');
  await expect(designer.listeningIndicator()).toHaveText('Call ended');
  // Queued for the team (R16), then answered.
  await expect(designer.transcript().filter({ hasText: 'Transfer to vendas' })).toHaveText([
    /Transfer to vendas: queued, waiting for an agent \(not listening\)$/,
    /Transfer to vendas: answered$/,
  ]);
  await expect(designer.transcript().last()).toHaveText(/Call ended: transferred$/);
  expect(designer.errors).toEqual([]);
});

test('pressing 1 with no agents in vendas goes to the bot-vendas fallback', async ({ page }) => {
  const designer = await receptionSimulator(page);
  await designer.startCall({ ...TUESDAY, agents: { vendas: 0 }, speed: 'Instant' });
  await expect(designer.listeningIndicator()).toHaveText(/^Listening/);
  await designer.pressKey('1');
  await expect(designer.transcript().filter({ hasText: 'Transfer to vendas' })).toHaveText(
    /Transfer to vendas: no agents available$/,
  );
  await expect(designer.transcript().filter({ hasText: 'Handed to the bot' })).toHaveText(
    /Handed to the bot bot-vendas$/,
  );
  await expect(designer.listeningIndicator()).toHaveText('Call ended');
  expect(designer.errors).toEqual([]);
});

test('a call at 03:00 on a Sunday goes to the closed branch', async ({ page }) => {
  const designer = await receptionSimulator(page);
  await designer.startCall({ date: '2026-11-29', time: '03:00', speed: 'Instant' });
  await expect(designer.listeningIndicator()).toHaveText('Call ended');
  await expect(designer.transcript().filter({ hasText: 'Bot says' })).toHaveText([
    /Olá! Você ligou para a Loja Exemplo/,
    /Estamos fechados agora/,
  ]);
  await expect(designer.transcript().filter({ hasText: 'Handed to the bot' })).toHaveText(
    /Handed to the bot bot-fora-do-horario$/,
  );
  const log = await designer
    .simulator()
    .getByRole('list', { name: 'Event log' })
    .getByRole('listitem')
    .allInnerTexts();
  expect(log.filter((l) => l.includes('Enters')).map((l) => l.replace(/^\S+ /, ''))).toEqual([
    'Enters Boas-vindas (greeting)',
    'Enters Horário de atendimento (horario)',
    'Enters Aviso de fechado (fechado)',
    'Enters Bot fora do horário (bot-fora)',
  ]);
  expect(designer.errors).toEqual([]);
});

test('the AI example, answered by a mocked endpoint, is interrupted by caller speech', async ({
  page,
}) => {
  const ENDPOINT = 'https://llm.example.test/v1/chat/completions';
  const REPLY =
    'Olá! Aqui é a assistente virtual da Loja Exemplo. Temos muitas ofertas hoje em todos os departamentos da loja, de eletrônicos a roupas, e posso contar cada uma delas com calma para você.';
  const asked: string[] = [];
  const cors = {
    'access-control-allow-origin': '*',
    'access-control-allow-headers': 'content-type, authorization',
    'access-control-allow-methods': 'POST, OPTIONS',
  };
  await page.route(ENDPOINT, async (route) => {
    if (route.request().method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: cors });
      return;
    }
    asked.push(route.request().headers().authorization ?? '');
    await route.fulfill({
      status: 200,
      headers: { ...cors, 'content-type': 'application/json' },
      body: JSON.stringify({ choices: [{ message: { role: 'assistant', content: REPLY } }] }),
    });
  });

  const designer = new DesignerPage(page);
  await designer.open();
  const text = await readFile(
    new URL('../runtime/examples/ai-agent.flow.json', import.meta.url),
    'utf8',
  );
  await designer.importFile({ name: 'ai-agent.flow.json', text });
  await designer.heading('Assistente virtual Loja Exemplo').waitFor();
  const sim = await designer.openSimulator();

  await sim.getByRole('button', { name: 'AI endpoint' }).click();
  const dialog = page.getByRole('dialog', { name: 'AI endpoint for simulated calls' });
  await dialog.getByLabel('Chat-completions URL').fill(ENDPOINT);
  await dialog.getByLabel('Model').fill('test-model');
  await dialog.getByLabel('API key').fill('sk-test');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(sim.getByText(`AI agent turns come from test-model at ${ENDPOINT}.`)).toBeVisible();

  await designer.startCall({ ...TUESDAY, speed: 'Instant' });
  await expect(designer.listeningIndicator()).toHaveText(
    'Speaking and listening · the caller can interrupt by speaking',
  );
  await expect(designer.transcript().filter({ hasText: 'Bot says: “Olá! Aqui é' })).toBeVisible();

  await sim.getByLabel('What the caller says').fill('quero falar com uma pessoa');
  await sim.getByRole('button', { name: 'Say', exact: true }).click();
  await expect(designer.transcript().filter({ hasText: 'interrupted' })).toHaveText(
    /Bot stops speaking \(interrupted\)$/,
  );
  await expect(
    designer.transcript().filter({ hasText: 'Caller says “quero falar com uma pessoa”' }),
  ).toHaveText(/Caller says “quero falar com uma pessoa”$/);
  expect(asked[0]).toBe('Bearer sk-test');
  expect(designer.errors).toEqual([]);
});
