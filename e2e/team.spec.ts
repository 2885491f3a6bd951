import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { repoRoot } from './support/flowShape.ts';
import { DESIGNER_OUT_DIR, originOf, portOf } from './support/ports.ts';
import { ownerWorkspace, personOf, type Person } from './support/serverOwner.ts';

// A team on one real callbot server, two (then three) browser contexts: the
// editor builds a flow and publishes it in one click; the trainer sees it, cannot change it (the page and
// the API both refuse), simulates a call and saves a test case; the editor
// edits while the server is really stopped and nothing is lost once it is
// back; two editors' conflicting saves end with both versions kept; presence
// shows who has the flow open. The spec starts its own server (its port in
// support/ports.ts) on a fixed data folder, so that it can stop and start it again.

const PORT = portOf('team');
const ORIGIN = originOf('team');
const DATA_DIR = path.join(tmpdir(), `callbot-e2e-team-${PORT}`);
const SETUP_TOKEN = 'e2e-team-setup-token';
const DESIGNER_DIR = path.join(repoRoot, 'designer', DESIGNER_OUT_DIR);

test.use({ baseURL: ORIGIN });

const ANA = { name: 'Ana Souza', email: 'ana@example.com', password: 'a long enough password 1' };
const TINA = {
  name: 'Tina Treino',
  email: 'tina@example.com',
  password: 'a long enough password 2',
};
const BRUNO = {
  name: 'Bruno Lima',
  email: 'bruno@example.com',
  password: 'a long enough password 3',
};
const RECEPTION = 'Recepção Loja Exemplo';

let server: ChildProcess | null = null;

const answers = async () => {
  try {
    return (await fetch(`${ORIGIN}/ready`)).status;
  } catch {
    return 0;
  }
};

/** Starts the server on the spec's data folder and waits until it is ready. */
async function startServer(): Promise<void> {
  server = spawn('npm', ['run', 'server'], {
    cwd: repoRoot,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      CALLBOT_DATA_DIR: DATA_DIR,
      CALLBOT_SETUP_TOKEN: SETUP_TOKEN,
      CALLBOT_DESIGNER_DIR: DESIGNER_DIR,
    },
  });
  await expect.poll(answers, { timeout: 90_000, intervals: [500] }).toBe(200);
}

/** Stops the server's processes (npm, tsx, node) and waits until nothing answers. */
async function stopServer(): Promise<void> {
  const running = server;
  server = null;
  if (!running?.pid) return;
  const exited = once(running, 'exit');
  process.kill(-running.pid, 'SIGTERM');
  await exited;
  await expect.poll(answers, { timeout: 30_000 }).toBe(0);
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  await startServer();
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await stopServer();
});

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

/** The flow as the server has it (its JSON), found by name. */
async function serverFlow(request: APIRequestContext, ws: string, name: string) {
  const list = (await (await request.get(`/api/workspaces/${ws}/flows`)).json()) as {
    flows: { id: string; name: string }[];
  };
  const flow = list.flows.find((f) => f.name === name);
  if (!flow) return null;
  return (await (await request.get(`/api/workspaces/${ws}/flows/${flow.id}`)).json()) as {
    id: string;
    revision: number;
    doc: unknown;
  };
}
const serverText = async (request: APIRequestContext, ws: string, name: string) =>
  JSON.stringify(await serverFlow(request, ws, name));

/** A new browser context whose person joins the workspace by an invitation Ana makes. */
async function joins(
  owner: Page,
  browser: Browser,
  ws: string,
  role: 'editor' | 'trainer',
  person: Person,
) {
  const invitation = await owner.request.post(`/api/workspaces/${ws}/invitations`, {
    data: { role },
    headers: { 'x-csrf-token': await csrfOf(owner.request) },
  });
  const { link } = (await invitation.json()) as { link: string };
  const context = await browser.newContext({ baseURL: ORIGIN, locale: 'en-US' });
  const page = await context.newPage();
  const accepted = await page.request.post(
    `/api/invitations/${new URL(link).searchParams.get('token')}/accept`,
    { data: personOf(person) },
  );
  expect(accepted.status()).toBe(200);
  return { context, page, designer: new DesignerPage(page) };
}

