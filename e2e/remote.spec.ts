import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DesignerPage } from './pages/DesignerPage.ts';
import { REMOTE_SETUP_TOKEN, REMOTE_URL } from './support/remoteServer.ts';
import { ownerWorkspace, personOf } from './support/serverOwner.ts';

// Two editors of one workspace on a real callbot server serving this run's
// designer build: edits made while the network is down are kept and sent when
// it is back; saves that conflict end with both versions kept.

test.use({ baseURL: REMOTE_URL });

const ANA = { name: 'Ana Souza', email: 'ana@example.com', password: 'a long enough password 1' };
const BRUNO = {
  name: 'Bruno Lima',
  email: 'bruno@example.com',
  password: 'a long enough password 2',
};

async function csrfOf(request: APIRequestContext): Promise<string> {
  const session = (await (await request.get('/api/session')).json()) as { csrfToken: string };
  return session.csrfToken;
}

/** The flow's document as the server has it. */
async function serverFlow(request: APIRequestContext, ws: string, name: string) {
  const list = (await (await request.get(`/api/workspaces/${ws}/flows`)).json()) as {
    flows: { id: string; name: string }[];
  };
  const flow = list.flows.find((f) => f.name === name);
  if (!flow) return null;
  return JSON.stringify(await (await request.get(`/api/workspaces/${ws}/flows/${flow.id}`)).json());
}

const offlineBar = (page: Page) =>
  page.getByRole('status').filter({ hasText: /Offline — \d+ changes? waiting/ });

test('offline edits are kept and sent when the server is back; conflicting saves keep both', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  // Ana sets the server up (the setup link's token is fixed for the run).
  const { ws } = await ownerWorkspace(page, {
    setupToken: REMOTE_SETUP_TOKEN,
    ...ANA,
    workspaceName: 'Loja',
  });

  const ana = new DesignerPage(page);
  await ana.open();
  await ana.createFlow('Atendimento');
  await ana.addNode('Message');
  await ana.setField('Message', 'Feito online.');
  await ana.expectSaved();
  await expect.poll(() => serverFlow(page.request, ws, 'Atendimento')).toContain('Feito online.');

  // The network goes down: the edit is kept, and the editor says it waits.
  await page.context().setOffline(true);
  await ana.setField('Message', 'Feito offline.');
  await ana.expectSaved();
  await expect(offlineBar(page)).toBeVisible();
  await page.context().setOffline(false);
  await expect(offlineBar(page)).toHaveCount(0, { timeout: 40_000 });
  await expect.poll(() => serverFlow(page.request, ws, 'Atendimento')).toContain('Feito offline.');

  // Bruno joins as an editor (invited by Ana) and opens the same flow.
  const invitation = await page.request.post(`/api/workspaces/${ws}/invitations`, {
    data: { role: 'editor' },
    headers: { 'x-csrf-token': await csrfOf(page.request) },
  });
  const { link } = (await invitation.json()) as { link: string };
  const brunoContext = await browser.newContext({ baseURL: REMOTE_URL, locale: 'en-US' });
  const brunoPage = await brunoContext.newPage();
  const accepted = await brunoPage.request.post(
    `/api/invitations/${new URL(link).searchParams.get('token')}/accept`,
    { data: personOf(BRUNO) },
  );
  expect(accepted.status()).toBe(200);
  const bruno = new DesignerPage(brunoPage);
  await bruno.open();
  await bruno.openFlow('Atendimento');
  // Each sees the other in the editor's header.
  await expect(page.getByRole('listitem', { name: 'Bruno Lima has this flow open' })).toBeVisible({
    timeout: 15_000,
  });
  await expect(
    brunoPage.getByRole('listitem', { name: 'Ana Souza has this flow open' }),
  ).toBeVisible({ timeout: 15_000 });

  // Ana edits offline while Bruno saves the same flow.
  await page.context().setOffline(true);
  await ana.node('Message: Message').click();
  await ana.setField('Message', 'Versão da Ana.');
  await ana.expectSaved();
  await bruno.node('Message: Message').click();
  await bruno.setField('Message', 'Versão do Bruno.');
  await bruno.expectSaved();
  await expect
    .poll(() => serverFlow(page.request, ws, 'Atendimento'))
    .toContain('Versão do Bruno.');
  await page.context().setOffline(false);

  // Ana is told who changed it; nothing was overwritten; she keeps hers as a copy.
  const conflict = page.getByRole('alert').filter({ hasText: 'Bruno Lima changed this flow' });
  await expect(conflict).toBeVisible({ timeout: 40_000 });
  await conflict.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await ana.heading('Atendimento (copy)').waitFor();
  await expect
    .poll(() => serverFlow(page.request, ws, 'Atendimento (copy)'))
    .toContain('Versão da Ana.');
  const original = await serverFlow(page.request, ws, 'Atendimento');
  expect(original).toContain('Versão do Bruno.');
  expect(original).not.toContain('Versão da Ana.');
  await brunoContext.close();
});