const offlineBar = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Offline — \d+ changes? waiting/ });

test('a team on one server: build, train read-only, edit through an outage, conflicting saves', async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const { ws } = await ownerWorkspace(page, {
    setupToken: SETUP_TOKEN,
    ...ANA,
    workspaceName: 'Loja',
  });

  // The editor (the owner) finds the seeded example and builds a flow.
  const ana = new DesignerPage(page);
  await ana.open();
  await expect(ana.flowList.getByRole('link', { name: RECEPTION, exact: true })).toBeVisible();
  await ana.createFlow('Atendimento');
  await ana.addNode('Message');
  await ana.setField('Message', 'Feito pela Ana.');
  await ana.expectSaved();
  await expect.poll(() => serverText(page.request, ws, 'Atendimento')).toContain('Feito pela Ana.');
  // One click publishes it (no URL, no token): version 1 is live, published by Ana.
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  const publishing = page.getByRole('dialog', { name: 'Publish' });
  await publishing.getByRole('button', { name: 'Publish now' }).click();
  await expect(publishing.getByText(/Version 1 is live/)).toBeVisible();
  await expect(publishing.getByRole('listitem').filter({ hasText: ANA.name })).toContainText(
    'Live',
  );
  await publishing.getByRole('button', { name: 'Close' }).click();
  await expect(publishing).toHaveCount(0);

  // The trainer sees it, read-only: no palette, no edit, and the API refuses her save.
  const tina = await joins(page, browser, ws, 'trainer', TINA);
  await tina.designer.open();
  // Her library opens flows and offers nothing the server would refuse her.
  await expect(tina.designer.flowList.getByRole('link', { name: 'Atendimento' })).toBeVisible();
  for (const action of ['New flow', 'Import flow', 'Rename Atendimento', 'Delete Atendimento'])
    await expect(tina.page.getByRole('button', { name: action })).toHaveCount(0);
  await tina.designer.openFlow('Atendimento');
  await expect(
    tina.page.getByRole('status').filter({ hasText: 'Read only — you are a trainer' }),
  ).toBeVisible();
  await expect(tina.page.getByRole('navigation', { name: 'Palette' })).toHaveCount(0);
  await tina.designer.node('Message: Message').click();
  await expect(tina.designer.inspector.getByRole('textbox', { name: 'Message' })).toBeDisabled();
  const stored = (await serverFlow(tina.page.request, ws, 'Atendimento'))!;
  const refused = await tina.page.request.put(`/api/workspaces/${ws}/flows/${stored.id}`, {
    data: { baseRevision: stored.revision, doc: stored.doc },
    headers: { 'x-csrf-token': await csrfOf(tina.page.request) },
  });
  expect(refused.status()).toBe(403);
  await expect(tina.page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);
  const notPublished = await tina.page.request.post(
    `/api/workspaces/${ws}/flows/${stored.id}/publish`,
    { data: { doc: stored.doc }, headers: { 'x-csrf-token': await csrfOf(tina.page.request) } },
  );
  expect(notPublished.status()).toBe(403);

  // Presence: each sees the other in the flow's header.
  await expect(page.getByRole('listitem', { name: 'Tina Treino has this flow open' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(
    tina.page.getByRole('listitem', { name: 'Ana Souza has this flow open' }),
  ).toBeVisible({ timeout: 15_000 });

  // The trainer simulates a call of the example and keeps it as a test case, on the server.
  await tina.designer.backToLibrary();
  await tina.designer.openFlow(RECEPTION);
  await tina.designer.openSimulator();
  await tina.designer.startCall({
    date: '2026-11-24',
    time: '10:00',
    agents: { vendas: 0 },
    speed: 'Instant',
  });
  await tina.designer.pressKey('1');
  await expect(tina.designer.listeningIndicator()).toHaveText('Call ended');
  await tina.designer.saveTestCase('Vendas sem agentes');
  const example = (await serverFlow(page.request, ws, RECEPTION))!;
  const tests = (await (
    await page.request.get(`/api/workspaces/${ws}/flows/${example.id}/tests`)
  ).json()) as { tests: { name: string; updatedBy: { name: string } }[] };
  expect(tests.tests).toEqual([
    expect.objectContaining({
      name: 'Vendas sem agentes',
      updatedBy: expect.objectContaining({ name: TINA.name }),
    }),
  ]);

  // The workspace's pages are read-only for her too: the teams are shown, nothing is offered to
  // change them, and the server refuses her change all the same.
  await tina.designer.backToLibrary();
  await tina.page.getByRole('link', { name: 'Teams', exact: true }).click();
  await expect(tina.page.getByRole('note')).toHaveText('Read only — you are a trainer');
  await expect(tina.page.getByRole('rowheader', { name: 'Vendas', exact: true })).toBeVisible();
  await expect(
    tina.page.getByRole('spinbutton', { name: 'Agents available in Vendas' }),
  ).toBeDisabled();
  await expect(
    tina.page.getByRole('radio', { name: 'Recepção is the default team' }),
  ).toBeDisabled();
  for (const action of ['Create team', 'Rename Vendas', 'Delete Vendas'])
    await expect(tina.page.getByRole('button', { name: action })).toHaveCount(0);
  await expect(tina.page.getByRole('button', { name: 'Import workspace' })).toHaveCount(0);
  const teamRefused = await tina.page.request.put(`/api/workspaces/${ws}/teams/vendas`, {
    data: { id: 'vendas', name: 'Vendas', agents: 5, isDefault: false },
    headers: { 'x-csrf-token': await csrfOf(tina.page.request) },
  });
  expect(teamRefused.status()).toBe(403);
  await tina.context.close();

  // The server really stops: Ana's edit is kept and waits; it is sent once the server is back.
  await stopServer();
  await ana.setField('Message', 'Feito com o servidor parado.');
  await ana.expectSaved();
  await expect(offlineBar(page)).toBeVisible({ timeout: 30_000 });
  await startServer();
  await expect(offlineBar(page)).toHaveCount(0, { timeout: 60_000 });
  await expect
    .poll(() => serverText(page.request, ws, 'Atendimento'), { timeout: 30_000 })
    .toContain('Feito com o servidor parado.');

  // A second editor: their conflicting saves end with both versions kept.
  const bruno = await joins(page, browser, ws, 'editor', BRUNO);
  await bruno.designer.open();
  await bruno.designer.openFlow('Atendimento');
  await expect(page.getByRole('listitem', { name: 'Bruno Lima has this flow open' })).toBeVisible({
    timeout: 15_000,
  });
  await page.context().setOffline(true);
  await ana.node('Message: Message').click();
  await ana.setField('Message', 'Versão da Ana.');
  await ana.expectSaved();
  await bruno.designer.node('Message: Message').click();
  await bruno.designer.setField('Message', 'Versão do Bruno.');
  await bruno.designer.expectSaved();
  await expect
    .poll(() => serverText(bruno.page.request, ws, 'Atendimento'))
    .toContain('Versão do Bruno.');
  await page.context().setOffline(false);
  const conflict = page.getByRole('alert').filter({ hasText: 'Bruno Lima changed this flow' });
  await expect(conflict).toBeVisible({ timeout: 60_000 });
  await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await ana.heading('Atendimento (copy)').waitFor();
  await expect
    .poll(() => serverText(page.request, ws, 'Atendimento (copy)'))
    .toContain('Versão da Ana.');
  expect(await serverText(page.request, ws, 'Atendimento')).toContain('Versão do Bruno.');
  await bruno.context.close();
});
